import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor, Room } from '@plenum/shared';
import { mayInEvent, mayInRoom } from '../../lib/rights.ts';
import { Tabs } from '../../ui/Tabs.tsx';
import { ChatPanel } from '../chat/ChatPanel.tsx';
import { HandAlert } from '../hands/HandAlert.tsx';
import { HandQueue } from '../hands/HandPanel.tsx';
import type { useHands } from '../hands/useHands.ts';
import { PeoplePanel } from '../people/PeoplePanel.tsx';
import { SpeakingNow } from '../people/SpeakingNow.tsx';
import type { PresenceMap } from '../presence/presence.ts';
import { QuestionsPanel } from '../questions/QuestionsPanel.tsx';
import type { useQuestions } from '../questions/useQuestions.ts';

interface EventSideTabsProps {
  room: Pick<Room, 'id' | 'name' | 'kind'>;
  actor: Actor;
  timeZone: string;
  presence: PresenceMap;
  hands: ReturnType<typeof useHands>;
  questions: ReturnType<typeof useQuestions>;
  /** Whether the people tab is the one shown: the page then keeps everyone's presence current. */
  onPeopleShown: (shown: boolean) => void;
}

/** Those who give the word see who may speak in the plenary, with everyone's presence. */
export function showsSpeakingNow(actor: Actor, room: Pick<Room, 'id' | 'kind'>): boolean {
  return mayInRoom(actor, 'participant.promote', room) && room.kind === 'plenary';
}

/** Beside the stage: the room's conversation, who is here, the plenary's questions, the hands. */
export function EventSideTabs({
  room,
  actor,
  timeZone,
  presence,
  hands,
  questions,
  onPeopleShown,
}: EventSideTabsProps) {
  const { t } = useTranslation();
  const inGroup = room.kind === 'working_group';
  const [shown, setShown] = useState('chat');
  const [unread, setUnread] = useState(0);
  const onUnread = useCallback((count: number) => setUnread(count), []);
  const takesHands = mayInRoom(actor, 'hand.take', room);
  // Told on every change and when the tabs go away, so the page never watches a list not shown.
  useEffect(() => {
    onPeopleShown(shown === 'people');
    return () => onPeopleShown(false);
  }, [shown, onPeopleShown]);

  const tabs = [
    {
      id: 'chat',
      label:
        shown !== 'chat' && unread > 0 ? t('tabs.chatUnread', { count: unread }) : t('tabs.chat'),
      content: (
        <ChatPanel
          key={room.id}
          room={room}
          timeZone={timeZone}
          canModerate={mayInRoom(actor, 'chat.moderate', room)}
          canModerateAnnouncements={mayInEvent(actor, 'announcement.broadcast')}
          visible={shown === 'chat'}
          myId={actor.personId}
          onUnread={onUnread}
        />
      ),
    },
    {
      id: 'people',
      label: t('tabs.people'),
      content: <PeoplePanel presence={presence} room={room} actor={actor} hands={hands.queue} />,
    },
    ...(inGroup
      ? []
      : [
          {
            id: 'questions',
            label: t('tabs.questions', {
              count: questions.questions.filter((q) => q.status === 'open').length,
            }),
            content: (
              <QuestionsPanel
                questions={questions}
                canModerate={mayInRoom(actor, 'question.moderate', room)}
              />
            ),
          },
        ]),
    ...(takesHands
      ? [
          {
            id: 'hands',
            label: t('tabs.hands', { count: hands.queue.length }),
            content: <HandQueue hands={hands} />,
          },
        ]
      : []),
  ];

  return (
    <>
      {takesHands && <HandAlert roomId={room.id} myId={actor.personId} />}
      {showsSpeakingNow(actor, room) && <SpeakingNow presence={presence} roomId={room.id} />}
      <Tabs label={t('tabs.label')} tabs={tabs} idPrefix="side" onSelect={setShown} />
    </>
  );
}
