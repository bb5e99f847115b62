import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { agendaItems, invitations, people, phases, polls, rooms } from '../../db/schema/index.ts';

/** Which table an action's target id points into, by the action's name. */
export type TargetKind = 'agenda' | 'room' | 'phase' | 'person' | 'invitation' | 'poll';

export function targetKindOf(action: string): TargetKind | null {
  const [area, verb] = action.split('.');
  switch (area) {
    case 'agenda':
      return 'agenda';
    case 'room':
      return 'room';
    case 'phase':
    case 'results':
      return 'phase';
    case 'assignment':
      return verb === 'move' ? 'person' : 'phase';
    case 'participant':
      return 'person';
    case 'privacy':
      return verb === 'export' ? 'person' : null;
    case 'invitation':
      return 'invitation';
    case 'poll':
      return 'poll';
    case 'chat':
      return verb === 'lock' || verb === 'unlock' ? 'room' : null;
    case 'stage':
      // Whom the stage marks or spotlights; ending the spotlight names the room.
      return verb === 'unspotlight' ? 'room' : 'person';
    default:
      return null;
  }
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The display names of the entries' targets ("AG 2", "Begrüßung", "Miriam Özdemir"), one query
 * per kind of target; what no longer exists (or was erased) has no name.
 */
export async function targetNames(
  db: DbOrTx,
  entries: { action: string; target: string | null }[],
): Promise<Map<string, string>> {
  const ids = new Map<TargetKind, Set<string>>();
  for (const { action, target } of entries) {
    const kind = targetKindOf(action);
    if (!kind || !target || !uuid.test(target)) continue;
    ids.set(kind, (ids.get(kind) ?? new Set()).add(target));
  }
  const names = new Map<string, string>();
  const add = (rows: { id: string; name: string }[], kind: TargetKind) => {
    for (const row of rows) names.set(`${kind}:${row.id}`, row.name);
  };
  const list = (kind: TargetKind) => [...(ids.get(kind) ?? [])];
  if (ids.has('agenda'))
    add(
      await db
        .select({ id: agendaItems.id, name: agendaItems.title })
        .from(agendaItems)
        .where(inArray(agendaItems.id, list('agenda'))),
      'agenda',
    );
  if (ids.has('room'))
    add(
      await db
        .select({ id: rooms.id, name: rooms.name })
        .from(rooms)
        .where(inArray(rooms.id, list('room'))),
      'room',
    );
  if (ids.has('phase'))
    add(
      await db
        .select({ id: phases.id, name: phases.title })
        .from(phases)
        .where(inArray(phases.id, list('phase'))),
      'phase',
    );
  if (ids.has('person'))
    add(
      await db
        .select({ id: people.id, name: people.displayName })
        .from(people)
        .where(inArray(people.id, list('person'))),
      'person',
    );
  if (ids.has('invitation'))
    add(
      await db
        .select({ id: invitations.id, name: invitations.label })
        .from(invitations)
        .where(inArray(invitations.id, list('invitation'))),
      'invitation',
    );
  if (ids.has('poll'))
    add(
      await db
        .select({ id: polls.id, name: polls.question })
        .from(polls)
        .where(inArray(polls.id, list('poll'))),
      'poll',
    );
  return names;
}

export function targetNameOf(
  names: Map<string, string>,
  entry: { action: string; target: string | null },
): string | null {
  const kind = targetKindOf(entry.action);
  return kind && entry.target ? (names.get(`${kind}:${entry.target}`) ?? null) || null : null;
}
