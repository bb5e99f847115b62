import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { generalErrorKey } from '../../app/errorMessages.ts';
import { navigate } from '../../app/navigation.ts';
import { paths } from '../../app/routes.ts';
import { useAnnounce } from '../../app/status.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { useLoad } from '../../app/useLoad.ts';
import { useShowEventLinks } from '../../app/useSiteInfo.ts';
import { api, type RedeemResult } from '../../lib/api.ts';
import {
  joinedBefore,
  rememberJoined,
  tabStorage,
  type JoinedLink,
} from '../sessions/joined-links.ts';
import { DataNotice, EventFacts } from './JoinDetails.tsx';
import { JoinForm } from './JoinForm.tsx';
import { linkProblemOf, type LinkProblem } from './linkProblem.ts';
import { LinkProblemMessage } from './LinkProblemMessage.tsx';

// The device check brings LiveKit along: loaded only after joining, never with the join page.
const DeviceCheck = lazy(() => import('../devices/DeviceCheck.tsx'));

export function JoinPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const invitation = useLoad(token, (signal) => api.invitation(token, signal));
  // The link can also turn out unusable on submit (revoked or used up in the meantime).
  const [problemOnSubmit, setProblemOnSubmit] = useState<LinkProblem | null>(null);
  // Joined in this tab already (a reload during the device check): straight back to the check.
  const [joined, setJoined] = useState<JoinedLink | null>(() => joinedBefore(tabStorage(), token));
  useDocumentTitle(t('join.title'));
  useShowEventLinks(invitation.status === 'done' ? invitation.data.event : null);

  const onJoined = (result: RedeemResult) => {
    const link = { slug: result.event.slug, role: result.role };
    rememberJoined(tabStorage(), token, link);
    setJoined(link);
  };

  const loadError = !joined && invitation.status === 'failed' ? invitation.error : null;
  const problem = problemOnSubmit ?? (loadError ? linkProblemOf(loadError) : null);
  const errorKey = loadError && !problem ? generalErrorKey(loadError) : null;

  useEffect(() => {
    if (errorKey) announce(t(errorKey));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- announced once per error, not again when the language changes
  }, [errorKey, announce]);

  if (joined) {
    return (
      <section className="panel" aria-labelledby="page-heading">
        <h1 id="page-heading">
          {invitation.status === 'done'
            ? t('join.heading', { title: invitation.data.event.title })
            : t('join.title')}
        </h1>
        <p className="meta">{t('join.role', { role: t(`roles.${joined.role}`) })}</p>
        <Suspense fallback={<p className="loading">{t('join.devices.loading')}</p>}>
          <DeviceCheck role={joined.role} onDone={() => navigate(paths.event(joined.slug))} />
        </Suspense>
      </section>
    );
  }

  if (problem) return <LinkProblemMessage problem={problem} />;

  if (invitation.status === 'loading') {
    return (
      <section className="panel" aria-busy="true">
        <p className="loading">{t('join.checking')}</p>
      </section>
    );
  }

  if (invitation.status === 'failed') {
    return (
      <section className="panel" aria-labelledby="page-heading">
        <h1 id="page-heading">{t('join.title')}</h1>
        <p className="error-text">{t(errorKey ?? 'errors.unexpected')}</p>
        <button type="button" className="button" onClick={invitation.reload}>
          {t('errors.retry')}
        </button>
      </section>
    );
  }

  const { event, role } = invitation.data;
  return (
    <section className="panel" aria-labelledby="page-heading">
      <h1 id="page-heading">{t('join.heading', { title: event.title })}</h1>
      <p className="meta">{t('join.role', { role: t(`roles.${role}`) })}</p>
      <EventFacts event={event} />
      <p>{t('join.intro')}</p>
      <JoinForm token={token} onLinkProblem={setProblemOnSubmit} onJoined={onJoined} />
      <DataNotice />
    </section>
  );
}
