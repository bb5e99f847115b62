import { useTranslation } from 'react-i18next';
import { Link } from '../../app/Link.tsx';
import { paths } from '../../app/routes.ts';

/** On the event page, for those who run the event: the way to the console beside the stage. */
export function ConsoleLink({ slug }: { slug: string }) {
  const { t } = useTranslation();
  return (
    <p className="console-link">
      <Link href={paths.console(slug)} className="button">
        {t('console.open')}
      </Link>
    </p>
  );
}
