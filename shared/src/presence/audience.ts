import type { Role } from '../access/roles.ts';

/**
 * Whose presence changes every member of the event hears of: everyone's but attendees'. The stage
 * picks its speakers among these few; an attendee's join, move or leave goes only to those who
 * watch the whole list (`presence:list` with `people: 'everyone'`). Sent to everyone, a plenary of
 * 1,000 joining would be a million entries; a list nobody looks at needs none of them.
 */
export function presenceForEveryone(role: Role | undefined): boolean {
  return role !== undefined && role !== 'attendee';
}
