import { z } from 'zod';

export const AgendaKind = z.enum([
  'opening',
  'talk',
  'break',
  'working_group_phase',
  'results',
  'closing',
  'other',
]);
export type AgendaKind = z.infer<typeof AgendaKind>;

export const Speaker = z.object({
  name: z.string().trim().min(1).max(120),
  affiliation: z.string().trim().max(200).optional(),
  personId: z.uuid().optional(),
});

export const AgendaItem = z.object({
  id: z.uuid(),
  roomId: z.uuid().nullable(),
  kind: AgendaKind,
  title: z.string(),
  description: z.string(),
  speakers: z.array(Speaker),
  startsAt: z.string(),
  durationMinutes: z.number(),
  actualStartAt: z.string().nullable(),
  actualEndAt: z.string().nullable(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;
