import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError, FileField } from './FormFields.tsx';
import { useConsoleAction } from './useConsoleAction.ts';

/**
 * A console form that sends one chosen file (a schedule, a spreadsheet) and shows the server's
 * report of it under the form; refuses to send without a file and puts the focus on the field.
 */
export function FileUpload<Report>({
  id,
  className = 'console-details',
  heading,
  label,
  hint,
  accept,
  submitLabel,
  upload,
  doneText,
  onUploaded,
  children,
}: {
  id: string;
  className?: string;
  heading: string;
  label: string;
  hint: string;
  accept: string;
  submitLabel: string;
  upload: (file: File) => Promise<Report>;
  /** The outcome in one sentence: announced, and the report's first line. */
  doneText: (report: Report) => string;
  onUploaded?: (report: Report) => void;
  /** The report's details under that sentence. */
  children: (report: Report) => ReactNode;
}) {
  const { t } = useTranslation();
  const action = useConsoleAction();
  const file = useRef<HTMLInputElement>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [report, setReport] = useState<Report | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const chosen = file.current?.files?.[0];
    setMissingFile(!chosen);
    if (!chosen) return file.current?.focus();
    const result = await action.run('upload', () => upload(chosen), doneText);
    if (result) {
      setReport(result);
      onUploaded?.(result);
    }
  };

  return (
    <details className={className}>
      <summary>{heading}</summary>
      <form className="console-inline" noValidate onSubmit={submit}>
        <FileField
          id={id}
          label={label}
          hint={hint}
          error={missingFile ? t('console.chooseFile') : undefined}
          inputRef={file}
          accept={accept}
        />
        <button type="submit" className="button" aria-disabled={action.busy !== null || undefined}>
          {submitLabel}
        </button>
      </form>
      <ActionError error={action.errorFor('upload')} />
      {report && (
        <div className="console-report">
          <p>{doneText(report)}</p>
          {children(report)}
        </div>
      )}
    </details>
  );
}
