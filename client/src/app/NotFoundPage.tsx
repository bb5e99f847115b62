import { useTranslation } from 'react-i18next';
import { Link } from './Link.tsx';
import { paths } from './routes.ts';
import { useDocumentTitle } from './useDocumentTitle.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <section className="panel" aria-labelledby="page-heading">
      <h1 id="page-heading">{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link href={paths.landing()}>{t('notFound.home')}</Link>
      </p>
    </section>
  );
}
