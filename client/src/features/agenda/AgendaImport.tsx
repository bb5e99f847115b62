import { useTranslation } from 'react-i18next';
import type { AgendaImportResult } from '@plenum/shared';
import { FileUpload } from '../../ui/FileUpload.tsx';
import { agendaApi } from './agenda-api.ts';

/** Import a pretalx/Frab schedule (XML), all or nothing, and show what was taken and what not. */
export function AgendaImport({ slug, onImported }: { slug: string; onImported: () => void }) {
  const { t } = useTranslation();
  return (
    <FileUpload<AgendaImportResult>
      id="agenda-import-file"
      className="console-details console-import"
      heading={t('console.import.heading')}
      label={t('console.import.file')}
      hint={t('console.import.hint')}
      accept=".xml,application/xml,text/xml"
      submitLabel={t('console.import.submit')}
      upload={(file) => agendaApi.importFrab(slug, file)}
      doneText={(r) => t('console.import.done', { count: r.imported, skipped: r.skipped.length })}
      onUploaded={onImported}
    >
      {(report) =>
        report.skipped.length > 0 && (
          <ul>
            {report.skipped.map((s, i) => (
              <li key={i}>
                <strong>{s.title}</strong>:{' '}
                {t(`console.import.skip.${s.code}`, { ...s.params, defaultValue: s.reason })}
              </li>
            ))}
          </ul>
        )
      }
    </FileUpload>
  );
}
