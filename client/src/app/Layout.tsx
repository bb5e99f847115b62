import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { Link } from './Link.tsx';
import { OperatorLinks } from './OperatorLinks.tsx';
import { paths } from './routes.ts';
import { useHomeEvent, useSiteLinks } from './useSiteInfo.ts';

export function Layout({ pathname, children }: { pathname: string; children: ReactNode }) {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  const firstPath = useRef(pathname);
  const homeEvent = useHomeEvent(pathname);
  const operator = useSiteLinks();
  const home = homeEvent ? paths.event(homeEvent) : paths.landing();

  useEffect(() => {
    // After an in-app navigation, start keyboard and screen reader users at the new content,
    // as a full page load would. Not on the first load: the browser handles that.
    if (pathname !== firstPath.current) {
      firstPath.current = '';
      main.current?.focus();
    }
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link href={paths.landing()} className="brand" aria-label={t('app.homeLink')}>
            {t('app.name')}
          </Link>
          <nav aria-label={t('nav.label')} className="site-nav">
            <ul>
              <li>
                <Link href={home} aria-current={pathname === home ? 'page' : undefined}>
                  {t('nav.home')}
                </Link>
              </li>
            </ul>
          </nav>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="site-main">
        {children}
      </main>
      {(operator.name || operator.privacyUrl || operator.imprintUrl) && (
        <footer className="site-footer">
          <ul>
            {operator.name && <li>{t('footer.operator', { name: operator.name })}</li>}
            <OperatorLinks operator={operator} />
          </ul>
        </footer>
      )}
    </>
  );
}
