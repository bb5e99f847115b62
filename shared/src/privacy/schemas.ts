import { z } from 'zod';
import { Role } from '../access/schemas.ts';
import { Slug } from '../events/schemas.ts';
import { privacyLimits } from '../limits/limits.ts';
import { auditAreas, roomKinds } from '../vocab/vocab.ts';

/** The marker an erased person's chat messages and questions carry instead of their text. */
export const ERASED_MARKER = '[gelöscht]';

/** Days to keep something; null keeps it for as long as the event exists. */
export const RetentionDays = z
  .number()
  .int()
  .min(privacyLimits.retentionDays.min)
  .max(privacyLimits.retentionDays.max)
  .nullable();

export const PrivacySettings = z.object({
  /** Chat messages and announcements older than this many days are deleted. */
  chatRetentionDays: RetentionDays,
  /** Working-group notes last edited longer ago than this many days are deleted. */
  notesRetentionDays: RetentionDays,
});
export type PrivacySettings = z.infer<typeof PrivacySettings>;

export const PrivacySettingsPatch = PrivacySettings.partial().strict();
export type PrivacySettingsPatch = z.infer<typeof PrivacySettingsPatch>;

export const EventPersonParams = z.object({ slug: Slug, personId: z.uuid() });

/** What an erasure changed, as counts: the answer holds no personal data. */
export const ErasureReport = z.object({
  chatMessagesAnonymised: z.number().int(),
  questionsAnonymised: z.number().int(),
  votesRemoved: z.number().int(),
  handsRemoved: z.number().int(),
  assignmentsRemoved: z.number().int(),
  attendanceAnonymised: z.number().int(),
  helpRequestsRemoved: z.number().int(),
  /** The person had no other event: their name, email and sessions are gone. */
  personDeleted: z.boolean(),
  sessionsRevoked: z.number().int(),
});
export type ErasureReport = z.infer<typeof ErasureReport>;

/** Everything Plenum stores about one person (Art. 15/20 GDPR), as JSON. */
export const PersonExport = z.object({
  exportedAt: z.string(),
  profile: z.object({
    id: z.uuid(),
    displayName: z.string(),
    email: z.string().nullable(),
    createdAt: z.string(),
  }),
  memberships: z.array(
    z.object({
      eventId: z.uuid(),
      slug: z.string(),
      title: z.string(),
      role: Role,
      since: z.string(),
    }),
  ),
  chatMessages: z.array(
    z.object({
      id: z.number(),
      eventId: z.uuid(),
      roomId: z.uuid().nullable(),
      scope: z.string(),
      body: z.string(),
      createdAt: z.string(),
      deletedAt: z.string().nullable(),
    }),
  ),
  questions: z.array(
    z.object({
      id: z.number(),
      eventId: z.uuid(),
      roomId: z.uuid(),
      body: z.string(),
      status: z.string(),
      upvotes: z.number(),
      createdAt: z.string(),
    }),
  ),
  questionVotes: z.array(z.object({ questionId: z.number(), votedAt: z.string() })),
  /** Their votes in polls (named or anonymous: the database knows who voted, so they get it). */
  pollVotes: z.array(
    z.object({
      pollId: z.uuid(),
      eventId: z.uuid(),
      question: z.string(),
      choices: z.array(z.number()),
      votedAt: z.string(),
    }),
  ),
  hands: z.array(
    z.object({
      id: z.number(),
      eventId: z.uuid(),
      roomId: z.uuid(),
      status: z.string(),
      raisedAt: z.string(),
      closedAt: z.string().nullable(),
    }),
  ),
  assignments: z.array(
    z.object({
      phaseId: z.uuid(),
      eventId: z.uuid(),
      roomId: z.uuid(),
      source: z.string(),
      assignedAt: z.string(),
    }),
  ),
  attendance: z.array(
    z.object({
      eventId: z.uuid(),
      roomId: z.uuid(),
      joinedAt: z.string(),
      leftAt: z.string().nullable(),
    }),
  ),
  /** Connected to a room over Socket.IO (chat, following without media), per connection. */
  socketAttendance: z.array(
    z.object({
      eventId: z.uuid(),
      roomId: z.uuid(),
      joinedAt: z.string(),
      leftAt: z.string().nullable(),
    }),
  ),
  presence: z.array(
    z.object({
      eventId: z.uuid(),
      roomId: z.uuid().nullable(),
      connectedAt: z.string(),
      lastSeenAt: z.string(),
    }),
  ),
  helpRequests: z.array(
    z.object({
      phaseId: z.uuid(),
      roomId: z.uuid(),
      message: z.string(),
      createdAt: z.string(),
      resolvedAt: z.string().nullable(),
    }),
  ),
  /** Other people's help requests they marked done (the request's text is not theirs). */
  helpRequestsResolved: z.array(
    z.object({ phaseId: z.uuid(), roomId: z.uuid(), resolvedAt: z.string().nullable() }),
  ),
  /** Working-group notes whose last edit was theirs (the text is the group's). */
  notesLastEdited: z.array(
    z.object({
      phaseId: z.uuid(),
      eventId: z.uuid(),
      roomId: z.uuid(),
      body: z.string(),
      version: z.number(),
      updatedAt: z.string(),
    }),
  ),
  /**
   * Live-edited notes documents they wrote in: how many of their edits are stored as such (a
   * compaction merges edits into a snapshot that names nobody). `phaseId`/`roomId` null: the
   * plenary's notes. The text is the group's, in the results.
   */
  notesEdits: z.array(
    z.object({
      eventId: z.uuid(),
      phaseId: z.uuid().nullable(),
      roomId: z.uuid().nullable(),
      edits: z.number().int(),
      lastAt: z.string(),
    }),
  ),
});
export type PersonExport = z.infer<typeof PersonExport>;

/** The parts of an event an audit entry can be about: the part of its action before the dot. */
export const AuditArea = z.enum(auditAreas);
export type AuditArea = z.infer<typeof AuditArea>;

export const AuditQuery = z.object({
  /** Entries older than this id (the previous page's `nextBefore`). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(privacyLimits.auditPageMax).default(50),
  /** Only entries about this part, e.g. `phase` for phase.open, phase.close, … */
  area: AuditArea.optional(),
});

export const AuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  /** The target's name as it is now ("AG 2", a person's name); null if none or gone. */
  targetName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  /** null for the system (deadlines, retention, the CLI) or an erased person. */
  actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({
  entries: z.array(AuditEntry),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.number().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;

export const AttendanceSpan = z.object({
  joinedAt: z.string(),
  leftAt: z.string().nullable(),
  /** socket: connected to the room (chat, stage without media); media: in its LiveKit room. */
  source: z.enum(['socket', 'media']),
});

export const AttendancePerson = z.object({
  /** null once the person was erased: their time still counts for the room, nameless. */
  personId: z.uuid().nullable(),
  displayName: z.string().nullable(),
  firstJoinedAt: z.string(),
  /** null while they are still in the room. */
  lastLeftAt: z.string().nullable(),
  /** Minutes in the room by socket or media; overlaps (two tabs, both sources) count once. */
  totalMinutes: z.number(),
  /** Of those, the minutes with media (LiveKit); 0 for someone who followed by chat only. */
  mediaMinutes: z.number(),
  spans: z.array(AttendanceSpan),
});
export type AttendancePerson = z.infer<typeof AttendancePerson>;

export const AttendanceReport = z.object({
  generatedAt: z.string(),
  timeZone: z.string(),
  rooms: z.array(
    z.object({
      roomId: z.uuid(),
      name: z.string(),
      kind: z.enum(roomKinds),
      people: z.array(AttendancePerson),
    }),
  ),
});
export type AttendanceReport = z.infer<typeof AttendanceReport>;
