import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/app-error.ts';
import { randomToken } from '../../lib/tokens.ts';
import { redeemInvitation } from '../invitations/service.ts';
import { phasesNow } from '../phases/repository.ts';
import { findEventMemberBySession, findRoomActorBySession } from './signed-in.ts';

/**
 * The join path's statements (redeem, socket handshake, phases at connect, token) on every pooled
 * connection before the node listens, with keys that match nothing: no row is read or written.
 * A fresh Postgres backend loads its catalog caches and plans a prepared statement on first use;
 * a node that has just started — a restart during the event brings everyone back at once — paid
 * that inside its first burst of joins (bench/README.md, "A node's first burst").
 */
export async function warmJoinPath(db: Db, connections: number, rounds = 10): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    // As many at once as the pool holds, so that each of its connections takes a share.
    await Promise.all(Array.from({ length: connections }, () => joinPathMatchingNothing(db)));
  }
}

async function joinPathMatchingNothing(db: Db) {
  const unknownSecret = () => randomToken(32);
  await redeemInvitation(
    db,
    randomToken(24),
    { displayName: 'warm-up' },
    {
      sessionDays: 1,
      signedInPersonId: null,
    },
  ).catch((err: unknown) => {
    // The made-up link is unknown; anything else (the database away) is the caller's to hear.
    if (!(err instanceof AppError && err.code === 'not_found')) throw err;
  });
  await findEventMemberBySession(db, unknownSecret(), `warm-up-${randomToken(8)}`);
  await findRoomActorBySession(db, unknownSecret(), randomUUID());
  await phasesNow(db, randomUUID());
}
