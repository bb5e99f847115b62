import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  outranks,
  rolesThatMay,
  type InvitationInput,
  type RedeemInput,
  type Role,
} from '@plenum/shared';
import type { Db, DbOrTx } from '../../db/client.ts';
import { events, invitations, memberships, people } from '../../db/schema/index.ts';
import { AppError } from '../../lib/app-error.ts';
import { hashToken, randomToken } from '../../lib/tokens.ts';
import { openSession, sessionDeadline, type SessionLifetime } from '../sessions/service.ts';
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

const findByToken = (db: DbOrTx, token: string, forUpdate = false) =>
  findByTokenHash(db, hashToken(token), forUpdate);

async function findByTokenHash(db: DbOrTx, tokenHash: string, forUpdate = false) {
  const query = db
    .select({ invitation: invitations, event: events })
    .from(invitations)
    .innerJoin(events, eq(events.id, invitations.eventId))
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  const [row] = forUpdate ? await query.for('update', { of: invitations }) : await query;
  if (!row) throw new AppError('not_found', 'This invitation link is not valid.');
  return row;
}

export async function previewInvitation(db: DbOrTx, token: string) {
  const { invitation, event } = await findByToken(db, token);
  assertUsable(invitation);
  const organizers = await db
    .select({ name: people.displayName })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(eq(memberships.eventId, event.id), inArray(memberships.role, rolesThatMay('event.own'))),
    )
    .orderBy(asc(memberships.createdAt))
    .limit(5);
  return {
    event: {
      slug: event.slug,
      title: event.title,
      description: event.description,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      timeZone: event.timeZone,
      organizers: organizers.map((o) => o.name).filter((name) => name !== ''),
      privacyUrl: event.privacyUrl,
      imprintUrl: event.imprintUrl,
    },
    role: invitation.role,
  };
}

/**
 * Redeems a link: counts the use, creates the person (or reuses the signed-in one), gives them
 * the link's role (never lowering a higher one) and opens a session — all or nothing.
 */
export async function redeemInvitation(
  db: Db,
  token: string,
  input: RedeemInput,
  opts: { sessionDays: number; sessionIdleHours?: number; signedInPersonId: string | null },
) {
  if (!opts.signedInPersonId) {
    // Hashed once: an unknown and an unusable link take the same path (no timing difference).
    const tokenHash = hashToken(token);
    const joined = await redeemAsNewcomer(db, tokenHash, input, {
      days: opts.sessionDays,
      idleHours: opts.sessionIdleHours ?? opts.sessionDays * 24,
    });
    if (joined) return joined;
    // Nothing was written: find out why the link did not work, in words a person understands.
    const { invitation } = await findByTokenHash(db, tokenHash);
    assertUsable(invitation);
    throw new AppError('gone', 'This invitation link has been used up.', 410, undefined, 'used_up');
  }
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
    } else if (outranks(invitation.role, existing.role)) {
      await tx
        .update(memberships)
        .set({ role })
        .where(and(eq(memberships.eventId, event.id), eq(memberships.personId, personId)));
    } else {
      role = existing.role;
    }
    const session = await openSession(tx, personId, opts.sessionDays, opts.sessionIdleHours);
    return {
      event: { slug: event.slug, title: event.title },
      person: { id: personId, displayName: input.displayName, email: input.email ?? null },
      role,
      session,
    };
  });
}

/**
 * The common case of a join storm, a newcomer, in one statement (one round trip, atomic): the
 * conditional UPDATE counts the use only while the link is usable (its row lock serialises
 * parallel redeems, so `max_uses` holds), and the inserts run only if it did. Null: unusable.
 */
async function redeemAsNewcomer(
  db: Db,
  tokenHash: string,
  input: RedeemInput,
  lifetime: SessionLifetime,
) {
  const secret = randomToken(32);
  const now = new Date();
  // The cookie keeps the absolute end; the database holds the idle deadline (sessions/service.ts).
  const expiresAt = new Date(now.getTime() + lifetime.days * 86_400_000);
  const email = input.email ?? null;
  const result = await db.execute(sql`
    with used as (
      update invitations i set uses = i.uses + 1
      from events e
      where i.token_hash = ${tokenHash} and e.id = i.event_id
        and i.revoked_at is null
        and (i.expires_at is null or i.expires_at > now())
        and (i.max_uses is null or i.uses < i.max_uses)
      returning i.event_id, i.role, e.slug, e.title
    ), person as (
      insert into people (display_name, email) select ${input.displayName}, ${email} from used
      returning id
    ), membership as (
      insert into memberships (event_id, person_id, role)
      select used.event_id, person.id, used.role from used, person
    ), session as (
      insert into sessions (person_id, token_hash, expires_at)
      select person.id, ${hashToken(secret)},
        ${sessionDeadline(lifetime, now, now).toISOString()}::timestamptz from person
      returning id
    )
    select used.role, used.slug, used.title, person.id as person_id, session.id as session_id
    from used, person, session`);
  const [row] = (result as unknown as { rows: NewcomerRow[] }).rows;
  if (!row) return null;
  return {
    event: { slug: row.slug, title: row.title },
    person: { id: row.person_id, displayName: input.displayName, email },
    role: row.role,
    session: { sessionId: row.session_id, secret, expiresAt },
  };
}

interface NewcomerRow {
  role: Role;
  slug: string;
  title: string;
  person_id: string;
  session_id: string;
}
