import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../app/status.tsx';
import { api } from '../../lib/api.ts';
import { Countdown } from '../phases/Countdown.tsx';
import { useCountdown } from '../phases/useCountdown.ts';
import { liveErrorKey } from '../realtime/errors.ts';
import type { RoomChange } from './room-switch.ts';

interface RoomBannerProps {
  room: { id: string; name: string; kind: 'plenary' | 'working_group' };
  phaseId: string | null;
  deadlineAt: string | null;
  /** The last move, shown until the next one: "Sie sind jetzt in Arbeitsgruppe 2". */
  change: RoomChange | null;
}

/** Where the person is, the time left in the group, and "Hilfe anfordern". */
export function RoomBanner({ room, phaseId, deadlineAt, change }: RoomBannerProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const inGroup = room.kind === 'working_group';
  const left = useCountdown(inGroup ? deadlineAt : null, (minutes) =>
    announce(t('groups.minutesLeft', { count: minutes })),
  );

  return (
    <section
      className={inGroup ? 'room-banner room-banner-group' : 'room-banner'}
      aria-labelledby="room-heading"
    >
      <div className="room-banner-main">
        <h2 id="room-heading" className="room-name">
          {t(inGroup ? 'groups.youAreIn' : 'groups.youAreInPlenary', { room: room.name })}
        </h2>
        {change && <p className="room-change">{t(changeKey(change), { room: change.name })}</p>}
      </div>
      {inGroup && left && <Countdown left={left} />}
      {inGroup && phaseId && <HelpButton phaseId={phaseId} roomId={room.id} onDone={announce} />}
    </section>
  );
}

function changeKey(change: RoomChange) {
  if (change.kind === 'plenary') return 'groups.movedToPlenary';
  return change.reason === 'moved' ? 'groups.movedToGroup' : 'groups.nowInGroup';
}

function HelpButton({
  phaseId,
  roomId,
  onDone,
}: {
  phaseId: string;
  roomId: string;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'sending' | 'sent' | 'failed'>('idle');
  const request = async () => {
    if (state === 'sending') return;
    setState('sending');
    try {
      await api.requestHelp(phaseId, roomId);
      setState('sent');
      onDone(t('groups.helpSent'));
    } catch (error) {
      setState('failed');
      onDone(t(liveErrorKey(error)));
    }
  };
  return (
    <p className="help-request">
      <button
        type="button"
        className="button"
        aria-disabled={state === 'sending' || undefined}
        onClick={() => void request()}
      >
        {t('groups.requestHelp')}
      </button>
      {state === 'sent' && <span className="meta"> {t('groups.helpSent')}</span>}
      {state === 'failed' && <span className="error-text"> {t('groups.helpFailed')}</span>}
    </p>
  );
}
