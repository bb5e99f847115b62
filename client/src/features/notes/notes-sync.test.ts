import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { NotesDoc } from '@plenum/shared';
import { notesLimits } from '@plenum/shared/limits';
import { RealtimeError, type ConnectionState } from '../../lib/socket.ts';
import { fromBase64, toBase64 } from '../../lib/base64.ts';
import { NotesSession, notesText, writerLines, type NotesTransport } from './notes-sync.ts';
import { relativeSelection } from './text-binding.ts';

type Payload = Record<string, unknown> & { doc: NotesDoc };
type Handler = (payload: unknown) => void;

/** The server's side of the contract, in memory: one document, fan-out to the others. */
class FakeServer {
  readonly doc = new Y.Doc();
  readonly clients = new Set<FakeClient>();
  maxLength = Infinity;

  handle(from: FakeClient, event: string, p: Payload): object {
    if (event === 'notes:open') {
      from.following = true;
      return {
        update: toBase64(Y.encodeStateAsUpdate(this.doc, fromBase64(p.stateVector as string))),
        stateVector: toBase64(Y.encodeStateVector(this.doc)),
        canWrite: from.canWrite,
        writers: [],
      };
    }
    if (event === 'notes:close') {
      from.following = false;
      this.fanOut(from, 'notes:left', { doc: p.doc, personId: from.personId });
      return {};
    }
    if (!from.canWrite) throw new RealtimeError('forbidden', 'read only');
    if (event === 'notes:update') {
      if ((p.update as string).length > notesLimits.updateMax) {
        throw new RealtimeError('validation_failed', 'too big');
      }
      const trial = new Y.Doc();
      Y.applyUpdate(trial, Y.encodeStateAsUpdate(this.doc));
      Y.applyUpdate(trial, fromBase64(p.update as string));
      if (notesText(trial).length > this.maxLength) throw new RealtimeError('conflict', 'full');
      Y.applyUpdate(this.doc, fromBase64(p.update as string));
      this.fanOut(from, 'notes:update', { doc: p.doc, update: p.update });
    } else if (event === 'notes:cursor') {
      const { anchor, head } = p;
      const at = new Date().toISOString();
      this.fanOut(from, 'notes:presence', { ...from.presence(p.doc), anchor, head, at });
    }
    return {};
  }

  private fanOut(from: FakeClient, event: string, payload: unknown) {
    for (const client of this.clients)
      if (client !== from && client.following) client.emit(event, payload);
  }
}

/** One browser's socket: requests reach the server a tick later, unless offline. */
class FakeClient {
  state: ConnectionState = { status: 'connected', recovered: false };
  following = false;
  readonly sent: string[] = [];
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly stateListeners = new Set<() => void>();

  constructor(
    private readonly server: FakeServer,
    readonly personId: string,
    readonly name: string,
    public canWrite = true,
  ) {
    server.clients.add(this);
  }

  presence(doc: NotesDoc) {
    return { doc, personId: this.personId, name: this.name };
  }

  readonly transport = {
    request: (async (event: string, payload: Payload) => {
      if (this.state.status !== 'connected') throw new RealtimeError('timeout', 'offline');
      await Promise.resolve();
      this.sent.push(event);
      return this.server.handle(this, event, payload);
    }) as unknown as NotesTransport['request'],
    on: ((event: string, handler: Handler) => {
      const set = this.handlers.get(event) ?? new Set();
      this.handlers.set(event, set.add(handler));
      return () => set.delete(handler);
    }) as unknown as NotesTransport['on'],
    subscribe: (listener: () => void) => {
      this.stateListeners.add(listener);
      return () => this.stateListeners.delete(listener);
    },
    getState: () => this.state,
    onResync: () => () => {},
  } satisfies NotesTransport;

  emit(event: string, payload: unknown) {
    for (const handler of this.handlers.get(event) ?? []) handler(payload);
  }

  setOnline(online: boolean) {
    this.following &&= online;
    this.state = online ? { status: 'connected', recovered: false } : { status: 'reconnecting' };
    for (const listener of this.stateListeners) listener();
  }
}

const ref: NotesDoc = { kind: 'group', phaseId: crypto.randomUUID(), roomId: crypto.randomUUID() };
const settle = () => vi.advanceTimersByTimeAsync(1000);

function setUp(seed = '') {
  const server = new FakeServer();
  notesText(server.doc).insert(0, seed);
  const person = (name: string, canWrite = true) => {
    const client = new FakeClient(server, crypto.randomUUID(), name, canWrite);
    const session = new NotesSession(client.transport, ref);
    const text = () => notesText(session.getSnapshot().doc);
    return { client, session, text };
  };
  return { server, person };
}

describe('a live notes document', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('two people writing at the same time both end with both edits', async () => {
    const { server, person } = setUp('Ideen:\n');
    const anna = person('Anna');
    const ben = person('Ben');
    await settle();
    expect(anna.text().toString()).toBe('Ideen:\n');
    anna.text().insert(7, '- Radwege\n');
    ben.text().insert(7, '- Bänke\n');
    await settle();
    for (const text of [anna.text(), ben.text(), notesText(server.doc)]) {
      expect(text.toString()).toContain('- Radwege\n');
      expect(text.toString()).toContain('- Bänke\n');
    }
    expect(anna.text().toString()).toBe(ben.text().toString());
    expect(anna.session.getSnapshot().status).toBe('saved');
  });

  it('sends what is typed within an interval as one update, not one per key', async () => {
    const { person } = setUp();
    const anna = person('Anna');
    await settle();
    for (const letter of 'Beteiligung') anna.text().insert(anna.text().length, letter);
    expect(anna.session.getSnapshot().status).toBe('sending');
    await settle();
    expect(anna.client.sent.filter((e) => e === 'notes:update')).toHaveLength(1);
    expect(anna.session.getSnapshot().status).toBe('saved');
  });

  it('keeps edits made offline and merges them after the reconnect', async () => {
    const { server, person } = setUp('Start');
    const anna = person('Anna');
    const ben = person('Ben');
    await settle();
    anna.client.setOnline(false);
    expect(anna.session.getSnapshot().status).toBe('offline');
    anna.text().insert(0, 'Offline geschrieben. ');
    ben.text().insert(ben.text().length, ' und Bens Teil');
    await settle();
    expect(anna.client.sent.filter((e) => e === 'notes:update')).toHaveLength(0);
    expect(anna.session.getSnapshot().status).toBe('offline');
    expect(notesText(server.doc).toString()).toBe('Start und Bens Teil');

    anna.client.setOnline(true);
    await settle();
    const merged = 'Offline geschrieben. Start und Bens Teil';
    expect(notesText(server.doc).toString()).toBe(merged);
    expect(anna.text().toString()).toBe(merged);
    expect(ben.text().toString()).toBe(merged);
    expect(anna.session.getSnapshot().status).toBe('saved');
  });

  it('a long text written offline goes out in messages small enough for the server', async () => {
    const { server, person } = setUp();
    const anna = person('Anna');
    await settle();
    anna.client.setOnline(false);
    const paragraph = 'Bürgerbeteiligung '.repeat(1200); // ≈ 21,600 characters each
    for (let i = 0; i < 3; i++) anna.text().insert(anna.text().length, paragraph);
    anna.client.setOnline(true);
    await settle();
    expect(notesText(server.doc).toString()).toBe(paragraph.repeat(3));
    expect(anna.client.sent.filter((e) => e === 'notes:update').length).toBeGreaterThan(1);
  });

  it('shows who else is writing and on which line, until they leave', async () => {
    const { person } = setUp('eins\nzwei\ndrei');
    const anna = person('Anna');
    const ben = person('Ben');
    await settle();
    ben.session.cursor(relativeSelection(ben.text(), 6, 6));
    await settle();
    const { doc, writers } = anna.session.getSnapshot();
    expect(writerLines(doc, writers)).toMatchObject([{ name: 'Ben', line: 2 }]);
    // Their cursor stays on its line when lines are added above.
    anna.text().insert(0, 'null\n');
    expect(writerLines(doc, anna.session.getSnapshot().writers)).toMatchObject([{ line: 3 }]);
    ben.session.close();
    await settle();
    expect(anna.session.getSnapshot().writers).toEqual([]);
  });

  it('a reader gets the text but sends no edits', async () => {
    const { person } = setUp('Nur lesen');
    const olga = person('Olga', false);
    await settle();
    expect(olga.session.getSnapshot()).toMatchObject({ canWrite: false, status: 'saved' });
    expect(olga.text().toString()).toBe('Nur lesen');
    olga.session.cursor(relativeSelection(olga.text(), 0, 0));
    await settle();
    expect(olga.client.sent).not.toContain('notes:cursor');
  });

  it('an edit the server refuses as too long is dropped and the server’s text comes back', async () => {
    const { server, person } = setUp('kurz');
    server.maxLength = 10;
    const anna = person('Anna');
    await settle();
    anna.text().insert(4, ' und viel zu lang');
    await settle();
    expect(anna.session.getSnapshot()).toMatchObject({ full: true, status: 'saved' });
    expect(anna.text().toString()).toBe('kurz');
    anna.text().insert(4, '!');
    expect(anna.session.getSnapshot().full).toBe(false);
    await settle();
    expect(notesText(server.doc).toString()).toBe('kurz!');
  });
});
