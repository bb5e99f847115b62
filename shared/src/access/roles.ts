/** The roles a person can hold in an event, highest first. Zod-free: the client imports it. */
export const roles = ['organizer', 'moderator', 'speaker', 'attendee'] as const;
export type Role = (typeof roles)[number];

/**
 * Whether `role` ranks above `other`. An invitation never lowers a role someone already holds, so
 * redeeming one compares ranks; the order is that of `roles`.
 */
export function outranks(role: Role, other: Role): boolean {
  return roles.indexOf(role) < roles.indexOf(other);
}
