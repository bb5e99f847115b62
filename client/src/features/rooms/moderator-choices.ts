import type { PresencePerson, Role } from '@plenum/shared';
// The zod-free subpath, as in lib/rights.ts.
import { can } from '@plenum/shared/access';

export interface ModeratorChoice {
  value: string;
  label: string;
  /** Tells namesakes apart: their role, whether they are here, when last seen, an id's start. */
  note?: string;
}

export interface ChoiceWords {
  role: (role: Role) => string;
  online: string;
  lastSeen: (iso: string) => string;
  id: (short: string) => string;
}

/**
 * Whom the moderator picker offers: only those `can()` lets moderate (the server refuses anyone
 * else), plus anyone already chosen, by name. People of one name get a note that tells them
 * apart: their role if it differs, else online or last seen, else the start of their id.
 */
export function moderatorChoices(
  people: Iterable<PresencePerson>,
  chosen: readonly string[],
  words: ChoiceWords,
): ModeratorChoice[] {
  const eligible = [...people].filter(
    (p) => chosen.includes(p.personId) || (p.role !== undefined && can(p.role, 'room.moderate')),
  );
  eligible.sort(
    (a, b) =>
      a.displayName.localeCompare(b.displayName, 'de', { sensitivity: 'base' }) ||
      a.personId.localeCompare(b.personId),
  );
  const key = (p: PresencePerson) => p.displayName.trim().toLocaleLowerCase('de');
  const byName = new Map<string, PresencePerson[]>();
  for (const p of eligible) byName.set(key(p), [...(byName.get(key(p)) ?? []), p]);

  return eligible.map((p) => {
    const namesakes = byName.get(key(p))!;
    if (namesakes.length < 2) return { value: p.personId, label: p.displayName };
    const parts: string[] = [];
    const roles = new Set(namesakes.map((n) => n.role));
    if (roles.size > 1 && p.role) parts.push(words.role(p.role));
    const seen = (n: PresencePerson) => (n.online ? 'online' : (n.lastSeenAt ?? ''));
    const seenApart = new Set(namesakes.map(seen)).size === namesakes.length;
    if (seenApart)
      parts.push(p.online ? words.online : p.lastSeenAt ? words.lastSeen(p.lastSeenAt) : '');
    if (roles.size < namesakes.length && !seenApart) parts.push(words.id(p.personId.slice(0, 4)));
    return { value: p.personId, label: p.displayName, note: parts.filter(Boolean).join(', ') };
  });
}
