import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  Phase,
  Room,
  RoomAssigned,
  ServerToClientEvents,
} from '@plenum/shared';
import { Person } from '../../server/src/cli/rehearse/person.ts';

/**
 * One app node is SIGKILLed in the middle of chat traffic during an open working-group phase.
 * The clients on it reconnect through the balancer, which sends them to the other node: nothing
 * they were told was stored may be lost, and each must be back in its group within 5 s.
 * (Runs after the rehearsal: the killed node stays down.)
 */
const scale = inject('scale');
const CLIENTS = 40;
const BACK_WITHIN_MS = 5_000;

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

interface Client {
  person: Person;
  socket: ClientSocket;
  groupId?: string;
  droppedAt?: number;
  /** `room:assigned` with reason `reconnected` after the kill. */
  rejoined?: { at: number; assigned: RoomAssigned };
  received: Set<number>;
  /** Why reconnect attempts after the kill failed, if any did. */
  errors: string[];
}

let db: pg.Client;
let organizer: Person;
let slug: string;
let phase: Phase;
const clients: Client[] = [];

/** Like the browser client: Socket.IO's own reconnection delays (1 s, up to 5 s, randomized). */
function openSocket(person: Person): ClientSocket {
  return io(scale.url, {
    transports: ['websocket'],
    forceNew: true,
    autoConnect: false,
    extraHeaders: { cookie: person.cookie },
    auth: { event: slug },
  });
}

async function until(done: () => boolean, timeoutMs: number, what: () => string) {
  const stop = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > stop) throw new Error(`timed out: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  db = new pg.Client({ connectionString: scale.databaseUrl });
  await db.connect();
  organizer = new Person(scale.url, 'Olga Organisatorin', 'organizer', 10_000);
  await organizer.redeem(new URL(scale.organizerLink).pathname.split('/').at(-1)!);
  slug = `failover-${Date.now()}`;
  await organizer.api('POST', '/api/events', {
    slug,
    title: 'Failover',
    timeZone: 'Europe/Berlin',
    startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    endsAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  const groups: Room[] = [];
  for (const name of ['AG 1', 'AG 2'])
    groups.push(await organizer.api<Room>('POST', `/api/events/${slug}/rooms`, { name }));
  const invitation = await organizer.api<{ token: string }>(
    'POST',
    `/api/events/${slug}/invitations`,
    { role: 'attendee', label: 'failover', maxUses: CLIENTS },
  );
  // Each redeem goes through the balancer, which pins the person to a node with its cookie.
  for (let i = 0; i < CLIENTS; i++) {
    const person = new Person(scale.url, `Teilnehmende ${i + 1}`, 'attendee', 10_000);
    await person.redeem(invitation.token);
    const socket = openSocket(person);
    const client: Client = { person, socket, received: new Set(), errors: [] };
    socket.on('room:assigned', (assigned) => {
      client.groupId ??= assigned.media.room.id;
      if (assigned.reason === 'reconnected') client.rejoined ??= { at: Date.now(), assigned };
    });
    socket.on('disconnect', () => (client.droppedAt ??= Date.now()));
    socket.on('chat:message', (m) => client.received.add(m.id));
    socket.on('connect_error', (err) => client.errors.push(err.message));
    clients.push(client);
  }
  await Promise.all(
    clients.map(
      (c) =>
        new Promise<void>((resolve, reject) => {
          c.socket.once('connect', () => resolve());
          c.socket.once('connect_error', reject);
          c.socket.connect();
        }),
    ),
  );
  phase = await organizer.api<Phase>('POST', `/api/events/${slug}/phases`, {
    title: 'Arbeitsgruppen',
    roomIds: groups.map((g) => g.id),
    durationMinutes: 30,
  });
  await organizer.api('POST', `/api/phases/${phase.id}/open`);
  await until(
    () => clients.every((c) => c.groupId),
    20_000,
    () => 'everyone is moved into a group when the phase opens',
  );
}, 120_000);

afterAll(async () => {
  for (const c of clients) c.socket.disconnect();
  organizer?.close();
  await db?.end();
});

describe('one of two app nodes is killed during an open working-group phase', () => {
  const acked = new Map<string, number>(); // clientId → the id its ack carried
  let killedAt = 0;

  it('every client of the killed node is back in its group through the balancer within 5 s', async () => {
    let sending = true;
    const senders = clients.map(async (client, n) => {
      await new Promise((resolve) => setTimeout(resolve, (n * 1_200) / CLIENTS));
      while (sending) {
        const clientId = crypto.randomUUID();
        const ack = await client.socket
          .timeout(5_000)
          .emitWithAck('chat:send', { roomId: client.groupId!, clientId, body: `Beitrag ${n}` })
          .catch(() => null); // no answer: the node died with it
        if (ack?.ok) acked.set(clientId, ack.message.id);
        await new Promise((resolve) => setTimeout(resolve, 1_200));
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const ackedBeforeKill = acked.size;
    const victim = scale.apps[0]!;
    killedAt = Date.now();
    process.kill(-victim.pid, 'SIGKILL');

    const dropped = () => clients.filter((c) => c.droppedAt && c.droppedAt >= killedAt);
    await until(
      () => dropped().length > 0 && dropped().every((c) => c.rejoined),
      15_000,
      () => `${dropped().filter((c) => !c.rejoined).length} of ${dropped().length} not back`,
    );
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    sending = false;
    await Promise.all(senders);

    const back = dropped().map((c) => c.rejoined!.at - killedAt);
    back.sort((a, b) => a - b);
    const drops = dropped().map((c) => c.droppedAt! - killedAt);
    const errors = dropped().flatMap((c) => c.errors);
    console.info(
      `failover: ${dropped().length} of ${CLIENTS} clients were on ${victim.name}; back in their ` +
        `group after the kill in a median ${back[back.length >> 1]} ms, all in ${back.at(-1)} ms; ` +
        `${ackedBeforeKill} messages acked before the kill, ${acked.size} in all; disconnect ` +
        `noticed after ${Math.max(...drops)} ms at most; ${errors.length} failed reconnect ` +
        `attempts${errors.length ? ` (${[...new Set(errors)].join('; ')})` : ''}`,
    );
    // Traffic was flowing when the node died (about 2 messages per client in those 3 s).
    expect(ackedBeforeKill).toBeGreaterThan(CLIENTS / 2);
    expect(back.at(-1)!).toBeLessThanOrEqual(BACK_WITHIN_MS);
    for (const c of dropped()) expect(c.rejoined!.assigned.media.room.id).toBe(c.groupId);
    expect(clients.every((c) => c.socket.connected)).toBe(true);
  });

  it('every acknowledged chat message is stored: none lost', async () => {
    const { rows } = await db.query<{ id: string; client_id: string }>(
      'select id, client_id from chat_messages where client_id = any($1::uuid[])',
      [[...acked.keys()]],
    );
    const stored = new Map(rows.map((r) => [r.client_id, Number(r.id)]));
    const lost = [...acked].filter(([clientId, id]) => stored.get(clientId) !== id);
    console.info(`chat: ${acked.size} acknowledged, ${rows.length} stored, ${lost.length} lost`);
    expect(lost).toEqual([]);
  });

  it('after the failover a message in each group reaches all its members on the surviving node', async () => {
    for (const groupId of new Set(clients.map((c) => c.groupId!))) {
      const members = clients.filter((c) => c.groupId === groupId);
      const ack = await members[0]!.socket.timeout(5_000).emitWithAck('chat:send', {
        roomId: groupId,
        clientId: crypto.randomUUID(),
        body: 'Wieder da?',
      });
      if (!ack.ok) throw new Error(ack.error.message);
      await until(
        () => members.every((m) => m.received.has(ack.message.id)),
        5_000,
        () => `the message reaches all ${members.length} members of ${groupId}`,
      );
    }
  });

  it('the surviving node closes the phase at its stored deadline: everyone back in the plenary', async () => {
    const back = new Set<Client>();
    for (const c of clients)
      c.socket.on('room:assigned', (a) => a.reason === 'phase_closed' && back.add(c));
    await db.query('update phases set deadline_at = now() where id = $1', [phase.id]);
    await until(
      () => back.size === CLIENTS,
      15_000,
      () => `${CLIENTS - back.size} clients were not sent back to the plenary`,
    );
    const { rows } = await db.query('select status from phases where id = $1', [phase.id]);
    expect(rows[0].status).toBe('closed');
  });
});
