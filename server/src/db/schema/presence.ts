import { pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { cascadeRef, createdNow, setNullRef } from './columns.ts';
import { events } from './events.ts';
import { people } from './people.ts';
import { rooms } from './rooms.ts';

/**
 * When a person was last seen in an event, and where. Whether someone is online right now comes
 * from the sockets (across nodes), never from this table.
 */
export const presence = pgTable(
  'presence',
  {
    eventId: cascadeRef('event_id', () => events.id),
    personId: cascadeRef('person_id', () => people.id),
    roomId: setNullRef('room_id', () => rooms.id),
    connectedAt: createdNow('connected_at'),
    lastSeenAt: createdNow('last_seen_at'),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.personId] })],
);
