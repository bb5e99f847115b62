import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { RoomServiceClient, TokenVerifier } from 'livekit-server-sdk';
import { dispose } from '@livekit/rtc-node';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { join, seedEvent, type Member } from '../../test/fixtures.ts';
import { freePort } from '../../test/ports.ts';
import { connectParticipant, nextEvent, publishTone, RoomEvent } from '../../test/media.ts';
import { ask, closeAll, connectAs, ok } from '../../test/sockets.ts';
import { ensureLivekitBinary } from './binary.ts';
import { startEmbeddedLivekit, type EmbeddedLivekit } from './process.ts';
import { attendance, auditLog } from '../../db/schema/index.ts';

// This file runs its own LiveKit so that LiveKit's real webhooks reach this file's app.
const keys = { apiKey: 'mediatest', apiSecret: 'media-test-secret-media-test-secret-0123456789' };
let livekit: EmbeddedLivekit;
let dataDir: string;
let t: TestApp;
let slug: string;
let plenaryId: string;
let groupId: string;
let organizer: Member;
let attendee: Member;
let other: Member;
let roomService: RoomServiceClient;

beforeAll(async () => {
  const appPort = await freePort();
  dataDir = mkdtempSync(path.join(tmpdir(), 'plenum-media-'));
  livekit = await startEmbeddedLivekit({
    bin: await ensureLivekitBinary(),
    dataDir,
    port: await freePort(),
    rtcPort: 0, // ICE/TCP would listen on every interface; loopback UDP is enough
    udpPort: await freePort(),
    ...keys,
    webhookUrl: `http://127.0.0.1:${appPort}/api/livekit/webhook`,
    logger: { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} },
  });
  t = await createTestApp({}, { livekit: { url: livekit.url, ...keys } });
  await t.app.listen({ port: appPort, host: '127.0.0.1' });
  roomService = new RoomServiceClient(
    livekit.url.replace(/^ws/, 'http'),
    keys.apiKey,
    keys.apiSecret,
  );
  const event = await seedEvent(t.app);
  slug = event.slug;
  organizer = await join(t.app, event.id, 'organizer', 'Olga Organisatorin');
  attendee = await join(t.app, event.id, 'attendee', 'Anton Teilnehmer');
  other = await join(t.app, event.id, 'attendee', 'Berta Teilnehmerin');
  const rooms = (
    await t.app.inject({ url: `/api/events/${slug}/rooms`, headers: { cookie: organizer.cookie } })
  ).json();
  plenaryId = rooms[0].id;
  const group = await t.app.inject({
    method: 'POST',
    url: `/api/events/${slug}/rooms`,
    headers: { cookie: organizer.cookie },
    payload: { name: 'AG 1', capacity: 10 },
  });
  groupId = group.json().id;
}, 120_000);

afterAll(async () => {
  await t?.close();
  await livekit?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  await dispose();
});

const tokenFor = (member: Member, roomId: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/rooms/${roomId}/token`,
    headers: { cookie: member.cookie },
  });

const moderate = (by: Member, roomId: string, target: Member, action: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/rooms/${roomId}/participants/${target.personId}/${action}`,
    headers: { cookie: by.cookie },
  });

async function grantsOf(token: string) {
  return new TokenVerifier(keys.apiKey, keys.apiSecret).verify(token);
}

describe('LiveKit rooms and rights', () => {
  it('gives an attendee a 10-minute plenary token that subscribes only', async () => {
    const res = await tokenFor(attendee, plenaryId);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      url: livekit.url,
      room: { id: plenaryId, kind: 'plenary' },
      rights: { canPublish: false },
    });
    const claims = await grantsOf(body.token);
    expect(claims.sub).toBe(attendee.personId);
    expect(claims.name).toBe('Anton Teilnehmer');
    expect(claims.video).toMatchObject({
      room: plenaryId,
      roomJoin: true,
      canPublish: false,
      canPublishData: false,
      canSubscribe: true,
    });
    expect(claims.video?.roomAdmin).toBeFalsy();
    expect(claims.video?.roomCreate).toBeFalsy();
    expect(claims.video?.roomList).toBeFalsy();
    expect(claims.exp! - claims.nbf!).toBeLessThanOrEqual(600);
  });

  it('an attendee in the plenary cannot publish', async () => {
    const room = await connectParticipant(
      livekit.url,
      (await tokenFor(attendee, plenaryId)).json().token,
    );
    try {
      await expect(publishTone(room)).rejects.toThrow();
    } finally {
      await room.disconnect();
    }
  });

  it('a promoted attendee speaks without reconnecting, is heard, and is silenced by demotion', async () => {
    const listener = await connectParticipant(
      livekit.url,
      (await tokenFor(organizer, plenaryId)).json().token,
    );
    const speaker = await connectParticipant(
      livekit.url,
      (await tokenFor(attendee, plenaryId)).json().token,
    );
    try {
      const promoted = await moderate(organizer, plenaryId, attendee, 'promote');
      expect(promoted.statusCode).toBe(200);
      const heard = nextEvent<[unknown, unknown, { identity: string }]>(
        listener,
        RoomEvent.TrackSubscribed,
        (_track, _pub, participant) => participant.identity === attendee.personId,
      );
      // The new rights arrive over the same connection; publishing works once they are there.
      let tone;
      for (let attempt = 0; !tone && attempt < 50; attempt++) {
        tone = await publishTone(speaker).catch(
          () => new Promise<undefined>((r) => setTimeout(() => r(undefined), 100)),
        );
      }
      expect(tone).toBeDefined();
      await heard;

      const gone = nextEvent<[unknown, { identity: string }]>(
        listener,
        RoomEvent.TrackUnpublished,
        (_pub, participant) => participant.identity === attendee.personId,
      );
      expect((await moderate(organizer, plenaryId, attendee, 'demote')).statusCode).toBe(200);
      await gone;
      await tone!.stop();
      const audit = await t.app.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.target, attendee.personId));
      expect(audit.map((a) => a.action)).toEqual(
        expect.arrayContaining(['participant.promote', 'participant.demote']),
      );
    } finally {
      await speaker.disconnect();
      await listener.disconnect();
    }
  }, 60_000);

  it('a moderator mutes a speaker’s microphone, and everyone sees it muted', async () => {
    const listener = await connectParticipant(
      livekit.url,
      (await tokenFor(organizer, plenaryId)).json().token,
    );
    await moderate(organizer, plenaryId, attendee, 'promote');
    const speaker = await connectParticipant(
      livekit.url,
      (await tokenFor(attendee, plenaryId)).json().token,
    );
    try {
      const heard = nextEvent(listener, RoomEvent.TrackSubscribed);
      const tone = await publishTone(speaker);
      await heard;
      const muted = nextEvent<[{ sid?: string }, { identity: string }]>(
        listener,
        RoomEvent.TrackMuted,
        (_pub, participant) => participant.identity === attendee.personId,
      );
      expect((await moderate(organizer, plenaryId, attendee, 'mute')).statusCode).toBe(200);
      await muted;
      await tone.stop();
    } finally {
      await speaker.disconnect();
      await listener.disconnect();
      await moderate(organizer, plenaryId, attendee, 'demote');
    }
  }, 30_000);

  it('taking a raised hand gives that attendee the word in LiveKit at once', async () => {
    const base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    const raiser = await connectAs(base, other, slug);
    const moderatorSocket = await connectAs(base, organizer, slug);
    const room = await connectParticipant(
      livekit.url,
      (await tokenFor(other, plenaryId)).json().token,
    );
    try {
      expect(
        (await roomService.getParticipant(plenaryId, other.personId)).permission?.canPublish,
      ).toBe(false);
      await ok(raiser.socket, 'hand:raise', { roomId: plenaryId });
      const taken = await ok(moderatorSocket.socket, 'hand:takeNext', { roomId: plenaryId });
      expect(taken.hand?.person.id).toBe(other.personId);
      let canPublish = false;
      for (let i = 0; i < 50 && !canPublish; i++) {
        await new Promise((r) => setTimeout(r, 100));
        canPublish =
          (await roomService.getParticipant(plenaryId, other.personId)).permission?.canPublish ??
          false;
      }
      expect(canPublish).toBe(true);
    } finally {
      await room.disconnect();
      await closeAll(raiser.socket, moderatorSocket.socket);
      await moderate(organizer, plenaryId, other, 'demote');
    }
  }, 30_000);

  it('a token for one room never joins another', async () => {
    const plenaryToken = (await tokenFor(attendee, plenaryId)).json().token;
    const claims = await grantsOf(plenaryToken);
    // Re-sign nothing: change the room in the payload and keep the signature.
    const [head, payload, signature] = plenaryToken.split('.');
    const forged = JSON.parse(Buffer.from(payload, 'base64url').toString());
    forged.video.room = groupId;
    const forgedToken = [
      head,
      Buffer.from(JSON.stringify(forged)).toString('base64url'),
      signature,
    ].join('.');
    await expect(connectParticipant(livekit.url, forgedToken)).rejects.toThrow();
    expect(claims.video?.room).toBe(plenaryId);
  });

  it('an attendee not assigned to a working group gets no token for it; the organizer does', async () => {
    const refused = await tokenFor(attendee, groupId);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('You are not a member of this working group.');
    const allowed = await tokenFor(organizer, groupId);
    expect(allowed.statusCode).toBe(200);
    expect((await grantsOf(allowed.json().token)).video).toMatchObject({
      room: groupId,
      canPublish: true,
    });
    const rooms = await roomService.listRooms([groupId]);
    expect(rooms[0]?.maxParticipants).toBe(20);
  });

  it('a removed person is disconnected and gets 403 for a new token until re-admitted', async () => {
    const room = await connectParticipant(
      livekit.url,
      (await tokenFor(other, plenaryId)).json().token,
    );
    const disconnected = nextEvent(room, RoomEvent.Disconnected);
    expect((await moderate(organizer, plenaryId, other, 'remove')).statusCode).toBe(200);
    await disconnected;
    const refused = await tokenFor(other, plenaryId);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('A moderator removed you from this room.');
    // Removed means removed from the room's chat too, not only from its media.
    const base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    const chatter = await connectAs(base, other, slug);
    const sent = await ask(chatter.socket, 'chat:send', {
      roomId: plenaryId,
      clientId: crypto.randomUUID(),
      body: 'Hallo?',
    });
    expect(sent.ok).toBe(false);
    await closeAll(chatter.socket);
    expect((await moderate(organizer, plenaryId, other, 'readmit')).statusCode).toBe(200);
    expect((await tokenFor(other, plenaryId)).statusCode).toBe(200);
  }, 30_000);

  it('an attendee cannot promote, mute or remove anyone', async () => {
    for (const action of ['promote', 'mute', 'remove']) {
      const res = await moderate(attendee, plenaryId, other, action);
      expect(res.statusCode, action).toBe(403);
    }
  });

  it('unknown rooms, rooms of other events and people of other events are refused', async () => {
    const stranger = await seedEvent(t.app);
    const outsider = await join(t.app, stranger.id, 'organizer');
    expect((await tokenFor(outsider, plenaryId)).statusCode).toBe(404);
    expect((await tokenFor(attendee, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await tokenFor(attendee, 'not-a-uuid')).statusCode).toBe(400);
    expect((await moderate(organizer, plenaryId, outsider, 'remove')).statusCode).toBe(404);
    expect((await moderate(organizer, plenaryId, attendee, 'explode')).statusCode).toBe(400);
  });
});

describe('LiveKit webhooks', () => {
  it('real webhooks from LiveKit record who was in which room', async () => {
    const room = await connectParticipant(
      livekit.url,
      (await tokenFor(other, plenaryId)).json().token,
    );
    await new Promise((r) => setTimeout(r, 500));
    await room.disconnect();
    let rows: (typeof attendance.$inferSelect)[] = [];
    for (let i = 0; i < 60 && !rows.some((r) => r.leftAt); i++) {
      await new Promise((r) => setTimeout(r, 250));
      rows = await t.app.db
        .select()
        .from(attendance)
        .where(eq(attendance.personId, other.personId));
    }
    expect(rows.some((r) => r.roomId === plenaryId && r.leftAt && r.leftAt >= r.joinedAt)).toBe(
      true,
    );
  }, 30_000);
});
