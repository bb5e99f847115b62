import pg from 'pg';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessions } from '../../db/schema/index.ts';
import { hashToken } from '../../lib/tokens.ts';
import { readSessionSecret, SESSION_COOKIE } from '../../plugins/auth.ts';
import { join, seedEvent, type Member } from '../../test/fixtures.ts';
import { useTestApp } from '../../test/socket-world.ts';
import { findPlenary } from '../rooms/repository.ts';
import { findEventMemberBySession, findRoomActorBySession } from './signed-in.ts';

const t = useTestApp();
afterEach(() => vi.restoreAllMocks());

const secretOf = (member: Member) =>
  readSessionSecret(
    (v) => t.app.unsignCookie(v),
    t.app.parseCookie(member.cookie)[SESSION_COOKIE],
  )!;

describe('the join path’s lookups asked together', () => {
  it('go to Postgres as one statement each, and every caller gets what it would get alone', async () => {
    const event = await seedEvent(t.app);
    const other = await seedEvent(t.app);
    const plenary = await findPlenary(t.app.db, event.id);
    const otherPlenary = await findPlenary(t.app.db, other.id);
    const anna = await join(t.app, event.id, 'attendee', 'Anna');
    const mod = await join(t.app, event.id, 'moderator', 'Moritz');
    const stranger = await join(t.app, other.id, 'attendee', 'Fremd');
    const loggedOut = await join(t.app, event.id, 'attendee', 'Weg');
    await t.app.db
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(eq(sessions.tokenHash, hashToken(secretOf(loggedOut))));

    const handshakes: [string, string][] = [
      [secretOf(anna), event.slug],
      [secretOf(mod), event.slug],
      [secretOf(stranger), event.slug], // signed in, but no member of this event
      [secretOf(anna), 'no-such-event'],
      [secretOf(loggedOut), event.slug], // revoked: not signed in
      ['not-a-session', event.slug],
      [secretOf(anna), event.slug], // the same socket twice
    ];
    const tokens: [string, string][] = [
      [secretOf(anna), plenary.id],
      [secretOf(mod), plenary.id],
      [secretOf(anna), otherPlenary.id], // a room of an event she is not in
      [secretOf(loggedOut), plenary.id],
      [secretOf(stranger), otherPlenary.id],
    ];
    const alone = {
      handshakes: [] as unknown[],
      tokens: [] as unknown[],
    };
    for (const [secret, slug] of handshakes) {
      alone.handshakes.push(await findEventMemberBySession(t.app.db, secret, slug));
    }
    for (const [secret, roomId] of tokens) {
      alone.tokens.push(await findRoomActorBySession(t.app.db, secret, roomId));
    }

    const sent = vi.spyOn(pg.Client.prototype, 'query');
    const [together, togetherTokens] = await Promise.all([
      Promise.all(handshakes.map(([s, slug]) => findEventMemberBySession(t.app.db, s, slug))),
      Promise.all(tokens.map(([s, roomId]) => findRoomActorBySession(t.app.db, s, roomId))),
    ]);
    expect(sent).toHaveBeenCalledTimes(2);
    expect(together).toEqual(alone.handshakes);
    expect(togetherTokens).toEqual(alone.tokens);

    // What the callers decide on, spelled out for a few of them.
    expect(together[0]?.member?.actor).toMatchObject({ personId: anna.personId, role: 'attendee' });
    expect(together[1]?.member?.actor.role).toBe('moderator');
    expect(together[2]).toMatchObject({ person: { personId: stranger.personId }, member: null });
    expect(together[3]?.member).toBeNull();
    expect(together[4]).toBeNull();
    expect(together[5]).toBeNull();
    expect(togetherTokens[0]?.inRoom?.room.id).toBe(plenary.id);
    expect(togetherTokens[2]).toMatchObject({ person: { personId: anna.personId }, inRoom: null });
    expect(togetherTokens[3]).toBeNull();
    expect(togetherTokens[4]?.inRoom?.actor.personId).toBe(stranger.personId);
  });
});
