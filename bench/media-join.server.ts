/**
 * The server side of bench/media-join.ts, a child process: the real app with the built client
 * (the browser part loads it), on a throwaway database, listening on the port its PUBLIC_URL
 * names (the socket's origin check and the cookies depend on it). One event with N attendees for
 * the rtc-node part, one more attendee and one moderator for the browser, one organizer, and two
 * working groups. LiveKit is the driver's.
 */
import { randomToken } from '../server/src/lib/tokens.ts';
import { freePort } from '../server/src/test/ports.ts';
import { addMembers, createBenchEvent, onStop, runChild, send } from './lib/server-child.ts';

const participants = Number(process.argv[3] ?? 50);

await runChild(startPlenumWithClient);

async function startPlenumWithClient() {
  const { buildApp } = await import('../server/src/app.ts');
  const { loadConfig } = await import('../server/src/config.ts');
  const { createTestDatabase } = await import('../server/src/test/database.ts');
  const { createWorkingGroup } = await import('../server/src/features/rooms/service.ts');
  const livekit = JSON.parse(process.env.BENCH_LIVEKIT ?? 'null') as {
    url: string;
    apiKey: string;
    apiSecret: string;
  } | null;
  if (!livekit) throw new Error('media-join needs BENCH_LIVEKIT from its driver');

  const database = await createTestDatabase();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    PUBLIC_URL: url,
    PLENUM_DATA_DIR: '.data/bench',
  });
  const app = await buildApp(config, { sessionSecret: randomToken(32), livekit }).catch(
    async (err: unknown) => {
      await database.drop();
      throw err;
    },
  );
  onStop(async () => {
    await app.close();
    await database.drop();
  });

  const { event, plenaryId } = await createBenchEvent(app, 'Medien-Bench');
  const groupIds: string[] = [];
  for (const name of ['AG 1', 'AG 2']) {
    const group = await createWorkingGroup(
      app.db,
      event.id,
      { name, description: '', capacity: null, moderatorIds: [] },
      null,
    );
    groupIds.push(group.id);
  }
  const attendees = await addMembers(app, event.id, participants + 1, 'attendee');
  const moderator = await addMembers(app, event.id, 1, 'moderator');
  const organizer = await addMembers(app, event.id, 1, 'organizer');

  await app.listen({ port, host: '127.0.0.1' });
  send({
    type: 'ready',
    url,
    slug: event.slug,
    plenaryId: plenaryId,
    groupIds,
    attendeeCookies: attendees.cookies.slice(0, participants),
    browserCookie: attendees.cookies[participants],
    moderatorCookie: moderator.cookies[0],
    organizerCookie: organizer.cookies[0],
  });
}
