import { useTranslation } from 'react-i18next';
import { reactionKinds } from '@plenum/shared/vocab';
import { useAnnounce } from '../../app/status.tsx';
import { useDisclosure } from '../../ui/useDisclosure.ts';
import { liveErrorKey } from '../realtime/errors.ts';
import { reactionSymbols, type ReactionKind } from './reactions.ts';
import type { useReactions } from './useReactions.ts';
import './reactions.css';

type Reactions = ReturnType<typeof useReactions>;

/**
 * The reactions button and its menu: a disclosure with one labelled button per kind. Escape
 * closes it and returns focus to the button; the menu stays open for several reactions.
 */
export function ReactionsMenu({ reactions }: { reactions: Reactions }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { open, wrapperProps, toggleProps } = useDisclosure();

  const react = async (kind: ReactionKind) => {
    try {
      if (!(await reactions.send(kind))) announce(t('reactions.wait'));
    } catch (error) {
      announce(t(liveErrorKey(error)));
    }
  };

  return (
    <div {...wrapperProps} className="reactions-menu">
      <button {...toggleProps('reactions-list')}>{t('reactions.menu')}</button>
      {open && (
        <ul id="reactions-list" className="reactions-list" aria-label={t('reactions.menu')}>
          {reactionKinds.map((kind) => (
            <li key={kind}>
              <button
                type="button"
                className="button"
                aria-label={t('reactions.send', { kind: t(`reactions.kinds.${kind}`) })}
                title={t(`reactions.kinds.${kind}`)}
                onClick={() => void react(kind)}
              >
                <span aria-hidden="true">{reactionSymbols[kind]}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
