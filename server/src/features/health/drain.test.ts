import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { join, seedEvent } from '../../test/fixtures.ts';
import { closeAll, connect, listen, openSocket, type ClientSocket } from '../../test/sockets.ts';

let t: TestApp | undefined;
let sockets: ClientSocket[] = [];
afterEach(async () => {
  closeAll(...sockets);
  sockets = [];
  await t?.close();
  t = undefined;
});

/** Why the handshake was refused: its `data.code`, or 'connected'. */
async function handshake(socket: ClientSocket): Promise<string> {
  try {
    await connect(socket);
    return 'connected';
  } catch (err) {
    return (err as { data?: { code?: string } }).data?.code ?? String(err);
  }
}

describe('draining before a stop (SIGTERM)', () => {
  it('a draining node is live but not ready, refuses new sockets as retryable and keeps the connected ones', async () => {
    t = await createTestApp();
    const url = await listen(t.app);
    const event = await seedEvent(t.app);
    const [early, late] = await Promise.all([
      join(t.app, event.id, 'attendee', 'Frühe Person'),
      join(t.app, event.id, 'attendee', 'Späte Person'),
    ]);
    const connected = openSocket(url, { cookie: early.cookie, event: event.slug });
    sockets.push(connected);
    await connect(connected);

    t.app.drain.begin();
    const ready = await t.app.inject({ url: '/api/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ ready: false, db: 'up', draining: true });
    expect((await t.app.inject({ url: '/api/health/live' })).statusCode).toBe(200);

    const newcomer = openSocket(url, { cookie: late.cookie, event: event.slug });
    sockets.push(newcomer);
    // The client retries `unavailable` by itself (client/src/lib/socket.ts), via the balancer.
    expect(await handshake(newcomer)).toBe('unavailable');
    const ack = await connected.timeout(5000).emitWithAck('presence:list', {});
    expect(ack).toMatchObject({ ok: true });
  });

  it('closing the drained node ends open sockets as a transport close, so clients reconnect elsewhere', async () => {
    t = await createTestApp();
    const url = await listen(t.app);
    const event = await seedEvent(t.app);
    const member = await join(t.app, event.id, 'attendee');
    const socket = openSocket(url, { cookie: member.cookie, event: event.slug });
    sockets.push(socket);
    await connect(socket);
    const reason = new Promise((resolve) => socket.once('disconnect', resolve));
    t.app.drain.begin();
    await t.app.close();
    expect(await reason).toBe('transport close');
  });
});
