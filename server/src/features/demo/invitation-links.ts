import { roles } from '@plenum/shared';
import type { Db } from '../../db/client.ts';
import { findEventBySlug } from '../access/actor.ts';
import { createInvitation, invitationLink } from '../invitations/service.ts';
import { DEMO_SLUG, ensureDemoEvent } from './seed.ts';

const VALID_DAYS = 7;

/**
 * The demo forum (created if missing) and one fresh invitation link per role, as the lines that
 * `npm start` and `npm run dev` print. Tokens are stored only as hashes: these lines are the one
 * chance to see them.
 */
export async function demoInvitationLinks(db: Db, publicUrl: string, label: string) {
  const created = await ensureDemoEvent(db);
  const event = (await findEventBySlug(db, DEMO_SLUG))!;
  const expiresAt = new Date(Date.now() + VALID_DAYS * 86_400_000).toISOString();
  const lines = [];
  for (const role of roles) {
    const input = { role, label, maxUses: null, expiresAt };
    const { token } = await createInvitation(db, event.id, input, null);
    lines.push(`  ${role.padEnd(10)} ${invitationLink(publicUrl, token)}`);
  }
  const intro = `Demo forum "${event.title}" — invitation links (valid ${VALID_DAYS} days):`;
  return { created, slug: DEMO_SLUG, text: [intro, ...lines].join('\n') };
}
