import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../app/status.tsx';
import type { LinkProblem } from './linkProblem.ts';

const textKey = {
  invalid: 'join.linkErrors.invalid',
  expired: 'join.linkErrors.expired',
  revoked: 'join.linkErrors.revoked',
  usedUp: 'join.linkErrors.usedUp',
  gone: 'join.linkErrors.gone',
} as const satisfies Record<LinkProblem, string>;

export function LinkProblemMessage({ problem }: { problem: LinkProblem }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const title = t(
    problem === 'invalid' ? 'join.linkErrors.invalidTitle' : 'join.linkErrors.goneTitle',
  );
  const text = t(textKey[problem]);

  // Announced once per problem; switching the language re-renders the text but stays quiet.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- announced once per problem, not again when the language changes
  useEffect(() => announce(`${title}. ${text}`), [problem, announce]);

  return (
    <section className="panel panel-problem" aria-labelledby="page-heading">
      <h1 id="page-heading">{title}</h1>
      <p>{text}</p>
      <p>{t('join.linkErrors.askForNew')}</p>
    </section>
  );
}
