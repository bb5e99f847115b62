import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { and, eq, inArray, like } from 'drizzle-orm';
import {
  agendaItems,
  auditLog,
  chatMessages,
  invitations,
  questions,
  raisedHands,
  roomGrants,
  rooms,
} from '../../db/schema/index.ts';
import type { Member } from '../fixtures.ts';
import { askRaw, connectAs, ok, type ClientSocket } from '../sockets.ts';
import { useSocketWorld } from '../socket-world.ts';
import { createCast } from './cast.ts';

// Known failures of other conferencing tools, checked against Plenum: see authorization.test.ts
// for the full matrix.
const t = useSocketWorld();

const refused = (code: string) => ({ ok: false, error: { code } });
type Attempt = [event: string, payload: unknown];

/** Known failures of other conferencing tools, and the ways in by guessing ids. */
describe('known peer failures', () => {
  const inject = (cookie: string | undefined, method: string, path: string, payload?: unknown) =>
    t.app.inject({
      method: method as 'GET',
      url: path,
      payload: payload as object,
      headers: cookie ? { cookie } : {},
    });
  const socketOf = async (member: Member, slug: string) => {
    const connection = await connectAs(t.url, member, slug);
    t.opened.push(connection.socket);
    return connection;
  };
  const expectAll = async (socket: ClientSocket, attempts: Attempt[], code: string) => {
    for (const [event, payload] of attempts) {
      expect(await askRaw(socket, event, payload), event).toMatchObject(refused(code));
    }
  };

  it('nobody ejects or mutes a person of another event by guessing their id (BigBlueButton CVE-2022-41960)', async () => {
    const c = await createCast(t.app);
    const stranger = c.other.organizer.personId;
    const here = c.people.attendee.personId;
    const attempts = [
      // This event's organizer, in this event's rooms, at a person of another event …
      ...['remove', 'mute', 'demote', 'promote'].flatMap((action) =>
        [c.plenaryId, c.groupAId].map((room) => [c.cookie('organizer'), room, stranger, action]),
      ),
      // … and the other event's organizer, through either event's rooms, at a person of this one.
      ...['remove', 'mute'].flatMap((action) =>
        [c.other.plenaryId, c.plenaryId].map((room) => [
          c.cookie('otherEvent'),
          room,
          here,
          action,
        ]),
      ),
    ];
    for (const [cookie, room, person, action] of attempts) {
      const res = await inject(
        cookie,
        'POST',
        `/api/rooms/${room}/participants/${person}/${action}`,
      );
      expect(res.statusCode, `${action} in ${room}`).toBe(404);
    }
    const targets = [stranger, here];
    expect(
      await t.app.db.select().from(roomGrants).where(inArray(roomGrants.personId, targets)),
    ).toEqual([]);
    const audited = await t.app.db
      .select()
      .from(auditLog)
      .where(and(like(auditLog.action, 'participant.%'), inArray(auditLog.target, targets)));
    expect(audited).toEqual([]);
  });

  it('a locked chat refuses attendees on the server, not only in their client (CVE-2020-27601)', async () => {
    const c = await createCast(t.app);
    const organizer = await socketOf(c.people.organizer, c.slug);
    const moderator = await socketOf(c.people.moderatorHere, c.slug);
    await ok(organizer.socket, 'chat:lock', { roomId: c.plenaryId, locked: true });
    for (const who of ['attendee', 'speaker'] as const) {
      const { socket } = await socketOf(c.people[who], c.slug);
      const body = `${who} redet trotzdem`;
      await expectAll(
        socket,
        [['chat:send', { roomId: c.plenaryId, clientId: randomUUID(), body }]],
        'forbidden',
      );
      await expectAll(socket, [['chat:lock', { roomId: c.plenaryId, locked: false }]], 'forbidden');
    }
    const said = await ok(moderator.socket, 'chat:send', {
      roomId: c.plenaryId,
      clientId: randomUUID(),
      body: 'Die Moderation spricht',
    });
    await organizer.inbox.waitFor('chat:message', (m) => m.id === said.message.id);
    expect(organizer.inbox.all('chat:message').map((m) => m.body)).toEqual([
      'Die Moderation spricht',
    ]);
    const stored = await t.app.db
      .select({ body: chatMessages.body })
      .from(chatMessages)
      .where(eq(chatMessages.roomId, c.plenaryId));
    expect(stored.map((m) => m.body)).toEqual(['Die Moderation spricht']);
  });

  it('guessing a working group’s room id gets neither a token nor its chat or hands', async () => {
    const c = await createCast(t.app);
    await c.meeting(); // the attendee is placed in group A, the speaker in group B
    const token = (actor: 'speaker' | 'otherEvent', roomId: string) =>
      inject(c.cookie(actor), 'POST', `/api/rooms/${roomId}/token`);
    expect((await token('speaker', c.groupAId)).statusCode).toBe(403);
    expect((await token('otherEvent', c.groupAId)).statusCode).toBe(404);
    const own = await token('speaker', c.groupBId);
    expect(own.statusCode).toBe(200);
    // The token that does work names group B alone, with no admin rights anywhere.
    const claims = JSON.parse(Buffer.from(own.json().token.split('.')[1], 'base64url').toString());
    expect(claims.video).toMatchObject({ room: c.groupBId, roomJoin: true });
    for (const right of ['roomAdmin', 'roomCreate', 'roomList'])
      expect(claims.video[right] ?? false).toBe(false);

    const groupA: Attempt[] = [
      ['chat:send', { roomId: c.groupAId, clientId: randomUUID(), body: 'Hallo AG A' }],
      ['chat:history', { roomId: c.groupAId }],
      ['chat:catchUp', { roomId: c.groupAId, since: 0 }],
      ['hand:raise', { roomId: c.groupAId }],
      ['hand:list', { roomId: c.groupAId }],
    ];
    const speaker = await socketOf(c.people.speaker, c.slug);
    await expectAll(speaker.socket, groupA, 'forbidden');
    await ok(speaker.socket, 'chat:history', { roomId: c.groupBId });
    // Someone of another event, on their own event's socket, does not learn that the room exists.
    const stranger = await socketOf(c.other.organizer, c.other.slug);
    await expectAll(stranger.socket, groupA, 'not_found');

    expect(
      await t.app.db.select().from(chatMessages).where(eq(chatMessages.roomId, c.groupAId)),
    ).toEqual([]);
    expect(
      await t.app.db.select().from(raisedHands).where(eq(raisedHands.roomId, c.groupAId)),
    ).toEqual([]);
  });

  it('moderator rights for group A do not work in group B', async () => {
    const c = await createCast(t.app);
    const moderator = c.cookie('moderatorHere');
    for (const action of ['remove', 'mute', 'promote']) {
      const path = `/api/rooms/${c.groupBId}/participants/${c.bystander.personId}/${action}`;
      expect((await inject(moderator, 'POST', path)).statusCode, action).toBe(403);
    }
    const notes = (roomId: string) =>
      inject(moderator, 'GET', `/api/phases/${phaseId}/rooms/${roomId}/notes`);
    const phaseId = await c.sharedPhase();
    expect((await notes(c.groupBId)).statusCode).toBe(403);
    const groupB = { kind: 'group' as const, phaseId, roomId: c.groupBId };

    const inB = { message: await c.message(c.groupBId), hand: await c.hand(c.groupBId) };
    const { socket } = await socketOf(c.people.moderatorHere, c.slug);
    await expectAll(
      socket,
      [
        ['chat:delete', { messageId: inB.message }],
        ['chat:pin', { messageId: inB.message, pinned: true }],
        ['hand:takeNext', { roomId: c.groupBId }],
        ['hand:dismiss', { handId: inB.hand }],
        // Group B's notes are not theirs to read, nor to write.
        ['notes:open', { doc: groupB, stateVector: '' }],
        ['notes:update', { doc: groupB, update: 'AAAA' }],
        ['notes:cursor', { doc: groupB, anchor: null, head: null }],
      ],
      'forbidden',
    );
    // The same rights do work in the moderator's own group.
    expect((await notes(c.groupAId)).statusCode).toBe(200);
    await ok(socket, 'notes:open', { doc: { ...groupB, roomId: c.groupAId }, stateVector: '' });
    await ok(socket, 'chat:delete', { messageId: await c.message(c.groupAId) });
    await ok(socket, 'hand:dismiss', { handId: await c.hand(c.groupAId) });

    const [message] = await t.app.db
      .select()
      .from(chatMessages)
      .where(eq(chatMessages.id, inB.message));
    expect(message).toMatchObject({ deletedAt: null, pinnedAt: null });
    const [hand] = await t.app.db.select().from(raisedHands).where(eq(raisedHands.id, inB.hand));
    expect(hand!.status).toBe('raised');
    expect(
      await t.app.db.select().from(roomGrants).where(eq(roomGrants.roomId, c.groupBId)),
    ).toEqual([]);
  });

  it('an organizer of another event reaches nothing here through their own event’s routes', async () => {
    const c = await createCast(t.app);
    const cookie = c.cookie('otherEvent');
    const ev = `/api/events/${c.other.slug}`;
    const item = await c.freshItem();
    const invitation = await c.freshInvitation();
    const person = c.people.attendee.personId;
    const attempts: [string, string, unknown?][] = [
      ['PATCH', `${ev}/rooms/${c.groupAId}`, { name: 'Übernommen' }],
      ['DELETE', `${ev}/rooms/${c.groupAId}`],
      ['PATCH', `${ev}/agenda/${item}`, { title: 'Übernommen' }],
      ['DELETE', `${ev}/agenda/${item}`],
      ['POST', `${ev}/agenda/${item}/start`],
      ['DELETE', `${ev}/invitations/${invitation}`],
      ['POST', `${ev}/people/${person}/erase`],
      ['GET', `${ev}/people/${person}/export`],
      ['POST', `${ev}/phases`, { title: 'Fremd', roomIds: [c.groupAId], durationMinutes: 30 }],
    ];
    for (const [method, path, payload] of attempts) {
      const res = await inject(cookie, method, path, payload);
      expect([400, 404], `${method} ${path}: ${res.statusCode}`).toContain(res.statusCode);
    }

    const here = {
      message: await c.message(c.plenaryId),
      hand: await c.hand(c.plenaryId),
      question: await c.question(),
    };
    const { socket } = await socketOf(c.other.organizer, c.other.slug);
    await expectAll(
      socket,
      [
        ['chat:send', { roomId: c.plenaryId, clientId: randomUUID(), body: 'Von außen' }],
        ['chat:history', { roomId: c.plenaryId }],
        ['chat:lock', { roomId: c.plenaryId, locked: true }],
        ['chat:delete', { messageId: here.message }],
        ['chat:pin', { messageId: here.message, pinned: true }],
        ['hand:takeNext', { roomId: c.plenaryId }],
        ['hand:dismiss', { handId: here.hand }],
        ['question:upvote', { questionId: here.question }],
        ['question:answer', { questionId: here.question }],
        ['question:hide', { questionId: here.question }],
      ],
      'not_found',
    );

    const [room] = await t.app.db.select().from(rooms).where(eq(rooms.id, c.groupAId));
    expect(room!.name).toBe('AG A');
    expect(await t.app.db.select().from(agendaItems).where(eq(agendaItems.id, item))).toMatchObject(
      [{ actualStartAt: null }],
    );
    expect(
      await t.app.db.select().from(invitations).where(eq(invitations.id, invitation)),
    ).toMatchObject([{ revokedAt: null }]);
    expect(
      await t.app.db.select().from(chatMessages).where(eq(chatMessages.id, here.message)),
    ).toMatchObject([{ deletedAt: null, pinnedAt: null }]);
    expect(
      await t.app.db.select().from(raisedHands).where(eq(raisedHands.id, here.hand)),
    ).toMatchObject([{ status: 'raised' }]);
    expect(
      await t.app.db.select().from(questions).where(eq(questions.id, here.question)),
    ).toMatchObject([{ status: 'open', upvotes: 0 }]);
  });

  it('a removal takes effect at once on an open socket: no chat, no hand, no token there until re-admitted', async () => {
    const c = await createCast(t.app);
    const { socket } = await socketOf(c.people.attendee, c.slug);
    await ok(socket, 'hand:list', { roomId: c.plenaryId });
    const moderate = (action: string) =>
      inject(
        c.cookie('moderatorHere'),
        'POST',
        `/api/rooms/${c.plenaryId}/participants/${c.people.attendee.personId}/${action}`,
      );
    expect((await moderate('remove')).statusCode).toBe(200);
    const say = (body: string) => ({ roomId: c.plenaryId, clientId: randomUUID(), body });
    await expectAll(
      socket,
      [
        ['chat:send', say('Ich bin noch da')],
        ['hand:raise', { roomId: c.plenaryId }],
        ['chat:history', { roomId: c.plenaryId }],
      ],
      'forbidden',
    );
    const token = () => inject(c.cookie('attendee'), 'POST', `/api/rooms/${c.plenaryId}/token`);
    expect((await token()).statusCode).toBe(403);
    expect((await moderate('readmit')).statusCode).toBe(200);
    await ok(socket, 'chat:send', say('Wieder da'));
    expect((await token()).statusCode).toBe(200);
  });

  it('a plenary promotion ends when a working-group phase opens: nobody stays live there (BigBlueButton 20265)', async () => {
    const c = await createCast(t.app);
    const organizer = c.cookie('organizer');
    const attendee = c.people.attendee;
    const plenaryRights = async () =>
      (await inject(attendee.cookie, 'POST', `/api/rooms/${c.plenaryId}/token`)).json().rights;
    const promote = `/api/rooms/${c.plenaryId}/participants/${attendee.personId}/promote`;
    expect((await inject(organizer, 'POST', promote)).statusCode).toBe(200);
    expect(await plenaryRights()).toMatchObject({ canPublish: true });

    const phase = await inject(organizer, 'POST', `/api/events/${c.slug}/phases`, {
      title: 'AG-Phase',
      roomIds: [c.groupAId, c.groupBId],
      durationMinutes: 30,
    });
    expect(
      (await inject(organizer, 'POST', `/api/phases/${phase.json().id}/open`)).statusCode,
    ).toBe(200);
    expect(await plenaryRights()).toMatchObject({ canPublish: false });
    expect(
      (await inject(organizer, 'POST', `/api/phases/${phase.json().id}/close`)).statusCode,
    ).toBe(200);
    expect(await plenaryRights()).toMatchObject({ canPublish: false });
  });
});
