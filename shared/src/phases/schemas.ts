import { z } from 'zod';
import { HELP_MESSAGE_MAX_LENGTH, phaseLimits as limits } from '../limits/limits.ts';
import { Role } from '../access/schemas.ts';
import { RoomToken } from '../rooms/schemas.ts';
import { phaseStatuses } from '../vocab/vocab.ts';

export const PhaseStatus = z.enum(phaseStatuses);
export type PhaseStatus = z.infer<typeof PhaseStatus>;

export const PhaseInput = z.object({
  title: z.string().trim().min(1).max(limits.titleMax),
  agendaItemId: z.uuid().nullable().default(null),
  /** The working groups of this phase; at least one. */
  roomIds: z.array(z.uuid()).min(1).max(limits.groupsMax),
  /** From one minute, so that a rehearsal runs a phase through in a few minutes. */
  durationMinutes: z.number().int().min(limits.durationMinutes.min).max(limits.durationMinutes.max),
  selfSelect: z.boolean().default(true),
});
export type PhaseInput = z.infer<typeof PhaseInput>;

export const PhaseGroup = z.object({
  roomId: z.uuid(),
  name: z.string(),
  capacity: z.number().nullable(),
  assigned: z.number(),
  moderatorIds: z.array(z.uuid()),
  /** What the group is about, for those who choose one (optional for older clients' fixtures). */
  description: z.string().optional(),
  /** The group's moderators by name, so a chooser knows who steers it. */
  moderators: z.array(z.object({ personId: z.uuid(), displayName: z.string() })).optional(),
});

export const Phase = z.object({
  id: z.uuid(),
  title: z.string(),
  agendaItemId: z.uuid().nullable(),
  status: PhaseStatus,
  durationMinutes: z.number(),
  selfSelect: z.boolean(),
  openedAt: z.string().nullable(),
  deadlineAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  groups: z.array(PhaseGroup),
});
export type Phase = z.infer<typeof Phase>;

export const PhaseParams = z.object({ phaseId: z.uuid() });
export const PhaseRoomParams = z.object({ phaseId: z.uuid(), roomId: z.uuid() });

export const ChooseGroupInput = z.object({ roomId: z.uuid() });
export const MoveInput = z.object({ personId: z.uuid(), roomId: z.uuid() });
export const ExtendInput = z.object({
  minutes: z.number().int().min(limits.extendMinutes.min).max(limits.extendMinutes.max),
});

export const Assignment = z.object({
  personId: z.uuid(),
  displayName: z.string(),
  roomId: z.uuid(),
  source: z.enum(['self', 'pre', 'auto', 'manual']),
});
export type Assignment = z.infer<typeof Assignment>;

export const PreassignmentReport = z.object({
  assigned: z.number(),
  unmatched: z.array(z.object({ line: z.number(), text: z.string(), reason: z.string() })),
});
export type PreassignmentReport = z.infer<typeof PreassignmentReport>;

/**
 * A group's notes as one Markdown text (REST read, group:visit, results). They are edited live
 * as a Yjs document: see notes/schemas.ts.
 */
export const Notes = z.object({
  phaseId: z.uuid(),
  roomId: z.uuid(),
  body: z.string(),
  version: z.number(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type Notes = z.infer<typeof Notes>;

export const HelpInput = z.object({
  message: z.string().trim().max(HELP_MESSAGE_MAX_LENGTH).default(''),
});

/** Sent to a person's sockets when the server moves them: the client switches by itself. */
export const RoomAssigned = z.object({
  phaseId: z.uuid().nullable(),
  reason: z.enum(['phase_opened', 'moved', 'phase_closed', 'reconnected']),
  deadlineAt: z.string().nullable(),
  media: RoomToken,
});
export type RoomAssigned = z.infer<typeof RoomAssigned>;

export const PhaseUpdated = Phase;

export const HelpRequest = z.object({
  id: z.number(),
  phaseId: z.uuid(),
  roomId: z.uuid(),
  roomName: z.string(),
  personId: z.uuid().nullable(),
  displayName: z.string().nullable(),
  message: z.string(),
  createdAt: z.string(),
  /** When someone marked it done, and who (display name); null while it is open. */
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
});
export type HelpRequest = z.infer<typeof HelpRequest>;

/** The help requests of the event that the caller may handle, open ones first, newest first. */
export const HelpListInput = z.object({}).strict();
export const HelpList = z.object({ requests: z.array(HelpRequest) });
export type HelpList = z.infer<typeof HelpList>;
export const HelpDoneInput = z.object({ requestId: z.number().int().positive() }).strict();

/** A moderator or organizer looks into a working group (or goes back) with this socket. */
export const GroupVisitInput = z.object({ roomId: z.uuid() }).strict();

/**
 * Told to the people of a room when someone who does not belong there looks in (arrived) or
 * goes again (left): "Miriam Özdemir (Moderation) besucht diese Gruppe".
 */
export const VisitNotice = z.object({
  roomId: z.uuid(),
  visitor: z.object({ id: z.uuid(), displayName: z.string(), role: Role.nullable() }),
});
export type VisitNotice = z.infer<typeof VisitNotice>;
