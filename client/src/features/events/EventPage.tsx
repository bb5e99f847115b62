import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { generalErrorKey } from '../../app/errorMessages.ts';
import { useAnnounce } from '../../app/status.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { useShowEventLinks } from '../../app/useSiteInfo.ts';
import { ApiError } from '../../lib/api.ts';
import { RealtimeProvider } from '../realtime/RealtimeContext.tsx';
import { EventLive } from './EventLive.tsx';
import { useEventOverview } from './useEventOverview.ts';

/** The conference screen, loaded lazily: first the event, then the live connection. */
export default function EventPage({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const overview = useEventOverview(slug);
  useDocumentTitle(overview.status === 'done' ? overview.data.event.title : t('event.title'));
  useShowEventLinks(overview.status === 'done' ? overview.data.event : null);

  if (overview.status === 'loading') {
    return (
      <section className="panel" aria-busy="true">
        <p className="loading">{t('event.loading')}</p>
      </section>
    );
  }
  if (overview.status === 'failed') {
    return <EventProblem error={overview.error} onRetry={overview.reload} />;
  }
  return (
    <RealtimeProvider slug={slug}>
      <EventLive overview={overview.data} />
    </RealtimeProvider>
  );
}

const problems = {
  unauthenticated: ['event.unauthenticatedTitle', 'event.unauthenticated'],
  forbidden: ['event.noAccessTitle', 'event.noAccess'],
  not_found: ['event.notFoundTitle', 'event.notFound'],
} as const;

function EventProblem({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const known =
    error instanceof ApiError && error.code in problems
      ? problems[error.code as keyof typeof problems]
      : null;
  const title = t(known ? known[0] : 'event.errorTitle');
  const text = t(known ? known[1] : generalErrorKey(error));

  // eslint-disable-next-line react-hooks/exhaustive-deps -- announced once per error, not again when the language changes
  useEffect(() => announce(`${title}. ${text}`), [error, announce]);

  return (
    <section className="panel panel-problem" aria-labelledby="page-heading">
      <h1 id="page-heading">{title}</h1>
      <p>{text}</p>
      {!known && (
        <button type="button" className="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      )}
    </section>
  );
}
