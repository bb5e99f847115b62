import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreassignmentReport } from '@plenum/shared';
import { ActionError, FileField } from '../../ui/FormFields.tsx';
import { useConsoleAction } from '../../ui/useConsoleAction.ts';
import { assignmentsApi } from './assignments-api.ts';
import { unmatchedReason } from './assignments.ts';

/** A spreadsheet of who goes where (CSV), and the server's report of the rows it could not match. */
export function PreassignUpload({ phaseId }: { phaseId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const action = useConsoleAction();
  const file = useRef<HTMLInputElement>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [report, setReport] = useState<PreassignmentReport | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const chosen = file.current?.files?.[0];
    setMissingFile(!chosen);
    if (!chosen) return file.current?.focus();
    const result = await action.run(
      'upload',
      () => assignmentsApi.preassign(phaseId, chosen),
      (r) => t('console.preassign.done', { count: r.assigned, unmatched: r.unmatched.length }),
    );
    if (result) setReport(result);
  };

  const reasonText = (reason: string) => {
    const r = unmatchedReason(reason);
    return r.key === 'other' ? r.text : t(`console.preassign.reasons.${r.key}`, { ...r });
  };

  return (
    <details className="console-details">
      <summary>{t('console.preassign.heading')}</summary>
      <form className="console-inline" noValidate onSubmit={submit}>
        <FileField
          id={`${id}-file`}
          label={t('console.preassign.file')}
          hint={t('console.preassign.hint')}
          error={missingFile ? t('console.chooseFile') : undefined}
          inputRef={file}
          accept=".csv,text/csv"
        />
        <button type="submit" className="button" aria-disabled={action.busy !== null || undefined}>
          {t('console.preassign.submit')}
        </button>
      </form>
      <ActionError error={action.errorFor('upload')} />
      {report && (
        <div className="console-report">
          <p>
            {t('console.preassign.done', {
              count: report.assigned,
              unmatched: report.unmatched.length,
            })}
          </p>
          {report.unmatched.length > 0 && (
            <div className="table-scroll">
              <table className="console-table">
                <caption>{t('console.preassign.unmatched')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('console.preassign.line')}</th>
                    <th scope="col">{t('console.preassign.row')}</th>
                    <th scope="col">{t('console.preassign.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.unmatched.map((row) => (
                    <tr key={row.line}>
                      <td>{row.line}</td>
                      <td>{row.text}</td>
                      <td>{reasonText(row.reason)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </details>
  );
}
