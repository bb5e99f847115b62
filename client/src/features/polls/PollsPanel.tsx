import { useTranslation } from 'react-i18next';
import type { Actor, Poll, Room } from '@plenum/shared';
import { useAnnounce } from '../../app/status.tsx';
import { mayInEvent, mayInRoom } from '../../lib/rights.ts';
import { useServerEvent } from '../realtime/RealtimeContext.tsx';
import { PollCard } from './PollCard.tsx';
import { PollComposer } from './PollComposer.tsx';
import { usePolls } from './usePolls.ts';
import './polls.css';

/**
 * The polls of the room one is in, and the event-wide ones: vote in the open ones, read the
 * results of closed ones. Organizers and moderators of the room also prepare, open and close them
 * and follow the live counts. Nothing shows for attendees while there is no poll.
 */
export function PollsPanel({ room, actor }: { room: Pick<Room, 'id' | 'kind'>; actor: Actor }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const polls = usePolls(room.id);
  const runsHere = mayInRoom(actor, 'poll.run', room);
  const runsEventWide = mayInEvent(actor, 'poll.runEventWide');

  // Staff also hear of other rooms' polls (live counts); only this room's are announced.
  const here = (poll: Poll) => poll.roomId === null || poll.roomId === room.id;
  useServerEvent('poll:opened', (poll) => {
    if (here(poll)) announce(t('polls.opened', { question: poll.question }));
  });
  useServerEvent('poll:closed', ({ poll }) => {
    if (here(poll)) announce(t('polls.closedAnnounce', { question: poll.question }));
  });

  if (!runsHere && !runsEventWide && polls.polls.length === 0) return null;
  const headingId = `polls-${room.id}`;
  return (
    <section className="panel polls" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('polls.heading')}</h2>
      {(runsHere || runsEventWide) && (
        <PollComposer
          roomId={room.id}
          runsHere={runsHere}
          runsEventWide={runsEventWide}
          create={polls.create}
        />
      )}
      {polls.polls.length === 0 ? (
        <p className="meta">{t('polls.none')}</p>
      ) : (
        <ul className="poll-list">
          {polls.polls.map((state) => (
            <li key={state.poll.id}>
              <PollCard
                state={state}
                steers={state.poll.roomId === null ? runsEventWide : runsHere}
                polls={polls}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
