import { useTranslation } from 'react-i18next';

/** A list that could not be loaded, and a way to try again where there is one. */
export function LoadFailed({ onRetry }: { onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <p className="error-text">
      {t('console.loadFailed')}
      {onRetry && (
        <>
          {' '}
          <button type="button" className="link-button" onClick={onRetry}>
            {t('errors.retry')}
          </button>
        </>
      )}
    </p>
  );
}
