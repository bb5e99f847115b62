/**
 * The server side of bench/polls.ts: the real app (buildApp) on a throwaway Postgres database,
 * one event, N attendees and one moderator.
 */
import { addMembers, listenOnLoopback, runChild, send, startPlenum } from './lib/server-child.ts';

const clients = Number(process.argv[3] ?? 110);

await runChild(async () => {
  const { app, event, plenaryId } = await startPlenum();
  const { cookies } = await addMembers(app, event.id, clients, 'attendee');
  const moderator = await addMembers(app, event.id, 1, 'moderator');
  const port = await listenOnLoopback(app);
  send({
    type: 'ready',
    port,
    cookies,
    moderatorCookie: moderator.cookies[0]!,
    roomId: plenaryId,
    slug: event.slug,
  });
});
