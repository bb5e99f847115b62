import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaImportResult } from '@plenum/shared';
import { ActionError, FileField } from '../../ui/FormFields.tsx';
import { useConsoleAction } from '../../ui/useConsoleAction.ts';
import { agendaApi } from './agenda-api.ts';

/** Import a pretalx/Frab schedule (XML), all or nothing, and show what was taken and what not. */
export function AgendaImport({ slug, onImported }: { slug: string; onImported: () => void }) {
  const { t } = useTranslation();
  const action = useConsoleAction();
  const file = useRef<HTMLInputElement>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [report, setReport] = useState<AgendaImportResult | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const chosen = file.current?.files?.[0];
    setMissingFile(!chosen);
    if (!chosen) return file.current?.focus();
    const result = await action.run(
      'import',
      () => agendaApi.importFrab(slug, chosen),
      (r) => t('console.import.done', { count: r.imported, skipped: r.skipped.length }),
    );
    if (result) {
      setReport(result);
      onImported();
    }
  };

  return (
    <details className="console-details console-import">
      <summary>{t('console.import.heading')}</summary>
      <form className="console-inline" noValidate onSubmit={submit}>
        <FileField
          id="agenda-import-file"
          label={t('console.import.file')}
          hint={t('console.import.hint')}
          error={missingFile ? t('console.chooseFile') : undefined}
          inputRef={file}
          accept=".xml,application/xml,text/xml"
        />
        <button
          type="submit"
          className="button"
          aria-disabled={action.busy === 'import' || undefined}
        >
          {t('console.import.submit')}
        </button>
      </form>
      <ActionError error={action.errorFor('import')} />
      {report && (
        <div className="console-report">
          <p>
            {t('console.import.done', { count: report.imported, skipped: report.skipped.length })}
          </p>
          {report.skipped.length > 0 && (
            <ul>
              {report.skipped.map((s, i) => (
                <li key={i}>
                  <strong>{s.title}</strong>:{' '}
                  {t(`console.import.skip.${s.code}`, { ...s.params, defaultValue: s.reason })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </details>
  );
}
