import { inflateRawSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Member } from '../../test/fixtures.ts';
import { openMeeting } from '../../test/meeting.ts';
import { NotesPeer } from '../../test/notes.ts';
import type { World } from '../../test/world.ts';
import { ask, ok } from '../../test/sockets.ts';
import { useSocketWorld } from '../../test/socket-world.ts';
import { findPoll } from '../polls/repository.ts';
import { castVote, closePoll, createPoll, openPoll } from '../polls/service.ts';

const t = useSocketWorld();

/** A member writes the group's (empty) notes live, over their own socket. */
async function saveNotes(w: World, member: Member, phaseId: string, roomId: string, body: string) {
  const { socket } = await w.connect(member);
  const peer = new NotesPeer({ kind: 'group', phaseId, roomId }, socket);
  expect((await peer.open()).ok).toBe(true);
  peer.text.insert(0, body);
  return peer.flush();
}
const closeByOrganizer = (member: Member, phaseId: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/phases/${phaseId}/close`,
    headers: { cookie: member.cookie },
  });
const download = (member: Member, phaseId: string, ext: string) =>
  t.app.inject({
    url: `/api/phases/${phaseId}/results.${ext}`,
    headers: { cookie: member.cookie },
  });

/** The entries of a ZIP file (DOCX), read from its central directory. */
function unzip(file: Buffer): Map<string, string> {
  const entries = new Map<string, string>();
  const end = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = file.readUInt32LE(end + 16);
  for (let n = file.readUInt16LE(end + 10); n > 0; n--) {
    const method = file.readUInt16LE(at + 10);
    const size = file.readUInt32LE(at + 20);
    const nameLength = file.readUInt16LE(at + 28);
    const extra = file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
    const local = file.readUInt32LE(at + 42);
    const name = file.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    const data = file.subarray(start, start + size);
    entries.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + extra;
  }
  return entries;
}

/** The text a PDF draws: its (deflated) content streams' hex strings, read as WinAnsi. */
function pdfText(file: Buffer): string {
  const raw = file.toString('latin1');
  const parts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    const bytes = Buffer.from(match[1]!, 'latin1');
    let content: string;
    try {
      content = inflateSync(bytes).toString('latin1');
    } catch {
      content = match[1]!;
    }
    for (const hex of content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) {
      parts.push(Buffer.from(hex[1]!, 'hex').toString('latin1'));
    }
  }
  return parts.join('\n');
}

describe('results in the plenary', () => {
  it('results:show reaches everyone in the plenary and nobody in a working group before close', async () => {
    const w = await t.world();
    const phaseId = await openMeeting(t.app, w, [
      { personId: w.anna.personId, roomId: w.groupId },
      { personId: w.ben.personId, roomId: w.otherGroupId },
    ]);
    const anna = await w.connect(w.anna);
    const ben = await w.connect(w.ben);
    const moderator = await w.connect(w.moderator);
    const organizer = await w.connect(w.organizer);
    expect((await saveNotes(w, w.anna, phaseId, w.groupId, '- Mehr Radwege')).ok).toBe(true);

    // While the groups meet, there is nothing to show.
    const early = await ask(moderator.socket, 'results:show', { phaseId });
    expect(early.ok ? 'ok' : early.error.code).toBe('conflict');

    expect((await closeByOrganizer(w.organizer, phaseId)).statusCode).toBe(200);
    await anna.inbox.waitFor('room:assigned', (a) => a.reason === 'phase_closed');
    await ben.inbox.waitFor('room:assigned', (a) => a.reason === 'phase_closed');

    const shown = await ok(moderator.socket, 'results:show', { phaseId });
    expect(shown.results.groups.map((g) => g.name)).toEqual(['AG Mobilität', 'AG Wohnen']);
    for (const who of [anna, ben, organizer, moderator]) {
      const results = await who.inbox.waitFor('results:shown', (r) => r.phaseId === phaseId);
      expect(results.groups[0]!.body).toBe('- Mehr Radwege');
    }
    // Nothing was sent while the phase ran: the first results:shown came after the close.
    const closedAt = anna.inbox.indexOf(
      'room:assigned',
      (a: { reason: string }) => a.reason === 'phase_closed',
    );
    expect(anna.inbox.indexOf('results:shown')).toBeGreaterThan(closedAt);

    // Someone who comes (back) now sees them too.
    const late = await w.connect(w.cem);
    await late.inbox.waitFor('results:shown', (r) => r.phaseId === phaseId);

    expect((await ok(ben.socket, 'results:current', {})).results?.phaseId).toBe(phaseId);
    await ok(organizer.socket, 'results:hide', { phaseId });
    expect((await ok(ben.socket, 'results:current', {})).results).toBeNull();
    await ben.inbox.waitFor('results:hidden', (h) => h.phaseId === phaseId);
    const again = await w.connect(w.cem);
    await new Promise((r) => setTimeout(r, 300));
    expect(again.inbox.all('results:shown')).toEqual([]);
    expect(await t.auditEntries(w.event.id, 'results.show')).toHaveLength(1);
    // The organizer finds both in the audit log's own area.
    const audit = await t.app.inject({
      url: `/api/events/${w.event.slug}/audit?area=results`,
      headers: { cookie: w.organizer.cookie },
    });
    expect(audit.statusCode, audit.body).toBe(200);
    expect(audit.json().entries.map((e: { action: string }) => e.action)).toEqual([
      'results.hide',
      'results.show',
    ]);
  });

  it('opening the next phase takes the results off the plenary', async () => {
    const w = await t.world();
    const first = await openMeeting(t.app, w, []);
    await closeByOrganizer(w.organizer, first);
    const organizer = await w.connect(w.organizer);
    await ok(organizer.socket, 'results:show', { phaseId: first });
    await openMeeting(t.app, w, []);
    expect((await ok(organizer.socket, 'results:current', {})).results).toBeNull();
  });

  it('an attendee cannot show results', async () => {
    const w = await t.world();
    const phaseId = await openMeeting(t.app, w, []);
    await closeByOrganizer(w.organizer, phaseId);
    const ben = await w.connect(w.ben);
    const anna = await w.connect(w.anna);
    const ack = await ask(ben.socket, 'results:show', { phaseId });
    expect(ack.ok ? 'ok' : ack.error.code).toBe('forbidden');
    await new Promise((r) => setTimeout(r, 200));
    expect(anna.inbox.all('results:shown')).toEqual([]);
  });
});

describe('results as documents', () => {
  async function closedPhaseWithResults() {
    const w = await t.world();
    const phaseId = await openMeeting(t.app, w, [{ personId: w.anna.personId, roomId: w.groupId }]);
    const notes =
      '# Ergebnisse\n\n- Ärger über Staus\n- **Straßenbahn** ausbauen\n\nFazit: Grüße an alle';
    expect((await saveNotes(w, w.anna, phaseId, w.groupId, notes)).ok).toBe(true);
    const drafted = await createPoll(
      t.app.db,
      w.event.id,
      {
        roomId: w.groupId,
        question: 'Welche Maßnahme zuerst?',
        kind: 'single',
        options: ['Radwege', 'Tram'],
        anonymous: false,
      },
      w.organizer.personId,
    );
    await openPoll(
      t.app.db,
      await findPoll(t.app.db, w.event.id, drafted.id),
      w.organizer.personId,
    );
    await castVote(
      t.app.db,
      await findPoll(t.app.db, w.event.id, drafted.id),
      w.anna.personId,
      [1],
    );
    await closePoll(
      t.app.db,
      await findPoll(t.app.db, w.event.id, drafted.id),
      w.organizer.personId,
    );
    expect((await closeByOrganizer(w.organizer, phaseId)).statusCode).toBe(200);
    return { w, phaseId };
  }

  it('the Markdown keeps the notes as written and adds the event, the date and the phase’s polls', async () => {
    const { w, phaseId } = await closedPhaseWithResults();
    const res = await download(w.ben, phaseId, 'md');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/markdown/);
    expect(res.headers['content-disposition']).toMatch(/\.md"/);
    expect(res.body).toMatch(/^# Arbeitsgruppen\n/);
    expect(res.body).toContain(w.event.title);
    expect(res.body).toMatch(/\d\d\.\d\d\.\d{4}, \d\d:\d\d \(Europe\/Berlin\)/);
    expect(res.body).toContain('- **Straßenbahn** ausbauen');
    expect(res.body).toContain('## Abstimmungen');
    expect(res.body).toContain('### Welche Maßnahme zuerst?');
    expect(res.body).toContain('- Tram: 1');
    expect(res.body).toContain('- Radwege: 0');
    expect(res.body).toContain('- Abgestimmt: 1');
    expect(res.body).not.toContain('Anna');
  });

  it('the DOCX is a Word document with the groups, their notes and the phase’s polls', async () => {
    const { w, phaseId } = await closedPhaseWithResults();
    const res = await download(w.ben, phaseId, 'docx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/wordprocessingml/);
    expect(res.headers['content-disposition']).toMatch(/\.docx"/);
    const xml = unzip(res.rawPayload).get('word/document.xml');
    expect(xml).toBeDefined();
    for (const text of [
      'AG Mobilität',
      'AG Wohnen',
      'Ärger über Staus',
      'Straßenbahn ausbauen',
      'Arbeitsgruppen',
      'Welche Maßnahme zuerst?',
      'Tram: 1',
    ]) {
      expect(xml).toContain(text);
    }
    // Counts only: who voted what is not in the document.
    expect(xml).not.toContain('Anna');
  });

  it('the PDF draws the event, groups, notes and polls, umlauts and ß included', async () => {
    const { w, phaseId } = await closedPhaseWithResults();
    const res = await download(w.anna, phaseId, 'pdf');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.rawPayload);
    for (const expected of [
      'AG Mobilität',
      'Ärger über Staus',
      'Straßenbahn ausbauen',
      'Grüße an alle',
      'Welche Maßnahme zuerst?',
      'Tram: 1',
      'Arbeitsgruppen',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('Ä');
    expect(text).toContain('ß');
  });

  it('documents have the rights of results.md: not before the phase closes, except for staff', async () => {
    const w = await t.world();
    const phaseId = await openMeeting(t.app, w, [{ personId: w.anna.personId, roomId: w.groupId }]);
    for (const ext of ['md', 'docx', 'pdf']) {
      expect((await download(w.anna, phaseId, ext)).statusCode).toBe(403);
      expect((await download(w.moderator, phaseId, ext)).statusCode).toBe(200);
    }
  });
});
