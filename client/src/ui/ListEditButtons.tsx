import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from './ConfirmButton.tsx';

/** "Add …" above a list the console edits; it opens the form for a new entry. */
export function AddButton({
  buttonRef,
  open,
  label,
  onClick,
}: {
  buttonRef: Ref<HTMLButtonElement>;
  /** Whether the form for a new entry is open. */
  open: boolean;
  label: string;
  onClick: () => void;
}) {
  return (
    <button
      ref={buttonRef}
      type="button"
      className="button button-primary"
      aria-expanded={open}
      onClick={onClick}
    >
      {label}
    </button>
  );
}

/** Edit and Delete on one row, each read with the row's name; Delete asks first. */
export function EditButton({ name, onClick }: { name: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button-quiet" onClick={onClick}>
      {t('console.edit')}
      <span className="visually-hidden"> {name}</span>
    </button>
  );
}

export function DeleteButton({
  name,
  title,
  text,
  busy,
  onConfirm,
}: {
  name: string;
  title: string;
  text: string;
  busy: boolean;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmButton
      className="button button-quiet"
      label={t('console.delete')}
      labelDetail={name}
      title={title}
      text={text}
      confirmLabel={t('console.delete')}
      busy={busy}
      onConfirm={onConfirm}
    />
  );
}
