import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { preparedPer } from '../../db/prepared.ts';
import { people, sessions } from '../../db/schema/index.ts';
import { hashToken, randomToken } from '../../lib/tokens.ts';

export interface SessionPerson {
  sessionId: string;
  personId: string;
  displayName: string;
  email: string | null;
}

/**
 * A session ends `days` after it opened at the latest (SESSION_DAYS), and earlier once it went
 * unused for `idleHours` (SESSION_IDLE_HOURS). Its `expires_at` is the nearer of the two: every
 * check of a session compares only that, and use moves it on (touchSession).
 */
export interface SessionLifetime {
  days: number;
  idleHours: number;
}

/** Where `expires_at` of a session opened at `openedAt` lies when it is used at `now`. */
export function sessionDeadline(
  { days, idleHours }: SessionLifetime,
  openedAt: Date,
  now = new Date(),
): Date {
  const end = openedAt.getTime() + days * 86_400_000;
  return new Date(Math.min(end, now.getTime() + idleHours * 3_600_000));
}

/**
 * Opens a session and returns the secret that goes into the (signed) cookie, and the absolute end
 * the cookie keeps (the idle deadline lives in the database only; use moves it on).
 */
export async function openSession(
  db: DbOrTx,
  personId: string,
  days: number,
  idleHours = days * 24,
) {
  const secret = randomToken(32);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + days * 86_400_000);
  const [row] = await db
    .insert(sessions)
    .values({
      personId,
      tokenHash: hashToken(secret),
      expiresAt: sessionDeadline({ days, idleHours }, now, now),
    })
    .returning({ id: sessions.id });
  return { sessionId: row!.id, secret, expiresAt };
}

/**
 * The session was used: its idle deadline moves on, never past its absolute end. A deadline that
 * would move by less than `stepMs` stays as it is (no write, and a session used twice within a
 * minute is not rewritten twice).
 */
export async function touchSession(
  db: DbOrTx,
  sessionId: string,
  lifetime: SessionLifetime,
  stepMs = 0,
) {
  await db.execute(sql`
    with target as (
      select id, least(created_at + make_interval(days => ${lifetime.days}),
        now() + make_interval(secs => ${lifetime.idleHours * 3600})) as deadline
      from sessions
      where id = ${sessionId} and revoked_at is null and expires_at > now()
    )
    update sessions s set expires_at = t.deadline from target t
    where s.id = t.id and abs(extract(epoch from (t.deadline - s.expires_at))) * 1000 >= ${stepMs}`);
}

/**
 * Notes use of sessions without a write per request: each session is touched at most once per
 * minute (or per hundredth of the idle time, if shorter) by each node, in the background.
 */
export function sessionActivity(db: DbOrTx, lifetime: SessionLifetime) {
  const everyMs = Math.min(60_000, (lifetime.idleHours * 3_600_000) / 100);
  const touched = new Map<string, number>();
  let sweepAt = Date.now() + everyMs * 10;
  return {
    /**
     * A session made just now has its fresh deadline: its first use on this node (the socket
     * right after redeeming a link) needs no write. One statement less per join.
     */
    started(sessionId: string, now = Date.now()) {
      touched.set(sessionId, now);
    },
    seen(sessionId: string, now = Date.now()) {
      if ((touched.get(sessionId) ?? 0) > now - everyMs) return;
      if (now > sweepAt) {
        for (const [id, at] of touched) if (at <= now - everyMs) touched.delete(id);
        sweepAt = now + everyMs * 10;
      }
      touched.set(sessionId, now);
      touchSession(db, sessionId, lifetime, everyMs).catch(() => {
        // A failed touch costs at most one idle period early; the next use tries again.
        touched.delete(sessionId);
      });
    },
  };
}
export type SessionActivity = ReturnType<typeof sessionActivity>;

const sessionQuery = preparedPer((db) =>
  db
    .select({
      sessionId: sessions.id,
      personId: people.id,
      displayName: people.displayName,
      email: people.email,
    })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
      ),
    )
    .limit(1)
    .prepare('find_session'),
);

/** The person behind a session secret; every signed-in request asks this. */
export async function findSession(db: DbOrTx, secret: string): Promise<SessionPerson | null> {
  const [row] = await sessionQuery(db).execute({ tokenHash: hashToken(secret) });
  return row ?? null;
}

export async function revokeSession(db: DbOrTx, sessionId: string) {
  await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
}

/** Ends every session of a person, e.g. after erasure or when an organizer revokes access. */
export async function revokeSessionsOf(db: DbOrTx, personId: string) {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.personId, personId), isNull(sessions.revokedAt)));
}

/** Whether a session still counts: not revoked (logout, erasure), not expired or idle too long. */
export async function isSessionLive(db: DbOrTx, sessionId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(
      and(
        eq(sessions.id, sessionId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
      ),
    )
    .limit(1);
  return Boolean(row);
}
