import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { JoinPage } from '../features/invitations/JoinPage.tsx';
import { LandingPage } from '../features/landing/LandingPage.tsx';
import { Layout } from './Layout.tsx';
import { usePathname } from './navigation.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { loadEventPage } from './preload.ts';
import { matchRoute, type Route } from './routes.ts';
import { StatusProvider } from './status.tsx';

// The event page (and later the stage, chat, media) loads on demand: the join page stays small.
const EventPage = lazy(loadEventPage);
// The organizer console with its small stage: its own view, its own chunk.
const ConsolePage = lazy(() => import('../features/console/ConsolePage.tsx'));

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'landing':
      return <LandingPage />;
    case 'join':
      return <JoinPage key={route.token} token={route.token} />;
    case 'event':
      return <EventPage key={route.slug} slug={route.slug} />;
    case 'console':
      return <ConsolePage key={route.slug} slug={route.slug} />;
    case 'notFound':
      return <NotFoundPage />;
  }
}

function Loading() {
  const { t } = useTranslation();
  return <p className="loading">{t('app.loading')}</p>;
}

export function App() {
  const pathname = usePathname();
  return (
    <StatusProvider>
      <Layout pathname={pathname}>
        <Suspense fallback={<Loading />}>
          <Page route={matchRoute(pathname)} />
        </Suspense>
      </Layout>
    </StatusProvider>
  );
}
