import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { questions } from '../../db/schema/index.ts';
import { ask, askRaw, ok } from '../../test/sockets.ts';
import { useSocketWorld } from '../../test/socket-world.ts';

const t = useSocketWorld();

const id = () => crypto.randomUUID();
describe('questions in the plenary', () => {
  it('questions are asked in the plenary and sorted by votes; each person upvotes once', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const ben = await w.connect(w.ben);
    const cem = await w.connect(w.cem);
    const early = await ok(anna.socket, 'question:ask', {
      clientId: id(),
      body: 'Wie wird das finanziert?',
    });
    const late = await ok(ben.socket, 'question:ask', {
      clientId: id(),
      body: 'Gibt es die Folien?',
    });
    expect(late.question).toMatchObject({
      roomId: w.plenaryId,
      status: 'open',
      upvotes: 0,
      author: { displayName: 'Ben' },
    });
    await cem.inbox.waitFor('question:asked', (q) => q.id === late.question.id);

    const up = await ok(cem.socket, 'question:upvote', { questionId: late.question.id });
    expect(up.question).toMatchObject({ upvotes: 1, votedByMe: true });
    const twice = await ok(cem.socket, 'question:upvote', { questionId: late.question.id });
    expect(twice.question.upvotes).toBe(1);
    await anna.inbox.waitFor(
      'question:upvoted',
      (u) => u.questionId === late.question.id && u.upvotes === 1,
    );

    const list = await ok(cem.socket, 'question:list', {});
    expect(list.questions.map((q) => [q.id, q.upvotes, q.votedByMe])).toEqual([
      [late.question.id, 1, true],
      [early.question.id, 0, false],
    ]);
  });

  it('a question resent with the same client id is stored once', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const clientId = id();
    const first = await ok(anna.socket, 'question:ask', { clientId, body: 'Einmal?' });
    const second = await ok(anna.socket, 'question:ask', { clientId, body: 'Einmal?' });
    expect(second.question.id).toBe(first.question.id);
    expect(await t.app.db.$count(questions, eq(questions.clientId, clientId))).toBe(1);
  });

  it('a moderator marks a question answered or hides it; hidden ones leave the list; both audited', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const moderator = await w.connect(w.moderator);
    const answered = await ok(anna.socket, 'question:ask', {
      clientId: id(),
      body: 'Wann ist Pause?',
    });
    const rude = await ok(anna.socket, 'question:ask', { clientId: id(), body: 'Unpassend' });
    await ok(moderator.socket, 'question:answer', { questionId: answered.question.id });
    expect(await anna.inbox.waitFor('question:answered')).toMatchObject({
      id: answered.question.id,
      status: 'answered',
    });
    await ok(moderator.socket, 'question:hide', { questionId: rude.question.id });
    expect(await anna.inbox.waitFor('question:hidden')).toEqual({ questionId: rude.question.id });

    const list = await ok(anna.socket, 'question:list', {});
    expect(list.questions.map((q) => [q.id, q.status])).toEqual([
      [answered.question.id, 'answered'],
    ]);
    expect(
      await ask(anna.socket, 'question:upvote', { questionId: rude.question.id }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(
      await ask(anna.socket, 'question:upvote', { questionId: answered.question.id }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await t.audited(w.event.id, 'question.answer')).toBe(1);
    expect(await t.audited(w.event.id, 'question.hide')).toBe(1);
  });

  it('an attendee cannot mark questions answered or hide them', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const ben = await w.connect(w.ben);
    const { question } = await ok(ben.socket, 'question:ask', {
      clientId: id(),
      body: 'Meine Frage',
    });
    for (const event of ['question:answer', 'question:hide'] as const) {
      expect(await ask(anna.socket, event, { questionId: question.id })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    const [row] = await t.app.db.select().from(questions).where(eq(questions.id, question.id));
    expect(row!.status).toBe('open');
  });

  it('questions over 500 characters or malformed are refused and not stored', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const long = await ask(anna.socket, 'question:ask', { clientId: id(), body: 'x'.repeat(501) });
    expect(long).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', fields: { body: 'at most 500 characters' } },
    });
    expect(await askRaw(anna.socket, 'question:ask', { body: 'ohne id' })).toMatchObject({
      ok: false,
    });
    expect(await askRaw(anna.socket, 'question:upvote', { questionId: 'eins' })).toMatchObject({
      ok: false,
    });
    expect(await t.app.db.$count(questions, eq(questions.eventId, w.event.id))).toBe(0);
  });
});
