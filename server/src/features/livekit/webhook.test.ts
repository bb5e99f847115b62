import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AccessToken } from 'livekit-server-sdk';
import { createTestApp } from '../../test/app.ts';
import { useTestApp } from '../../test/socket-world.ts';
import { join, seedEvent, type Member } from '../../test/fixtures.ts';
import { freePort } from '../../test/ports.ts';
import { attendance, livekitWebhookEvents } from '../../db/schema/index.ts';

// Webhooks signed here with the run's LiveKit keys; real ones from LiveKit: media.test.ts.
const t = useTestApp();
let keys: { apiKey: string; apiSecret: string };
let plenaryId: string;
let attendee: Member;

beforeAll(async () => {
  keys = inject('livekit');
  const event = await seedEvent(t.app);
  attendee = await join(t.app, event.id, 'attendee');
  const rooms = (
    await t.app.inject({
      url: `/api/events/${event.slug}/rooms`,
      headers: { cookie: attendee.cookie },
    })
  ).json();
  plenaryId = rooms[0].id;
});

describe('LiveKit webhooks', () => {
  const signed = async (body: string) => {
    const token = new AccessToken(keys.apiKey, keys.apiSecret);
    token.sha256 = createHash('sha256').update(body).digest('base64');
    return token.toJwt();
  };
  const post = (body: string, authorization?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/livekit/webhook',
      payload: body,
      headers: {
        'content-type': 'application/webhook+json',
        ...(authorization && { authorization }),
      },
    });

  it('a forged or unsigned webhook gets 401 and writes nothing', async () => {
    const before = await t.app.db.$count(livekitWebhookEvents);
    const body = JSON.stringify({
      event: 'room_finished',
      id: 'EV_forged',
      room: { name: plenaryId },
    });
    const forger = new AccessToken(keys.apiKey, 'a-different-secret-a-different-secret-0123');
    forger.sha256 = createHash('sha256').update(body).digest('base64');
    expect((await post(body, await forger.toJwt())).statusCode).toBe(401);
    expect((await post(body)).statusCode).toBe(401);
    expect((await post(body, await signed(body + ' '))).statusCode).toBe(401);
    expect(await t.app.db.$count(livekitWebhookEvents)).toBe(before);
  });

  it('a replayed webhook changes nothing, and a leave before its join still makes one row', async () => {
    const participant = {
      sid: 'PA_outoforder',
      identity: attendee.personId,
      joinedAt: '1767225600',
    };
    const left = JSON.stringify({
      event: 'participant_left',
      id: 'EV_left_1',
      createdAt: '1767229200',
      room: { name: plenaryId },
      participant,
    });
    const joined = JSON.stringify({
      event: 'participant_joined',
      id: 'EV_join_1',
      createdAt: '1767225600',
      room: { name: plenaryId },
      participant,
    });
    expect((await post(left, await signed(left))).json()).toEqual({ ok: true, result: 'applied' });
    expect((await post(joined, await signed(joined))).json()).toEqual({
      ok: true,
      result: 'applied',
    });
    expect((await post(left, await signed(left))).json()).toEqual({
      ok: true,
      result: 'duplicate',
    });
    const rows = await t.app.db
      .select()
      .from(attendance)
      .where(eq(attendance.participantSid, 'PA_outoforder'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.joinedAt.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(rows[0]!.leftAt?.toISOString()).toBe('2026-01-01T01:00:00.000Z');
  });

  it('a malformed webhook body gets a 4xx', async () => {
    const body = '{not json';
    const res = await post(body, await signed(body));
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });
});

describe('LiveKit down', () => {
  it('the token route answers 503 with a clear message', async () => {
    const down = await createTestApp(
      {},
      {
        livekit: { ...keys, url: `ws://127.0.0.1:${await freePort()}` },
      },
    );
    try {
      const event = await seedEvent(down.app);
      const member = await join(down.app, event.id, 'attendee');
      const rooms = (
        await down.app.inject({
          url: `/api/events/${event.slug}/rooms`,
          headers: { cookie: member.cookie },
        })
      ).json();
      const res = await down.app.inject({
        method: 'POST',
        url: `/api/rooms/${rooms[0].id}/token`,
        headers: { cookie: member.cookie },
      });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.message).toMatch(/media server is not reachable/);
    } finally {
      await down.close();
    }
  });
});
