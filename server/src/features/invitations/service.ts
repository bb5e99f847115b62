import { and, desc, eq, sql } from 'drizzle-orm';
import type { InvitationInput, RedeemInput, Role } from '@plenum/shared';
import type { Db, DbOrTx } from '../../db/client.ts';
import { events, invitations, memberships, people } from '../../db/schema/index.ts';
import { AppError } from '../../lib/app-error.ts';
import { hashToken, randomToken } from '../../lib/tokens.ts';
import { openSession } from '../sessions/service.ts';
import { recordAudit } from '../audit/service.ts';

type InvitationRow = typeof invitations.$inferSelect;

export const invitationLink = (publicUrl: string, token: string) => `${publicUrl}/join/${token}`;

export function toInvitation(row: InvitationRow) {
  return {
    id: row.id,
    role: row.role,
    label: row.label,
    maxUses: row.maxUses,
    uses: row.uses,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function createInvitation(
  db: DbOrTx,
  eventId: string,
  input: InvitationInput,
  createdBy: string | null,
) {
  const token = randomToken(16);
  const [row] = await db
    .insert(invitations)
    .values({
      eventId,
      role: input.role,
      label: input.label,
      maxUses: input.maxUses,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      tokenHash: hashToken(token),
      createdBy,
    })
    .returning();
  await recordAudit(db, {
    eventId,
    actorId: createdBy,
    action: 'invitation.create',
    target: row!.id,
    details: { role: input.role, maxUses: input.maxUses, expiresAt: input.expiresAt },
  });
  return { row: row!, token };
}

export async function listInvitations(db: DbOrTx, eventId: string) {
  const rows = await db
    .select()
    .from(invitations)
    .where(eq(invitations.eventId, eventId))
    .orderBy(desc(invitations.createdAt));
  return rows.map(toInvitation);
}

export async function revokeInvitation(db: Db, eventId: string, id: string, actorId: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: sql`coalesce(${invitations.revokedAt}, now())` })
      .where(and(eq(invitations.id, id), eq(invitations.eventId, eventId)))
      .returning();
    if (!row) throw new AppError('not_found', 'Invitation not found');
    await recordAudit(tx, { eventId, actorId, action: 'invitation.revoke', target: id });
    return toInvitation(row);
  });
}

/** Why a link no longer works, in words a person understands. */
function assertUsable(row: InvitationRow, now = new Date()) {
  if (row.revokedAt)
    throw new AppError('gone', 'This invitation link has been revoked.', 410, undefined, 'revoked');
  if (row.expiresAt && row.expiresAt <= now) {
    throw new AppError('gone', 'This invitation link has expired.', 410, undefined, 'expired');
  }
  if (row.maxUses !== null && row.uses >= row.maxUses) {
    throw new AppError('gone', 'This invitation link has been used up.', 410, undefined, 'used_up');
  }
}

async function findByToken(db: DbOrTx, token: string, forUpdate = false) {
  const query = db
    .select({ invitation: invitations, event: events })
    .from(invitations)
    .innerJoin(events, eq(events.id, invitations.eventId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .limit(1);
  const [row] = forUpdate ? await query.for('update', { of: invitations }) : await query;
  if (!row) throw new AppError('not_found', 'This invitation link is not valid.');
  return row;
}

export async function previewInvitation(db: DbOrTx, token: string) {
  const { invitation, event } = await findByToken(db, token);
  assertUsable(invitation);
  return { event: { slug: event.slug, title: event.title }, role: invitation.role };
}

const roleRank: Record<Role, number> = { attendee: 0, speaker: 1, moderator: 2, organizer: 3 };

/**
 * Redeems a link: one transaction counts the use, creates the person (or reuses the signed-in
 * one), gives them the link's role (never lowering a higher one) and opens a session.
 */
export async function redeemInvitation(
  db: Db,
  token: string,
  input: RedeemInput,
  opts: { sessionDays: number; signedInPersonId: string | null },
) {
  return db.transaction(async (tx) => {
    const { invitation, event } = await findByToken(tx, token, true);
    assertUsable(invitation);
    await tx
      .update(invitations)
      .set({ uses: sql`${invitations.uses} + 1` })
      .where(eq(invitations.id, invitation.id));

    let personId = opts.signedInPersonId;
    if (personId) {
      await tx
        .update(people)
        .set({ displayName: input.displayName, email: input.email ?? null })
        .where(eq(people.id, personId));
    } else {
      const [person] = await tx
        .insert(people)
        .values({ displayName: input.displayName, email: input.email ?? null })
        .returning({ id: people.id });
      personId = person!.id;
    }

    const [existing] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.eventId, event.id), eq(memberships.personId, personId)))
      .for('update');
    let role: Role = invitation.role;
    if (!existing) {
      await tx.insert(memberships).values({ eventId: event.id, personId, role });
    } else if (roleRank[invitation.role] > roleRank[existing.role]) {
      await tx
        .update(memberships)
        .set({ role })
        .where(and(eq(memberships.eventId, event.id), eq(memberships.personId, personId)));
    } else {
      role = existing.role;
    }
    const session = await openSession(tx, personId, opts.sessionDays);
    return {
      event: { slug: event.slug, title: event.title },
      person: { id: personId, displayName: input.displayName, email: input.email ?? null },
      role,
      session,
    };
  });
}
