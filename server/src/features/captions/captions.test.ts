import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { CaptionLine } from '@plenum/shared';
import { captionLines } from '../../db/schema/index.ts';
import { erasePersonFromEvent } from '../privacy/erasure.ts';
import { join } from '../../test/fixtures.ts';
import { ask, ok } from '../../test/sockets.ts';
import { useSocketWorld } from '../../test/socket-world.ts';

const t = useSocketWorld();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function captionWorld() {
  const w = await t.world();
  const captioner = await join(t.app, w.event.id, 'captioner', 'Clara Schrift');
  return { ...w, captioner };
}

const setTranscript = (w: Awaited<ReturnType<typeof captionWorld>>, enabled: boolean) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/events/${w.slug}/captions/transcript`,
    payload: { enabled },
    headers: { cookie: w.organizer.cookie },
  });

describe('live captions', () => {
  it('captions reach everyone in the room and nobody outside it', async () => {
    const w = await captionWorld();
    const clara = await w.connect(w.captioner);
    const anna = await w.connect(w.anna);
    const moderator = await w.connect(w.moderator);
    await ok(moderator.socket, 'group:visit', { roomId: w.groupId });
    const other = await captionWorld();
    const outsider = await other.connect(other.anna);

    await ok(clara.socket, 'caption:write', {
      roomId: w.plenaryId,
      text: 'Guten Mo',
      final: false,
    });
    const sent = await ok(clara.socket, 'caption:write', {
      roomId: w.plenaryId,
      text: 'Guten Morgen.',
      final: true,
    });
    expect(sent.line).toMatchObject({ seq: 0, final: true, captionerId: w.captioner.personId });
    const finalLine = await anna.inbox.waitFor('caption:line', (l) => l.final);
    expect(finalLine).toMatchObject({ roomId: w.plenaryId, text: 'Guten Morgen.', seq: 0 });
    expect(anna.inbox.all('caption:line').map((l: CaptionLine) => l.text)).toEqual([
      'Guten Mo',
      'Guten Morgen.',
    ]);

    // The next line counts on; a caption in the group reaches the group only.
    await ok(clara.socket, 'caption:write', { roomId: w.plenaryId, text: 'Wir', final: false });
    expect((await anna.inbox.waitFor('caption:line', (l) => l.text === 'Wir')).seq).toBe(1);
    await ok(clara.socket, 'group:visit', { roomId: w.groupId });
    await ok(clara.socket, 'caption:write', { roomId: w.groupId, text: 'In der AG', final: true });
    await moderator.inbox.waitFor('caption:line', (l) => l.text === 'In der AG');
    await sleep(200);
    expect(moderator.inbox.all('caption:line').map((l: CaptionLine) => l.text)).toEqual([
      'In der AG',
    ]);
    expect(anna.inbox.all('caption:line').some((l: CaptionLine) => l.text === 'In der AG')).toBe(
      false,
    );
    expect(outsider.inbox.all('caption:line')).toEqual([]);
  });

  it('an attendee cannot write captions, nor a captioner into a room of another event', async () => {
    const w = await captionWorld();
    const anna = await w.connect(w.anna);
    expect(
      await ask(anna.socket, 'caption:write', { roomId: w.plenaryId, text: 'Hallo', final: true }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const other = await captionWorld();
    const clara = await w.connect(w.captioner);
    expect(
      await ask(clara.socket, 'caption:write', {
        roomId: other.plenaryId,
        text: 'Hallo',
        final: true,
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('the transcript keeps final lines only while the organizer has it switched on', async () => {
    const w = await captionWorld();
    const clara = await w.connect(w.captioner);
    const anna = await w.connect(w.anna);
    const write = (text: string, final: boolean) =>
      ok(clara.socket, 'caption:write', { roomId: w.plenaryId, text, final });
    const stored = async () =>
      (
        await t.app.db
          .select({ text: captionLines.text })
          .from(captionLines)
          .where(eq(captionLines.eventId, w.event.id))
      ).map((r) => r.text);

    await write('Vorher, nicht gespeichert.', true);
    expect(await stored()).toEqual([]);

    expect((await setTranscript(w, true)).json()).toEqual({ enabled: true });
    expect(await anna.inbox.waitFor('caption:transcript')).toEqual({ enabled: true });
    expect(await t.audited(w.event.id, 'event.captionTranscript')).toBe(1);
    await write('Das wird', false);
    await write('Das wird gespeichert.', true);
    expect(await stored()).toEqual(['Das wird gespeichert.']);

    // An attendee neither switches it nor exports it.
    const byAnna = await t.app.inject({
      method: 'PUT',
      url: `/api/events/${w.slug}/captions/transcript`,
      payload: { enabled: false },
      headers: { cookie: w.anna.cookie },
    });
    expect(byAnna.statusCode).toBe(403);

    const md = await t.app.inject({
      url: `/api/events/${w.slug}/captions/transcript/export?format=markdown`,
      headers: { cookie: w.organizer.cookie },
    });
    expect(md.statusCode).toBe(200);
    expect(md.headers['content-type']).toContain('text/markdown');
    expect(md.body).toMatch(/^# Mitschrift: /);
    expect(md.body).toContain('Das wird gespeichert.');
    const text = await t.app.inject({
      url: `/api/events/${w.slug}/captions/transcript/export?format=text`,
      headers: { cookie: w.organizer.cookie },
    });
    expect(text.body).not.toContain('#');

    await setTranscript(w, false);
    await write('Nachher, nicht gespeichert.', true);
    expect(await stored()).toEqual(['Das wird gespeichert.']);
  });

  it('erasing a captioner keeps their transcript lines and cuts the link to them', async () => {
    const w = await captionWorld();
    await setTranscript(w, true);
    const clara = await w.connect(w.captioner);
    await ok(clara.socket, 'caption:write', { roomId: w.plenaryId, text: 'Bleibt.', final: true });
    clara.socket.disconnect();
    await erasePersonFromEvent(t.app.db, {
      eventId: w.event.id,
      personId: w.captioner.personId,
      actorId: w.organizer.personId,
    });
    const rows = await t.app.db
      .select({ text: captionLines.text, captionerId: captionLines.captionerId })
      .from(captionLines)
      .where(eq(captionLines.eventId, w.event.id));
    expect(rows).toEqual([{ text: 'Bleibt.', captionerId: null }]);
  });
});
