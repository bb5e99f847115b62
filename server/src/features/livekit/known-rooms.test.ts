import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createHash } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';
import { useTestApp } from '../../test/socket-world.ts';
import { join, seedEvent, type Member } from '../../test/fixtures.ts';
import { KnownLivekitRooms } from './known-rooms.ts';
import { findPlenary } from '../rooms/repository.ts';

describe('rooms this node created a moment ago', () => {
  const clock = { now: 0 };
  const known = () => new KnownLivekitRooms(10_000, () => clock.now);

  it('a remembered room is trusted once per person, within its time', () => {
    const k = known();
    k.remember('room', ['anna']);
    expect(k.trustFor('room', 'anna')).toBe(false); // she holds a token already: asking again
    expect(k.trustFor('room', 'ben')).toBe(true);
    expect(k.trustFor('room', 'ben')).toBe(false);
    expect(k.trustFor('other', 'cem')).toBe(false);
  });

  it('making the room again for one person keeps the others served: their next request asks LiveKit', () => {
    const k = known();
    k.remember('room', ['anna']);
    expect(k.trustFor('room', 'ben')).toBe(true);
    k.remember('room', ['anna']); // anna asked again: the room was made again
    expect(k.trustFor('room', 'ben')).toBe(false); // ben asking again failed to join too
  });

  it('an entry expires, and forgetting or clearing drops it at once', () => {
    const k = known();
    k.remember('a');
    k.remember('b');
    k.remember('c');
    k.forget('a');
    expect(k.trustFor('a', 'x')).toBe(false);
    clock.now += 10_000;
    expect(k.trustFor('b', 'x')).toBe(false);
    k.remember('b');
    k.clear();
    expect(k.trustFor('b', 'y')).toBe(false);
  });

  it('one create call per room at a time: callers meanwhile share its answer, later ones call anew', async () => {
    const k = known();
    let calls = 0;
    const create = async () => ++calls;
    const together = await Promise.all([
      k.createOnce('room', create),
      k.createOnce('room', create),
      k.createOnce('other', create),
    ]);
    expect(together).toEqual([1, 1, 2]);
    expect(await k.createOnce('room', create)).toBe(3);
    const failed = k.createOnce('room', () => Promise.reject(new Error('down')));
    await expect(failed).rejects.toThrow('down');
    expect(await k.createOnce('room', create)).toBe(4);
  });

  it('expired rooms are dropped with the people served, not kept for good', () => {
    const k = known();
    k.remember('old', ['anna']);
    k.remember('older', ['ben']);
    clock.now += 10_000;
    k.remember('new');
    expect(k.size).toBe(1);
  });
});

const t = useTestApp();
let plenaryId: string;
let anna: Member;
let ben: Member;
let cem: Member;
const created: string[] = [];
/** How long each CreateRoom call is held before it goes to LiveKit. */
let createDelayMs = 0;

beforeAll(async () => {
  const event = await seedEvent(t.app);
  anna = await join(t.app, event.id, 'attendee', 'Anna');
  ben = await join(t.app, event.id, 'attendee', 'Ben');
  cem = await join(t.app, event.id, 'attendee', 'Cem');
  const plenary = await findPlenary(t.app.db, event.id);
  plenaryId = plenary.id;
  // Count the app's calls to LiveKit's CreateRoom, and still make them.
  const service = t.app.livekit.rooms;
  const createRoom = service.createRoom.bind(service);
  service.createRoom = async (options) => {
    created.push(options.name);
    await new Promise((resolve) => setTimeout(resolve, createDelayMs));
    return createRoom(options);
  };
});

const token = (m: Member) =>
  t.app.inject({
    method: 'POST',
    url: `/api/rooms/${plenaryId}/token`,
    headers: { cookie: m.cookie },
  });
const livekitHas = async (roomId: string) =>
  (await t.app.livekit.rooms.listRooms([roomId])).some((r) => r.name === roomId);

describe('tokens and LiveKit rooms', () => {
  it('the first token creates the room; the next person’s token does not call LiveKit again', async () => {
    expect((await token(anna)).statusCode).toBe(200);
    expect(created.filter((n) => n === plenaryId)).toHaveLength(1);
    expect(await livekitHas(plenaryId)).toBe(true);
    expect((await token(ben)).statusCode).toBe(200);
    expect(created.filter((n) => n === plenaryId)).toHaveLength(1);
  });

  it('tokens asked together for a room not known make one call to create it', async () => {
    t.app.livekit.known!.forget(plenaryId); // as when its entry expires in a join storm
    const before = created.length;
    // A slow LiveKit: the others ask while the first call is on its way.
    createDelayMs = 300;
    try {
      const answers = await Promise.all([token(anna), token(ben), token(cem)]);
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    } finally {
      createDelayMs = 0;
    }
    expect(created.length).toBe(before + 1);
  });

  it('a person asking again after LiveKit lost the room gets the room created again', async () => {
    // LiveKit restarting loses every room; the app is not told.
    await t.app.livekit.rooms.deleteRoom(plenaryId);
    expect(await livekitHas(plenaryId)).toBe(false);
    expect((await token(anna)).statusCode).toBe(200);
    expect(await livekitHas(plenaryId)).toBe(true);
  });

  it('LiveKit reporting the room finished makes the next token create it again', async () => {
    const before = created.length;
    await t.app.livekit.rooms.deleteRoom(plenaryId);
    const body = JSON.stringify({
      event: 'room_finished',
      id: `EV_${crypto.randomUUID()}`,
      room: { name: plenaryId },
      createdAt: Math.floor(Date.now() / 1000),
    });
    const { apiKey, apiSecret } = inject('livekit');
    const signature = new AccessToken(apiKey, apiSecret);
    signature.sha256 = createHash('sha256').update(body).digest('base64');
    const hook = await t.app.inject({
      method: 'POST',
      url: '/api/livekit/webhook',
      payload: body,
      headers: {
        'content-type': 'application/webhook+json',
        authorization: await signature.toJwt(),
      },
    });
    expect(hook.statusCode).toBe(200);
    // Cem never had a token for it: only the webhook tells this node the room is gone.
    expect((await token(cem)).statusCode).toBe(200);
    expect(created.length).toBe(before + 1);
    expect(await livekitHas(plenaryId)).toBe(true);
  });
});
