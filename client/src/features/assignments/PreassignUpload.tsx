import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreassignmentReport } from '@plenum/shared';
import { FileUpload } from '../../ui/FileUpload.tsx';
import { assignmentsApi } from './assignments-api.ts';
import { unmatchedReason } from './assignments.ts';

/** A spreadsheet of who goes where (CSV), and the server's report of the rows it could not match. */
export function PreassignUpload({ phaseId }: { phaseId: string }) {
  const { t } = useTranslation();
  const id = useId();

  const reasonText = (reason: string) => {
    const r = unmatchedReason(reason);
    return r.key === 'other' ? r.text : t(`console.preassign.reasons.${r.key}`, { ...r });
  };

  return (
    <FileUpload<PreassignmentReport>
      id={`${id}-file`}
      heading={t('console.preassign.heading')}
      label={t('console.preassign.file')}
      hint={t('console.preassign.hint')}
      accept=".csv,text/csv"
      submitLabel={t('console.preassign.submit')}
      upload={(file) => assignmentsApi.preassign(phaseId, file)}
      doneText={(r) =>
        t('console.preassign.done', { count: r.assigned, unmatched: r.unmatched.length })
      }
    >
      {(report) =>
        report.unmatched.length > 0 && (
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
        )
      }
    </FileUpload>
  );
}
