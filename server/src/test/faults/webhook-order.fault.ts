import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { eq, inArray } from 'drizzle-orm';
import { dispose } from '@livekit/rtc-node';
import { RoomServiceClient } from 'livekit-server-sdk';
import { attendance, livekitWebhookEvents } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { join, seedEvent, type Member } from '../fixtures.ts';
import { connectParticipant } from '../media.ts';
import { freePort } from '../ports.ts';
import { startPrivateLivekit, type PrivateLivekit } from '../service-processes.ts';
import { listen } from '../sockets.ts';

/**
 * LiveKit's real, signed webhooks pass through a relay that records them on their way to the
 * app. Replayed twice and backwards (a leave before its join), they change nothing, and applied
 * backwards to an empty table they give the same attendance: who is in the room (open spans)
 * matches LiveKit's own list whatever order and however often the webhooks arrive.
 */
interface Recorded {
  body: string;
  authorization: string;
  event: string;
}

let livekit: PrivateLivekit;
let t: TestApp;
let relay: Server;
const recorded: Recorded[] = [];
let appUrl: string;
let plenaryId: string;
let roomService: RoomServiceClient;
let attendee: Member;
let speaker: Member;

beforeAll(async () => {
  const relayPort = await freePort();
  livekit = await startPrivateLivekit({
    webhookUrl: `http://127.0.0.1:${relayPort}/api/livekit/webhook`,
  });
  const { url, apiKey, apiSecret } = livekit;
  t = await createTestApp({}, { livekit: { url, apiKey, apiSecret } });
  appUrl = await listen(t.app);
  roomService = new RoomServiceClient(url.replace(/^ws/, 'http'), apiKey, apiSecret);
  relay = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const webhook = {
        body,
        authorization: req.headers.authorization ?? '',
        event: (JSON.parse(body) as { event: string }).event,
      };
      // Recorded once the app has answered, so that a test waiting for it sees its effect.
      void deliver(webhook).then(
        (answer) => {
          recorded.push(webhook);
          res.writeHead(answer.status).end(JSON.stringify(answer.body));
        },
        () => res.writeHead(502).end(),
      );
    });
  });
  await new Promise<void>((resolve) => relay.listen(relayPort, '127.0.0.1', resolve));
  const event = await seedEvent(t.app);
  const organizer = await join(t.app, event.id, 'organizer');
  attendee = await join(t.app, event.id, 'attendee', 'Anton Teilnehmer');
  speaker = await join(t.app, event.id, 'speaker', 'Sina Sprecherin');
  const rooms = await t.app.inject({
    url: `/api/events/${event.slug}/rooms`,
    headers: { cookie: organizer.cookie },
  });
  plenaryId = rooms.json()[0].id;
});

afterAll(async () => {
  relay?.close();
  await t?.close();
  await livekit?.close();
  await dispose();
});

async function deliver(webhook: Recorded) {
  const res = await fetch(`${appUrl}/api/livekit/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/webhook+json', authorization: webhook.authorization },
    body: webhook.body,
  });
  return { status: res.status, body: (await res.json()) as { result?: string } };
}

const tokenFor = async (member: Member) =>
  (
    await t.app.inject({
      method: 'POST',
      url: `/api/rooms/${plenaryId}/token`,
      headers: { cookie: member.cookie },
    })
  ).json().token as string;

async function waitForWebhooks(event: string, count: number) {
  const deadline = Date.now() + 20_000;
  while (recorded.filter((r) => r.event === event).length < count) {
    if (Date.now() > deadline) throw new Error(`fewer than ${count} ${event} webhooks`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Attendance of the plenary as comparable rows, one per LiveKit participant session. */
async function attendanceOfPlenary() {
  const rows = await t.app.db
    .select()
    .from(attendance)
    .where(eq(attendance.roomId, plenaryId))
    .orderBy(attendance.participantSid);
  return rows.map((r) => ({
    sid: r.participantSid,
    personId: r.personId,
    joinedAt: r.joinedAt.toISOString(),
    leftAt: r.leftAt?.toISOString() ?? null,
  }));
}

/**
 * Wipes what the webhooks wrote, then delivers them backwards, each twice at the same moment:
 * exactly one copy may count, the other must be the duplicate.
 */
async function replayFromScratch(webhooks: Recorded[]) {
  const ids = webhooks.map((r) => (JSON.parse(r.body) as { id: string }).id);
  await t.app.db.delete(attendance).where(eq(attendance.roomId, plenaryId));
  await t.app.db.delete(livekitWebhookEvents).where(inArray(livekitWebhookEvents.id, ids));
  for (const webhook of webhooks.reverse()) {
    const copies = await Promise.all([deliver(webhook), deliver(webhook)]);
    const results = copies.map((c) => c.body.result).sort();
    expect([
      ['applied', 'duplicate'],
      ['duplicate', 'ignored'],
    ]).toContainEqual(results);
  }
  return attendanceOfPlenary();
}

describe('LiveKit webhooks, duplicated and out of order', () => {
  it('attendance matches who is in the room, whatever the order and however often webhooks come', async () => {
    const first = await connectParticipant(livekit.url, await tokenFor(attendee));
    await waitForWebhooks('participant_joined', 1);
    await first.disconnect();
    await waitForWebhooks('participant_left', 1);
    const again = await connectParticipant(livekit.url, await tokenFor(attendee));
    const speaking = await connectParticipant(livekit.url, await tokenFor(speaker));
    await waitForWebhooks('participant_joined', 3);

    // Who LiveKit says is in the room has an open span; whoever left, a closed one.
    const live = await attendanceOfPlenary();
    expect(live).toHaveLength(3);
    const present = (await roomService.listParticipants(plenaryId)).map((p) => p.sid).sort();
    expect(live.filter((r) => r.leftAt === null).map((r) => r.sid)).toEqual(present);
    expect(live.filter((r) => r.leftAt !== null)).toMatchObject([{ personId: attendee.personId }]);

    // Every webhook again, backwards: each a duplicate, nothing changes.
    const replay = [...recorded].reverse();
    const duplicates = await Promise.all(replay.map(deliver));
    expect(duplicates.map((d) => d.body.result)).toEqual(replay.map(() => 'duplicate'));
    expect(await attendanceOfPlenary()).toEqual(live);

    // Forget them, then apply them backwards, each twice: the same attendance as in order.
    expect(await replayFromScratch([...recorded])).toEqual(live);

    // The room ends: everyone's span closes, and again whatever the order.
    await Promise.all([again.disconnect(), speaking.disconnect()]);
    await roomService.deleteRoom(plenaryId);
    await waitForWebhooks('participant_left', 3);
    await waitForWebhooks('room_finished', 1);
    const ended = await attendanceOfPlenary();
    expect(ended.map((r) => r.sid)).toEqual(live.map((r) => r.sid));
    expect(ended.filter((r) => r.leftAt === null)).toEqual([]);
    expect(await replayFromScratch([...recorded])).toEqual(ended);

    console.log('webhooks replayed:', {
      recorded: recorded.length,
      kinds: [...new Set(recorded.map((r) => r.event))],
      attendanceRows: live.length,
    });
  });
});
