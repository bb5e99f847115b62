/** The roles a person can hold in an event, highest first. Zod-free: the client imports it. */
/**
 * A captioner ranks below a speaker and above an attendee: an attendee given a captioner's link
 * becomes one, a speaker keeps the word.
 */
export const roles = ['organizer', 'moderator', 'speaker', 'captioner', 'attendee'] as const;
export type Role = (typeof roles)[number];

/**
 * Whether `role` ranks above `other`. An invitation never lowers a role someone already holds, so
 * redeeming one compares ranks; the order is that of `roles`.
 */
export function outranks(role: Role, other: Role): boolean {
  return roles.indexOf(role) < roles.indexOf(other);
}
