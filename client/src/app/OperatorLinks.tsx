import { useTranslation } from 'react-i18next';
import type { OperatorInfo } from '@plenum/shared';

/** The operator's privacy notice and imprint, as list items, where the operator gave them. */
export function OperatorLinks({ operator }: { operator: OperatorInfo }) {
  const { t } = useTranslation();
  return (
    <>
      {operator.privacyUrl && (
        <li>
          <a href={operator.privacyUrl}>{t('footer.privacy')}</a>
        </li>
      )}
      {operator.imprintUrl && (
        <li>
          <a href={operator.imprintUrl}>{t('footer.imprint')}</a>
        </li>
      )}
    </>
  );
}
