import { can } from '../access/permissions.ts';
import type { Role } from '../access/roles.ts';

/**
 * Whose presence changes every member of the event hears of (`presence.toEveryone`): the stage
 * picks its speakers among these few. An attendee's join, move or leave goes only to those who
 * watch the whole list (`presence:list` with `people: 'everyone'`): sent to everyone, a plenary
 * of 1,000 joining would be a million entries, and a list nobody looks at needs none of them.
 */
export function presenceForEveryone(role: Role | undefined): boolean {
  return role !== undefined && can(role, 'presence.toEveryone');
}
