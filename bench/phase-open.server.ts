/**
 * The server side of bench/phase-open.ts, a child process with a core of its own.
 * `plenum`: the real app on a throwaway database with N attendees, one organizer, G working
 * groups (no capacity) and one draft phase per round; LiveKit is the driver's real one.
 * `bare`: a plain Socket.IO server that, on POST /api/phases/:id/open, signs one JWT per person
 * with node:crypto HMAC and emits a `room:assigned`-shaped message to each person's room.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
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
import { countWork } from './lib/work-counters.ts';

const clients = Number(process.argv[3] ?? 1000);
const groupCount = Number(process.argv[4] ?? 3);
const rounds = Number(process.argv[5] ?? 3);

await runChild((mode) => {
  countWork({ sql: mode !== 'bare' });
  return mode === 'bare' ? startBare() : startPlenumServer();
});

async function startPlenumServer() {
  const { createWorkingGroup } = await import('../server/src/features/rooms/service.ts');
  const { createPhase } = await import('../server/src/features/phases/service.ts');
  const { app, event } = await startPlenum();
  const attendees = await addMembers(app, event.id, clients, 'attendee');
  const organizer = await addMembers(app, event.id, 1, 'organizer');
  const groupIds: string[] = [];
  for (let g = 1; g <= groupCount; g++) {
    const group = await createWorkingGroup(
      app.db,
      event.id,
      { name: `AG ${g}`, description: '', capacity: null, moderatorIds: [] },
      null,
    );
    groupIds.push(group.id);
  }
  // One draft per round: a phase opens once; the next round opens the next draft.
  const phaseIds: string[] = [];
  for (let r = 1; r <= rounds; r++) {
    const phase = await createPhase(
      app.db,
      event.id,
      {
        title: `Arbeitsphase ${r}`,
        agendaItemId: null,
        roomIds: groupIds,
        durationMinutes: 60,
        selfSelect: false,
      },
      organizer.personIds[0]!,
    );
    phaseIds.push(phase.id);
  }
  const port = await listenOnLoopback(app);
  send({
    type: 'ready',
    port,
    slug: event.slug,
    cookies: attendees.cookies,
    organizerCookie: organizer.cookies[0],
    phaseIds,
  });
}

async function startBare() {
  const secret = randomBytes(32);
  const personIds = Array.from({ length: clients }, () => crypto.randomUUID());
  const groups = Array.from({ length: groupCount }, (_, g) => ({
    id: crypto.randomUUID(),
    name: `AG ${g + 1}`,
    kind: 'working_group' as const,
  }));
  const phaseIds = Array.from({ length: rounds }, () => crypto.randomUUID());
  const deadlineAt = new Date(Date.now() + 3_600_000).toISOString();

  const http = createServer((req, res) => {
    const match = /^\/api\/phases\/([^/]+)\/(open|close)$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) return void res.writeHead(404).end();
    drain(req, res, () => {
      if (match[2] === 'open') {
        personIds.forEach((personId, i) => {
          const room = groups[i % groups.length]!;
          io.to(`person:${personId}`).emit('room:assigned', {
            phaseId: match[1]!,
            reason: 'phase_opened',
            deadlineAt,
            media: {
              url: 'ws://127.0.0.1:7880',
              token: signLikeLivekit(secret, personId, `Gast ${i + 1}`, room.id),
              room,
              rights: { canPublish: true, canSubscribe: true },
            },
          });
        });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  const io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
  io.on('connection', (socket) => {
    const personId = /bench_person=([^;]+)/.exec(socket.handshake.headers.cookie ?? '')?.[1];
    if (personId) void socket.join([`person:${personId}`, 'event']);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  onStop(async () => {
    await io.close();
  });
  send({
    type: 'ready',
    port: (http.address() as AddressInfo).port,
    slug: '',
    cookies: personIds.map((id) => `bench_person=${id}`),
    organizerCookie: '',
    phaseIds,
  });
}

function drain(req: IncomingMessage, res: ServerResponse, then: () => void) {
  req.resume();
  req.on('end', then);
  req.on('error', () => res.writeHead(400).end());
}

/** A JWT with the claims LiveKit's AccessToken puts in, HMAC-SHA256 signed: the same work and size. */
function signLikeLivekit(secret: Buffer, identity: string, name: string, room: string) {
  const now = Math.floor(Date.now() / 1000);
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({
    name,
    video: {
      room,
      roomJoin: true,
      roomAdmin: false,
      roomCreate: false,
      roomList: false,
      canPublish: true,
      canPublishData: true,
      canSubscribe: true,
      canPublishSources: ['camera', 'microphone', 'screen_share', 'screen_share_audio'],
    },
    iss: 'plenumbench',
    exp: now + 600,
    nbf: now,
    sub: identity,
  })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}
