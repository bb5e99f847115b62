import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/i18n/index.ts';
import { OperatorLinks } from '../../app/OperatorLinks.tsx';
import { useSiteLinks } from '../../app/useSiteInfo.ts';
import type { InvitationPreview } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/time-format.ts';

/** What one is invited to: when, what about, and who invites. */
export function EventFacts({ event }: { event: InvitationPreview['event'] }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  return (
    <dl className="join-facts">
      <dt>{t('join.when')}</dt>
      <dd>
        <time dateTime={event.startsAt}>
          {formatDateTime(event.startsAt, event.timeZone, locale)}
        </time>
        {' – '}
        <time dateTime={event.endsAt}>{formatDateTime(event.endsAt, event.timeZone, locale)}</time>
        {` (${event.timeZone})`}
      </dd>
      {event.description && (
        <>
          <dt>{t('join.about')}</dt>
          <dd className="join-description">{event.description}</dd>
        </>
      )}
      {event.organizers.length > 0 && (
        <>
          <dt>{t('join.organizers')}</dt>
          <dd>{event.organizers.join(', ')}</dd>
        </>
      )}
    </dl>
  );
}

/**
 * Where the join form collects data: who is responsible, what for, how long, and one's rights
 * (GDPR Art. 13), with the event's or else the operator's privacy notice and imprint.
 */
export function DataNotice() {
  const { t } = useTranslation();
  // The event's own privacy notice and imprint where it has them (JoinPage shows them).
  const operator = useSiteLinks();
  return (
    <section className="join-privacy" aria-labelledby="join-privacy-heading">
      <h2 id="join-privacy-heading">{t('join.privacy.heading')}</h2>
      <p>
        {t('join.privacy.controller', {
          name: operator.name ?? t('join.privacy.controllerUnnamed'),
        })}
      </p>
      <p>{t('join.privacy.purpose')}</p>
      <p>{t('join.privacy.email')}</p>
      <p>{t('join.privacy.retention')}</p>
      <p>{t('join.privacy.rights')}</p>
      {(operator.privacyUrl || operator.imprintUrl) && (
        <ul className="join-privacy-links">
          <OperatorLinks operator={operator} />
        </ul>
      )}
    </section>
  );
}
