import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eq } from 'drizzle-orm';
import { NOTES_MAX_LENGTH, NOTES_TEXT_NAME, type NotesDoc } from '@plenum/shared';
import { noteDocs, noteUpdates } from '../../db/schema/index.ts';
import type { Member } from '../../test/fixtures.ts';
import { openMeeting } from '../../test/meeting.ts';
import { NotesPeer, eventually, sameDoc, writeGroupNotes } from '../../test/notes.ts';
import { ask, ok } from '../../test/sockets.ts';
import { useSocketWorld } from '../../test/socket-world.ts';
import type { World } from '../../test/world.ts';
import { docTarget, groupDocKey } from './keys.ts';
import { groupNotesTexts } from './repository.ts';

const t = useSocketWorld();

/** Anna and Cem in group 1 (moderated by the moderator), Ben in group 2. */
async function meeting(w: World) {
  const phaseId = await openMeeting(t.app, w, [
    { personId: w.anna.personId, roomId: w.groupId },
    { personId: w.cem.personId, roomId: w.groupId },
    { personId: w.ben.personId, roomId: w.otherGroupId },
  ]);
  const doc: NotesDoc = { kind: 'group', phaseId, roomId: w.groupId };
  const otherDoc: NotesDoc = { kind: 'group', phaseId, roomId: w.otherGroupId };
  return { phaseId, doc, otherDoc };
}

async function peerOf(w: World, member: Member, doc: NotesDoc, url?: string) {
  const { socket, inbox } = await w.connect(member, url);
  const peer = new NotesPeer(doc, socket);
  return { socket, inbox, peer };
}

const notesEvents = ['notes:update', 'notes:presence', 'notes:left'] as const;

describe('shared notes are edited live, together', () => {
  it('three people typing at the same time into one group’s notes lose no word', async () => {
    const w = await t.world();
    const { doc, phaseId } = await meeting(w);
    const writers = await Promise.all([w.anna, w.cem, w.moderator].map((m) => peerOf(w, m, doc)));
    for (const { peer } of writers) expect((await peer.open()).ok).toBe(true);

    const words = (who: string) => Array.from({ length: 8 }, (_, i) => `${who}${i}`);
    await Promise.all(
      writers.map(async ({ peer }, n) => {
        for (const word of words(['anna', 'cem', 'mod'][n]!)) {
          // Each starts a line somewhere in what it sees now, as people do.
          const starts = [
            0,
            ...[...peer.toString()].flatMap((c, i) => (c === '\n' ? [i + 1] : [])),
          ];
          peer.text.insert(starts[Math.floor(Math.random() * starts.length)]!, `${word}\n`);
          const ack = await peer.flush();
          expect(ack.ok).toBe(true);
        }
      }),
    );
    const everyWord = [...words('anna'), ...words('cem'), ...words('mod')];
    await eventually(
      () => writers.every(({ peer }) => peer.toString() === writers[0]!.peer.toString()),
      'all three see the same text',
    );
    const seen = writers[0]!.peer.toString();
    expect(seen.split('\n').filter(Boolean).sort()).toEqual(everyWord.sort());
    // What is stored is what they see: a fresh reader, the results and the REST read agree.
    expect((await groupNotesTexts(t.app.db, phaseId)).get(w.groupId)).toBe(seen);
    const rest = await t.app.inject({
      url: `/api/phases/${phaseId}/rooms/${w.groupId}/notes`,
      headers: { cookie: w.anna.cookie },
    });
    expect(rest.json().body).toBe(seen);
  });

  it('nothing of a group’s notes reaches a member of another group or an attendee in no group', async () => {
    const w = await t.world();
    const { phaseId, doc, otherDoc } = await meeting(w);
    // Dora is an attendee placed in no group.
    const { join } = await import('../../test/fixtures.ts');
    const dora = await join(t.app, w.event.id, 'attendee', 'Dora');
    const anna = await peerOf(w, w.anna, doc);
    const ben = await peerOf(w, w.ben, doc);
    const outsider = await peerOf(w, dora, doc);
    expect((await anna.peer.open()).ok).toBe(true);
    for (const stranger of [ben, outsider]) {
      const opened = await stranger.peer.open();
      expect(opened).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      stranger.peer.text.insert(0, 'Eingeschmuggelt');
      expect(await stranger.peer.flush()).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await stranger.peer.cursor(0)).toMatchObject({ ok: false });
      const read = await t.app.inject({
        url: `/api/phases/${phaseId}/rooms/${w.groupId}/notes`,
        headers: { cookie: (stranger === ben ? w.ben : dora).cookie },
      });
      expect(read.statusCode).toBe(403);
    }

    anna.peer.text.insert(0, 'Vertraulicher Zwischenstand der AG Mobilität');
    expect((await anna.peer.flush()).ok).toBe(true);
    expect((await anna.peer.cursor(5)).ok).toBe(true);
    // Then Ben writes in his own group: had anything of group 1 reached him, it came before.
    const bensOwn = new NotesPeer(otherDoc, ben.socket);
    expect((await bensOwn.open()).ok).toBe(true);
    const cem = await peerOf(w, w.cem, otherDoc);
    expect(await cem.peer.open()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const bensFriend = await peerOf(w, w.ben, otherDoc);
    expect((await bensFriend.peer.open()).ok).toBe(true);
    bensOwn.text.insert(0, 'AG Wohnen');
    expect((await bensOwn.flush()).ok).toBe(true);
    await bensFriend.inbox.waitFor('notes:update', (u) => sameDoc(u.doc, otherDoc));

    for (const stranger of [ben, outsider]) {
      for (const event of notesEvents) {
        expect(stranger.inbox.all(event).filter((e) => sameDoc(e.doc, doc))).toEqual([]);
      }
      expect(JSON.stringify(stranger.inbox.received)).not.toContain('Vertraulich');
    }
    expect(ben.peer.toString()).toBe('Eingeschmuggelt');
  });

  it('the group, its moderator and the organizer read and write; presence carries the server’s names', async () => {
    const w = await t.world();
    const { doc } = await meeting(w);
    const anna = await peerOf(w, w.anna, doc);
    const moderator = await peerOf(w, w.moderator, doc);
    const organizer = await peerOf(w, w.organizer, doc);
    for (const p of [anna, moderator, organizer]) {
      expect(await p.peer.open()).toMatchObject({ ok: true, canWrite: true });
    }
    await anna.peer.cursor(0);
    const seen = await organizer.inbox.waitFor('notes:presence', (p) => sameDoc(p.doc, doc));
    expect(seen).toMatchObject({ personId: w.anna.personId, name: 'Anna' });
    // A socket opening later is told who writes now.
    const late = await peerOf(w, w.cem, doc);
    const opened = await late.peer.open();
    expect(opened.ok && opened.writers.map((p) => p.name)).toEqual(['Anna']);
    // Leaving is told too (and a disconnect counts as leaving).
    anna.socket.disconnect();
    const left = await organizer.inbox.waitFor('notes:left', (l) => sameDoc(l.doc, doc));
    expect(left.personId).toBe(w.anna.personId);
  });

  it('a person moved to another group stops receiving the first group’s notes at once', async () => {
    const w = await t.world();
    const { phaseId, doc } = await meeting(w);
    const anna = await peerOf(w, w.anna, doc);
    const cem = await peerOf(w, w.cem, doc);
    expect((await anna.peer.open()).ok).toBe(true);
    expect((await cem.peer.open()).ok).toBe(true);
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/phases/${phaseId}/move`,
      headers: { cookie: w.organizer.cookie },
      payload: { personId: w.anna.personId, roomId: w.otherGroupId },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    await anna.inbox.waitFor('room:assigned', (a) => a.media.room.id === w.otherGroupId);
    // The move's leave reaches her socket through the adapter before her next own request.
    await ok(anna.socket, 'presence:list', {});
    cem.peer.text.insert(0, 'Nach dem Wechsel geschrieben');
    expect((await cem.peer.flush()).ok).toBe(true);
    // The organizer's reader proves the update went out; Anna's socket is no longer its audience.
    const organizer = await peerOf(w, w.organizer, doc);
    await organizer.peer.open();
    expect(organizer.peer.toString()).toContain('Nach dem Wechsel');
    cem.peer.text.insert(0, '! ');
    await cem.peer.flush();
    await organizer.inbox.waitFor('notes:update', (u) => sameDoc(u.doc, doc));
    expect(anna.peer.toString()).not.toContain('Nach dem Wechsel');
    expect(anna.inbox.all('notes:update')).toEqual([]);
    anna.peer.text.insert(0, 'x');
    expect(await anna.peer.flush()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a moderator taken off the group’s moderators stops receiving its notes at once', async () => {
    const w = await t.world();
    const { doc } = await meeting(w);
    const moderator = await peerOf(w, w.moderator, doc);
    const cem = await peerOf(w, w.cem, doc);
    expect((await moderator.peer.open()).ok).toBe(true);
    expect((await cem.peer.open()).ok).toBe(true);
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/events/${w.event.slug}/rooms/${w.groupId}`,
      headers: { cookie: w.organizer.cookie },
      payload: { moderatorIds: [] },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    // The leave reaches his socket through the adapter before his next own request.
    await ok(moderator.socket, 'presence:list', {});
    cem.peer.text.insert(0, 'Ohne Moderation geschrieben');
    expect((await cem.peer.flush()).ok).toBe(true);
    const organizer = await peerOf(w, w.organizer, doc);
    await organizer.peer.open();
    expect(organizer.peer.toString()).toContain('Ohne Moderation');
    expect(moderator.peer.toString()).not.toContain('Ohne Moderation');
    expect(moderator.inbox.all('notes:update')).toEqual([]);
    moderator.peer.text.insert(0, 'x');
    expect(await moderator.peer.flush()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await moderator.peer.open()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('edits made while offline merge after the reconnect, and nothing written meanwhile is lost', async () => {
    const w = await t.world();
    const { doc } = await meeting(w);
    const anna = await peerOf(w, w.anna, doc);
    const cem = await peerOf(w, w.cem, doc);
    await anna.peer.open();
    await cem.peer.open();
    anna.peer.text.insert(0, 'Gemeinsamer Anfang. ');
    await anna.peer.flush();
    await eventually(() => cem.peer.toString() === 'Gemeinsamer Anfang. ', 'Cem has the start');

    anna.socket.disconnect();
    // Offline: Anna keeps typing; Cem writes too.
    anna.peer.text.insert(anna.peer.text.length, 'Annas Gedanke im Zug. ');
    cem.peer.text.insert(0, 'Cems Überschrift. ');
    expect((await cem.peer.flush()).ok).toBe(true);

    const back = await w.connect(w.anna);
    anna.peer.attach(back.socket);
    expect((await anna.peer.open()).ok).toBe(true);
    expect((await anna.peer.flush()).ok).toBe(true);
    await eventually(() => cem.peer.toString() === anna.peer.toString(), 'both see one text');
    expect(anna.peer.toString()).toContain('Annas Gedanke im Zug.');
    expect(anna.peer.toString()).toContain('Cems Überschrift.');
    expect(anna.peer.toString()).toContain('Gemeinsamer Anfang.');
  });

  it('the old saved notes become the start of the live document, once', async () => {
    const w = await t.world();
    const { phaseId, doc } = await meeting(w);
    const { groupNotes } = await import('../../db/schema/index.ts');
    await t.app.db
      .insert(groupNotes)
      .values({ phaseId, roomId: w.groupId, body: '# Vorher gespeichert', version: 3 });
    const peers = await Promise.all([w.anna, w.cem, w.moderator].map((m) => peerOf(w, m, doc)));
    await Promise.all(peers.map((p) => p.peer.open()));
    for (const p of peers) expect(p.peer.toString()).toBe('# Vorher gespeichert');
  });

  it('a document whose text would pass the limit refuses the edit and keeps what it had', async () => {
    const w = await t.world();
    const { doc, phaseId } = await meeting(w);
    // Written straight into the store: over a socket it would take several updates.
    const at = { eventId: w.event.id, phaseId, roomId: w.groupId, personId: w.anna.personId };
    await writeGroupNotes(t.app, at, 'b'.repeat(NOTES_MAX_LENGTH - 5));
    const cem = await peerOf(w, w.cem, doc);
    await cem.peer.open();
    cem.peer.text.insert(0, 'zu viel');
    expect(await cem.peer.flush()).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const target = docTarget(doc, w.event.id);
    expect(await t.app.notes.text(target)).toBe('b'.repeat(NOTES_MAX_LENGTH - 5));
    // Deleting is always allowed.
    const reader = await peerOf(w, w.moderator, doc);
    await reader.peer.open();
    reader.peer.text.delete(0, 10);
    expect((await reader.peer.flush()).ok).toBe(true);
  });

  it('payloads that are no Yjs data, or too large, are refused', async () => {
    const w = await t.world();
    const { doc } = await meeting(w);
    const anna = await w.connect(w.anna);
    const garbage = Buffer.from([255, 255, 255, 255, 255]).toString('base64');
    expect(await ask(anna.socket, 'notes:update', { doc, update: garbage })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
    expect(
      await ask(anna.socket, 'notes:update', { doc, update: 'A'.repeat(60_004) }),
    ).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(
      await ask(anna.socket, 'notes:open', {
        doc,
        stateVector: Buffer.from([255, 255]).toString('base64'),
      }),
    ).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(await ask(anna.socket, 'notes:open', { doc, stateVector: 'no base64!' })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
  });
});

describe('the plenary notes', () => {
  it('everyone reads them; organizers and moderators write; an attendee’s edit is refused', async () => {
    const w = await t.world();
    const doc: NotesDoc = { kind: 'plenary' };
    const organizer = await peerOf(w, w.organizer, doc);
    const moderator = await peerOf(w, w.moderator, doc);
    const anna = await peerOf(w, w.anna, doc);
    expect(await organizer.peer.open()).toMatchObject({ ok: true, canWrite: true });
    expect(await moderator.peer.open()).toMatchObject({ ok: true, canWrite: true });
    expect(await anna.peer.open()).toMatchObject({ ok: true, canWrite: false });
    organizer.peer.text.insert(0, 'Tagesordnung: ');
    expect((await organizer.peer.flush()).ok).toBe(true);
    moderator.peer.text.insert(moderator.peer.text.length, 'Fragen sammeln');
    expect((await moderator.peer.flush()).ok).toBe(true);
    await eventually(
      () =>
        anna.peer.toString().includes('Tagesordnung') && anna.peer.toString().includes('Fragen'),
      'the attendee reads both',
    );
    anna.peer.text.insert(0, 'Meine Meinung');
    expect(await anna.peer.flush()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const target = docTarget(doc, w.event.id);
    expect(await t.app.notes.text(target)).not.toContain('Meine Meinung');
  });
});

describe('compaction', () => {
  it('merging the updates into a snapshot keeps the text identical, also with two nodes at once', async () => {
    const w = await t.world();
    const { doc, phaseId } = await meeting(w);
    const target = docTarget(doc, w.event.id);
    const anna = await peerOf(w, w.anna, doc);
    await anna.peer.open();
    for (let i = 0; i < 20; i++) {
      anna.peer.text.insert(anna.peer.text.length, `Zeile ${i}\n`);
      if (i % 3 === 0) anna.peer.text.delete(0, 1);
      await anna.peer.flush();
    }
    const before = await t.app.notes.text(target);
    expect(before).toBe(anna.peer.toString());
    const nodeB = await t.restart();
    try {
      // Two nodes compact while Cem keeps writing: both wait for the row, the second finds little.
      const cem = await peerOf(w, w.cem, doc);
      await cem.peer.open();
      const writing = (async () => {
        for (let i = 0; i < 5; i++) {
          cem.peer.text.insert(0, `Cem ${i} `);
          expect((await cem.peer.flush()).ok).toBe(true);
        }
      })();
      const [a, b] = await Promise.all([
        t.app.notes.compact(target.key, 1),
        nodeB.notes.compact(target.key, 1),
        writing,
      ]);
      expect(a || b).toBe(true);
      await eventually(() => anna.peer.toString() === cem.peer.toString(), 'converged');
      const expected = cem.peer.toString();
      // Every reader agrees: this node's cache, the other node's fresh one, and a new document.
      expect(await t.app.notes.text(target)).toBe(expected);
      expect(await nodeB.notes.text(target)).toBe(expected);
      expect((await groupNotesTexts(t.app.db, phaseId)).get(w.groupId)).toBe(expected);
      const fresh = new Y.Doc();
      Y.applyUpdate(fresh, (await nodeB.notes.sync(target, new Uint8Array([0]))).update);
      expect(fresh.getText(NOTES_TEXT_NAME).toString()).toBe(expected);
      const [row] = await t.app.db.select().from(noteDocs).where(eq(noteDocs.key, target.key));
      const left = await t.app.db.$count(noteUpdates, eq(noteUpdates.docKey, target.key));
      expect(row!.snapshotSeq).toBeGreaterThanOrEqual(20);
      expect(left).toBe(row!.seq - row!.snapshotSeq);
      expect(target.key).toBe(groupDocKey(phaseId, w.groupId));
    } finally {
      await nodeB.close();
    }
  });
});

describe('closing the phase', () => {
  it('makes the notes read-only: they are the results everyone may read', async () => {
    const w = await t.world();
    const { doc, phaseId } = await meeting(w);
    const anna = await peerOf(w, w.anna, doc);
    await anna.peer.open();
    anna.peer.text.insert(0, 'Ergebnis');
    await anna.peer.flush();
    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/phases/${phaseId}/close`,
      headers: { cookie: w.organizer.cookie },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const organizer = await peerOf(w, w.organizer, doc);
    expect(await organizer.peer.open()).toMatchObject({ ok: true, canWrite: false });
    organizer.peer.text.insert(0, 'Nachträglich ');
    expect(await organizer.peer.flush()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const read = await t.app.inject({
      url: `/api/phases/${phaseId}/rooms/${w.groupId}/notes`,
      headers: { cookie: w.ben.cookie },
    });
    expect(read.json().body).toBe('Ergebnis');
  });
});
