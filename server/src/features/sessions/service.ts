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

/** Opens a session and returns the secret that goes into the (signed) cookie. */
export async function openSession(db: DbOrTx, personId: string, days: number) {
  const secret = randomToken(32);
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  const [row] = await db
    .insert(sessions)
    .values({ personId, tokenHash: hashToken(secret), expiresAt })
    .returning({ id: sessions.id });
  return { sessionId: row!.id, secret, expiresAt };
}

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
