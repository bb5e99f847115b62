import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmButtonProps {
  /** The button's text. */
  label: string;
  /** Read with the button, e.g. the name of what it deletes. */
  labelDetail?: string;
  title: string;
  text: string;
  confirmLabel: string;
  onConfirm: () => void;
  className?: string;
  busy?: boolean;
}

/**
 * A button that asks first, in a modal `<dialog>`: the browser traps focus in it, Escape cancels,
 * and focus returns to the button afterwards. "Cancel" has focus first: the safe choice.
 */
export function ConfirmButton({
  label,
  labelDetail,
  title,
  text,
  confirmLabel,
  onConfirm,
  className = 'button',
  busy,
}: ConfirmButtonProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();

  const close = () => dialog.current?.close();
  const confirm = () => {
    close();
    onConfirm();
  };

  return (
    <>
      <button
        type="button"
        className={className}
        aria-disabled={busy || undefined}
        onClick={() => !busy && dialog.current?.showModal()}
      >
        {label}
        {labelDetail && <span className="visually-hidden"> {labelDetail}</span>}
      </button>
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-text`}
      >
        <h2 id={`${id}-title`} className="confirm-title">
          {title}
        </h2>
        <p id={`${id}-text`}>{text}</p>
        <div className="button-row">
          <button type="button" className="button" onClick={close}>
            {t('console.cancel')}
          </button>
          <button type="button" className="button button-primary" onClick={confirm}>
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
