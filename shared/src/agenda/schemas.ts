import { z } from 'zod';
import { Slug } from '../events/schemas.ts';
import { agendaLimits as limits } from '../limits/limits.ts';
import { agendaKinds } from '../vocab/vocab.ts';

export const AgendaKind = z.enum(agendaKinds);
export type AgendaKind = z.infer<typeof AgendaKind>;

/** A speaker as stored and shown: a name, and the person when they are a member of the event. */
export const Speaker = z.object({
  name: z.string().trim().min(1).max(limits.speakerNameMax),
  affiliation: z.string().trim().max(limits.affiliationMax).optional(),
  personId: z.uuid().optional(),
});
export type Speaker = z.infer<typeof Speaker>;

/** A speaker as an organizer gives one: free text, or a member of the event (name optional). */
export const SpeakerInput = Speaker.extend({ name: Speaker.shape.name.optional() })
  .strict()
  .refine((s) => s.name !== undefined || s.personId !== undefined, {
    message: 'a speaker needs a name or a personId',
    path: ['name'],
  });
export type SpeakerInput = z.infer<typeof SpeakerInput>;

export const AgendaItem = z.object({
  id: z.uuid(),
  /** The plenary, or null for a working-group phase (it takes place in the groups). */
  roomId: z.uuid().nullable(),
  kind: AgendaKind,
  title: z.string(),
  description: z.string(),
  speakers: z.array(Speaker),
  /** Planned start, UTC (ISO 8601); shifts and extensions move it. */
  startsAt: z.string(),
  durationMinutes: z.number(),
  /** What really happened, kept beside the plan. */
  actualStartAt: z.string().nullable(),
  actualEndAt: z.string().nullable(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

const fields = {
  title: z.string().trim().min(1).max(limits.titleMax),
  description: z.string().max(limits.descriptionMax),
  kind: AgendaKind,
  speakers: z.array(SpeakerInput).max(limits.speakersMax),
  /** ISO 8601 with an offset or Z; stored in UTC. */
  startsAt: z.iso.datetime({ offset: true }),
  durationMinutes: z.number().int().min(limits.durationMinutes.min).max(limits.durationMinutes.max),
  /** The plenary; null or left out for a working-group phase (and the plenary for the rest). */
  roomId: z.uuid().nullable(),
};

export const AgendaItemInput = z
  .object({
    ...fields,
    description: fields.description.default(''),
    kind: fields.kind.default('talk'),
    speakers: fields.speakers.default([]),
    roomId: fields.roomId.optional(),
  })
  .strict();
export type AgendaItemInput = z.infer<typeof AgendaItemInput>;

export const AgendaItemPatch = z
  .object(fields)
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });
export type AgendaItemPatch = z.infer<typeof AgendaItemPatch>;

export const AgendaItemParams = z.object({ slug: Slug, itemId: z.uuid() });

/** Lengthens a running or planned item; every later item of the day moves along. */
export const AgendaExtendInput = z
  .object({
    minutes: z.number().int().min(limits.extendMinutes.min).max(limits.extendMinutes.max),
  })
  .strict();
export type AgendaExtendInput = z.infer<typeof AgendaExtendInput>;

/** Moves an item and every later item of its day: a delay (positive) or a gain (negative). */
export const AgendaShiftInput = z
  .object({
    minutes: z
      .number()
      .int()
      .min(limits.shiftMinutes.min)
      .max(limits.shiftMinutes.max)
      .refine((m) => m !== 0, 'a shift of 0 minutes changes nothing'),
  })
  .strict();
export type AgendaShiftInput = z.infer<typeof AgendaShiftInput>;

/** Why an imported session was not taken: the client words it by this code, in its language. */
export const ImportSkipCode = z.enum([
  'no_title',
  'title_too_long',
  'bad_start',
  'bad_duration',
  'other_room',
  'parallel_workshop',
  'already_in_agenda',
]);
export type ImportSkipCode = z.infer<typeof ImportSkipCode>;

export const AgendaImportResult = z.object({
  imported: z.number(),
  skipped: z.array(
    z.object({
      title: z.string(),
      /** The reason in English, for the API's readers; the UI words `code` with `params`. */
      reason: z.string(),
      code: ImportSkipCode,
      params: z.record(z.string(), z.string()),
    }),
  ),
});
export type AgendaImportResult = z.infer<typeof AgendaImportResult>;

/** Socket `agenda:updated`: the whole agenda after a change, sent to everyone in the event. */
export const AgendaUpdated = z.object({ eventId: z.uuid(), items: z.array(AgendaItem) });
export type AgendaUpdated = z.infer<typeof AgendaUpdated>;
