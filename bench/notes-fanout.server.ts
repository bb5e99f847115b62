/**
 * The server side of bench/notes-fanout.ts, a child process with a core of its own. `plenum`: the
 * real app on a throwaway database, one working group with N attendees placed in it and its phase
 * open. `bare`: a plain Socket.IO server that relays `notes:update` to everyone else in one room
 * and acknowledges — no validation, no rights, no Postgres.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import {
  addMembers,
  listenOnLoopback,
  onStop,
  runChild,
  send,
  startPlenum,
} from './lib/server-child.ts';

const members = Number(process.argv[3] ?? 40);

await runChild((mode) => {
  if (mode === 'bare') return startBare();
  if (mode === 'plenum') return startPlenumServer();
  throw new Error(`unknown mode ${mode}`);
});

async function startPlenumServer() {
  const { createWorkingGroup } = await import('../server/src/features/rooms/service.ts');
  const { createPhase, openPhase } = await import('../server/src/features/phases/service.ts');
  const { assignToGroup } = await import('../server/src/features/phases/assignments.ts');
  const { app, event } = await startPlenum();
  const attendees = await addMembers(app, event.id, members, 'attendee');
  const organizer = await addMembers(app, event.id, 1, 'organizer');
  const by = organizer.personIds[0]!;
  const group = await createWorkingGroup(
    app.db,
    event.id,
    { name: 'AG Mobilität', description: '', capacity: null, moderatorIds: [] },
    null,
  );
  const phase = await createPhase(
    app.db,
    event.id,
    {
      title: 'Arbeitsphase',
      agendaItemId: null,
      roomIds: [group.id],
      durationMinutes: 60,
      selfSelect: false,
    },
    by,
  );
  for (const personId of attendees.personIds) {
    await assignToGroup(app.db, {
      phaseId: phase.id,
      personId,
      roomId: group.id,
      source: 'manual',
      actorId: by,
    });
  }
  await openPhase(app.db, phase.id, by);
  const port = await listenOnLoopback(app);
  send({
    type: 'ready',
    port,
    slug: event.slug,
    cookies: attendees.cookies,
    doc: { kind: 'group', phaseId: phase.id, roomId: group.id },
  });
}

async function startBare() {
  const http = createServer();
  const io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
  io.on('connection', (socket) => {
    void socket.join('notes');
    socket.on('notes:open', (_payload: unknown, ack) => {
      if (typeof ack === 'function') ack({ ok: true, update: '', stateVector: '', writers: [] });
    });
    socket.on('notes:update', (payload: { doc: unknown; update: string }, ack) => {
      socket.to('notes').emit('notes:update', { doc: payload.doc, update: payload.update });
      if (typeof ack === 'function') ack({ ok: true });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  onStop(async () => {
    await io.close();
  });
  const { port } = http.address() as AddressInfo;
  send({ type: 'ready', port, slug: '', cookies: [], doc: { kind: 'plenary' } });
}
