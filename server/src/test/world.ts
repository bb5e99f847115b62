import type { FastifyInstance } from 'fastify';
import { createWorkingGroup } from '../features/rooms/service.ts';
import { join, seedEvent, type Member } from './fixtures.ts';
import { closeAll, connectAs, type ClientSocket } from './sockets.ts';
import { findPlenary } from '../features/rooms/repository.ts';

/**
 * A fresh event for one socket test: a plenary, two working groups (the first moderated by
 * `moderator`), an organizer and three attendees. `connect` opens a real socket for a member.
 */
export async function createWorld(app: FastifyInstance, url: string) {
  const event = await seedEvent(app);
  const plenary = await findPlenary(app.db, event.id);
  const organizer = await join(app, event.id, 'organizer', 'Olga Organisatorin');
  const moderator = await join(app, event.id, 'moderator', 'Moritz Moderator');
  const group = await createWorkingGroup(
    app.db,
    event.id,
    { name: 'AG Mobilität', description: '', capacity: null, moderatorIds: [moderator.personId] },
    null,
  );
  const otherGroup = await createWorkingGroup(
    app.db,
    event.id,
    { name: 'AG Wohnen', description: '', capacity: null, moderatorIds: [] },
    null,
  );
  const anna = await join(app, event.id, 'attendee', 'Anna');
  const ben = await join(app, event.id, 'attendee', 'Ben');
  const cem = await join(app, event.id, 'attendee', 'Cem');
  const sockets: ClientSocket[] = [];
  return {
    event,
    slug: event.slug,
    plenaryId: plenary.id,
    groupId: group.id,
    otherGroupId: otherGroup.id,
    organizer,
    moderator,
    anna,
    ben,
    cem,
    async connect(member: Member, to = url) {
      const connection = await connectAs(to, member, event.slug);
      sockets.push(connection.socket);
      return connection;
    },
    close: () => closeAll(...sockets),
  };
}
export type World = Awaited<ReturnType<typeof createWorld>>;
