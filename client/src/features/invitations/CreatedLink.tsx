import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../app/status.tsx';
import type { CreatedInvitation } from './invitations-api.ts';
import { QrCode } from './QrCode.tsx';
import { downloadQrPng, downloadQrSvg, qrFileNameOf } from './qr-download.ts';

/** A new invitation link, shown this once: to copy, or to scan from the screen or a handout. */
export function CreatedLink({
  invitation,
  onClose,
}: {
  invitation: CreatedInvitation;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const role = t(`roles.${invitation.role}`);
  const qrFileName = qrFileNameOf(invitation.role, invitation.label);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invitation.link);
    } catch {
      // No clipboard access (permissions, older browsers): select it for Ctrl+C instead.
      input.current?.select();
      if (!document.execCommand?.('copy')) {
        announce(t('console.invitations.copyByHand'));
        return;
      }
    }
    setCopied(true);
    announce(t('console.invitations.copied'));
  };

  return (
    <section className="created-invitation" aria-labelledby="created-invitation-heading">
      <h4 id="created-invitation-heading">{t('console.invitations.createdHeading', { role })}</h4>
      <p>{t('console.invitations.onlyNow')}</p>
      <div className="field">
        <label htmlFor="created-invitation-link">{t('console.invitations.link')}</label>
        <div className="console-inline">
          <input
            ref={input}
            id="created-invitation-link"
            readOnly
            value={invitation.link}
            onFocus={(e) => e.target.select()}
          />
          <button type="button" className="button" onClick={() => void copy()}>
            {t(copied ? 'console.invitations.copiedShort' : 'console.invitations.copy')}
          </button>
        </div>
      </div>
      <QrCode text={invitation.link} label={t('console.invitations.qr', { role })} />
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => void downloadQrPng(invitation.link, qrFileName)}
        >
          {t('console.invitations.qrPng')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => downloadQrSvg(invitation.link, qrFileName)}
        >
          {t('console.invitations.qrSvg')}
        </button>
      </div>
      <p>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('console.invitations.hide')}
        </button>
      </p>
    </section>
  );
}
