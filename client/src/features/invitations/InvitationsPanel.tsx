import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Event, Invitation } from '@plenum/shared';
import { useLanguage } from '../../app/i18n/index.ts';
import { formatDay, formatTime } from '../../lib/time-format.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { ActionError } from '../../ui/FormFields.tsx';
import { LoadFailed } from '../../ui/LoadFailed.tsx';
import { useConsoleAction } from '../../ui/useConsoleAction.ts';
import { CreatedLink } from './CreatedLink.tsx';
import { InvitationForm } from './InvitationForm.tsx';
import { invitationsApi, type CreatedInvitation } from './invitations-api.ts';
import { useInvitations } from './useInvitations.ts';

/** Invitation links per role: create (the link is shown once, with a QR code), list, revoke. */
export function InvitationsPanel({ event }: { event: Pick<Event, 'slug' | 'timeZone'> }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const invitations = useInvitations(event.slug);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const action = useConsoleAction();
  const createdRef = useRef<HTMLDivElement>(null);
  const when = (iso: string) =>
    `${formatDay(iso, event.timeZone, locale)}, ${formatTime(iso, event.timeZone, locale)}`;

  const revoke = (invitation: Invitation) =>
    void action.run(
      `revoke:${invitation.id}`,
      async () => invitations.put(await invitationsApi.revokeInvitation(event.slug, invitation.id)),
      () => t('console.invitations.revoked'),
    );

  const describe = (i: Invitation) => {
    const parts = [
      i.maxUses === null
        ? t('console.invitations.usesUnlimited', { count: i.uses })
        : t('console.invitations.uses', { count: i.uses, max: i.maxUses }),
    ];
    if (i.expiresAt) parts.push(t('console.invitations.expires', { when: when(i.expiresAt) }));
    return parts.join(' · ');
  };

  return (
    <section className="console-part" aria-labelledby="console-invitations-heading">
      <h3 id="console-invitations-heading">{t('console.invitations.heading')}</h3>
      <InvitationForm
        slug={event.slug}
        timeZone={event.timeZone}
        onCreated={(invitation) => {
          setCreated(invitation);
          invitations.put(invitation);
          window.setTimeout(() => createdRef.current?.focus());
        }}
      />
      {created && (
        <div ref={createdRef} tabIndex={-1} className="created-invitation-frame">
          <CreatedLink invitation={created} onClose={() => setCreated(null)} />
        </div>
      )}
      <h4>{t('console.invitations.listHeading')}</h4>
      {invitations.status === 'failed' && <LoadFailed />}
      {invitations.status === 'done' && invitations.items.length === 0 && (
        <p>{t('console.invitations.empty')}</p>
      )}
      <ul className="console-list">
        {invitations.items.map((i) => {
          const name = `${t(`roles.${i.role}`)}${i.label ? ` – ${i.label}` : ''}`;
          return (
            <li key={i.id} className={i.revokedAt ? 'console-row console-row-off' : 'console-row'}>
              <div className="console-row-main">
                <p className="console-row-title">
                  <strong>{name}</strong>
                  {i.revokedAt && (
                    <span className="meta"> ({t('console.invitations.isRevoked')})</span>
                  )}
                </p>
                <p className="meta">
                  {describe(i)} · {t('console.invitations.created', { when: when(i.createdAt) })}
                </p>
              </div>
              {!i.revokedAt && (
                <div className="console-row-actions">
                  <ConfirmButton
                    className="button button-quiet"
                    label={t('console.invitations.revoke')}
                    labelDetail={name}
                    title={t('console.invitations.revokeTitle', { name })}
                    text={t('console.invitations.revokeText')}
                    confirmLabel={t('console.invitations.revoke')}
                    busy={action.busy === `revoke:${i.id}`}
                    onConfirm={() => revoke(i)}
                  />
                </div>
              )}
              <ActionError error={action.errorFor(`revoke:${i.id}`)} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
