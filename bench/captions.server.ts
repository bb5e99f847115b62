/**
 * The server side of bench/captions.ts: the real app (buildApp) on a throwaway Postgres database,
 * one event, N attendees and one captioner; `transcript` keeps final lines in the database.
 */
import { addMembers, listenOnLoopback, runChild, send, startPlenum } from './lib/server-child.ts';

const clients = Number(process.argv[3] ?? 110);
const transcript = process.argv[4] === 'transcript';

await runChild(async () => {
  const { app, event, plenaryId } = await startPlenum();
  const { cookies } = await addMembers(app, event.id, clients, 'attendee');
  const captioner = await addMembers(app, event.id, 1, 'captioner');
  if (transcript) {
    const { storeTranscriptSetting } =
      await import('../server/src/features/captions/repository.ts');
    await storeTranscriptSetting(app.db, event.id, true, captioner.personIds[0]!);
  }
  const port = await listenOnLoopback(app);
  send({
    type: 'ready',
    port,
    cookies,
    captionerCookie: captioner.cookies[0]!,
    roomId: plenaryId,
    slug: event.slug,
  });
});
