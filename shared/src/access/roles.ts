import { z } from 'zod';

export const roles = ['organizer', 'moderator', 'speaker', 'attendee'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;
