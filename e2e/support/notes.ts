import { io, type Socket } from 'socket.io-client';
import { expect } from 'vitest';
import * as Y from 'yjs';
import type { NotesDoc } from '@plenum/shared';
import type { Person } from './browser.ts';
import type { E2eServer } from './server.ts';

/** A socket of the person's own session (their browser context's cookie), outside the page. */
export async function socketAs(server: E2eServer, person: Person): Promise<Socket> {
  const cookie = (await person.context.cookies()).find((c) => c.name === 'plenum_session')!;
  return io(server.url, {
    transports: ['websocket'],
    extraHeaders: { cookie: `${cookie.name}=${cookie.value}` },
    auth: { event: server.slug },
  });
}

/** Appends text to a live notes document as the person, the way the browser's editor does. */
export async function appendNotes(server: E2eServer, person: Person, doc: NotesDoc, text: string) {
  const socket = await socketAs(server, person);
  try {
    const ydoc = new Y.Doc();
    const stateVector = Buffer.from(Y.encodeStateVector(ydoc)).toString('base64');
    const opened = await socket.timeout(10_000).emitWithAck('notes:open', { doc, stateVector });
    expect(opened).toMatchObject({ ok: true, canWrite: true });
    Y.applyUpdate(ydoc, Buffer.from(opened.update as string, 'base64'));
    const before = Y.encodeStateVector(ydoc);
    const body = ydoc.getText('body');
    body.insert(body.length, text);
    const update = Buffer.from(Y.encodeStateAsUpdate(ydoc, before)).toString('base64');
    const stored = await socket.timeout(10_000).emitWithAck('notes:update', { doc, update });
    expect(stored).toEqual({ ok: true });
  } finally {
    socket.disconnect();
  }
}
