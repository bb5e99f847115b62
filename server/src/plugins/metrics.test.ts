import { describe, expect, it } from 'vitest';
import { PhaseInput } from '@plenum/shared';
import { createPhase } from '../features/phases/service.ts';
import { useSocketWorld } from '../test/socket-world.ts';
import { connectAs } from '../test/sockets.ts';
import { join } from '../test/fixtures.ts';
import { createTestApp } from '../test/app.ts';

const t = useSocketWorld({ env: { METRICS_PORT: '0' } });

async function scrape(): Promise<string> {
  const res = await fetch(t.app.metrics.url!);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  return res.text();
}

/** The value of one sample, e.g. `plenum_joins_total{via="socket"}`. */
function sample(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`no sample ${name} in:\n${text.slice(0, 2000)}`);
  return Number(line.slice(name.length + 1));
}

describe('metrics', () => {
  it('are served on their own port, not on the public one', async () => {
    expect(t.app.metrics.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new URL(t.app.metrics.url!).port).not.toBe(new URL(t.url).port);
    expect((await fetch(`${t.url}/metrics`)).status).toBe(404);
    expect((await fetch(t.app.metrics.url!.replace('/metrics', '/other'))).status).toBe(404);
  });

  it('are off without METRICS_PORT: no port, nothing collected', async () => {
    const bare = await createTestApp();
    try {
      expect(bare.app.metrics.url).toBeNull();
      expect(await bare.app.metrics.registry.getMetricsAsJSON()).toEqual([]);
    } finally {
      await bare.close();
    }
  });

  it('count a join by invitation and by socket, and the socket while it is connected', async () => {
    const w = await t.world();
    const before = await scrape();
    const member = await join(t.app, w.event.id, 'attendee', 'Gezählte Person');
    const { socket } = await connectAs(t.url, member, w.event.slug);
    const after = await scrape();
    const delta = (name: string) => sample(after, name) - sample(before, name);
    expect(delta('plenum_joins_total{via="invitation"}')).toBe(1);
    expect(delta('plenum_joins_total{via="socket"}')).toBe(1);
    expect(delta('plenum_sockets_connected')).toBe(1);
    socket.close();
    await expect
      .poll(async () => sample(await scrape(), 'plenum_sockets_connected'))
      .toBe(sample(before, 'plenum_sockets_connected'));
  });

  it('count a phase opened', async () => {
    const w = await t.world();
    const input = PhaseInput.parse({
      title: 'Arbeitsgruppen',
      roomIds: [w.groupId, w.otherGroupId],
      durationMinutes: 30,
      selfSelect: true,
    });
    const phase = await createPhase(t.app.db, w.event.id, input, w.organizer.personId);
    const before = sample(await scrape(), 'plenum_phase_opens_total');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/phases/${phase.id}/open`,
      headers: { cookie: w.organizer.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(sample(await scrape(), 'plenum_phase_opens_total')).toBe(before + 1);
  });

  it('show event-loop lag, the pool and LiveKit API latency', async () => {
    await t.app.inject({ url: '/api/health' }); // asks LiveKit's RoomService (listRooms)
    const text = await scrape();
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'plenum_db_pool_waiting')).toBe(0);
    expect(sample(text, 'plenum_db_pool_connections{state="total"}')).toBeGreaterThan(0);
    expect(sample(text, 'plenum_db_pool_acquire_seconds_count')).toBeGreaterThan(0);
    expect(
      sample(text, 'plenum_livekit_api_seconds_count{method="listRooms",outcome="ok"}'),
    ).toBeGreaterThan(0);
  });
});
