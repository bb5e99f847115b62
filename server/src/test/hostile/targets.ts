import { z } from 'zod';
import {
  AgendaExtendInput,
  AgendaItemInput,
  AgendaItemParams,
  AgendaItemPatch,
  AgendaShiftInput,
  AuditQuery,
  CaptionTranscriptInput,
  ChooseGroupInput,
  EventInput,
  EventPatch,
  EventPersonParams,
  EventSlugParams,
  ExtendInput,
  HelpInput,
  InvitationInput,
  InvitationTokenParams,
  ModerationInput,
  MoveInput,
  ParticipantActionParams,
  PhaseInput,
  PhaseParams,
  PhaseRoomParams,
  PrivacySettingsPatch,
  RedeemInput,
  RoomIdParams,
  RoomParams,
  TranscriptExportQuery,
  WorkingGroupInput,
  WorkingGroupPatch,
} from '@plenum/shared';
import { randomUUID } from 'node:crypto';
import type { ClientEventName } from '@plenum/shared';
import { createInvitation } from '../../features/invitations/service.ts';
import { createPoll } from '../../features/polls/service.ts';
import type { Cast } from '../authz/cast.ts';
import { notesUpdate } from '../notes.ts';

export type BodyTarget =
  | { kind: 'json'; schema: z.ZodType; valid: Record<string, unknown> }
  | { kind: 'xml' | 'csv' | 'webhook' };

/** A route with its valid inputs (naming real objects); the property spoils one at a time. */
export interface RestTarget {
  route: string;
  params?: { schema: z.ZodType; valid: Record<string, string> };
  body?: BodyTarget;
  query?: { schema: z.ZodType; valid: Record<string, string>; keys: string[] };
}

/** API routes that take neither params, query nor body: nothing to spoil. */
export const inputless: Record<string, string> = {
  'GET /api/me': 'the session cookie is its only input (tampered cookies: below)',
  'POST /api/logout': 'the session cookie is its only input',
  'GET /api/me/export': 'the session cookie is its only input',
  'GET /api/health': 'no input',
  'GET /api/health/live': 'no input',
  'GET /api/health/ready': 'no input',
  'GET /api/operator': 'no input: the operator settings from the configuration',
};

const json = (schema: z.ZodType, valid: Record<string, unknown>): BodyTarget => ({
  kind: 'json',
  schema,
  valid,
});

export async function restTargets(c: Cast): Promise<RestTarget[]> {
  const { token } = await createInvitation(
    c.app.db,
    c.event.id,
    { role: 'attendee', label: '', maxUses: null, expiresAt: null },
    null,
  );
  const slug = { slug: c.slug };
  const item = { ...slug, itemId: await c.freshItem() };
  const room = { ...slug, roomId: c.groupAId };
  const phase = { phaseId: await c.sharedPhase() };
  const group = { ...phase, roomId: c.groupAId };
  const person = { ...slug, personId: c.bystander.personId };
  const p = <S extends z.ZodType>(schema: S, valid: Record<string, string>) => ({ schema, valid });
  const bySlug = p(EventSlugParams, slug);
  const byItem = p(AgendaItemParams, item);
  const byPhase = p(PhaseParams, phase);
  const byGroup = p(PhaseRoomParams, group);
  const invitation = EventSlugParams.extend({ invitationId: z.uuid() });
  const times = { startsAt: '2026-03-12T14:00:00Z', endsAt: '2026-03-12T16:00:00Z' };

  return [
    {
      route: 'GET /api/docs/static/*',
      // Plain file names may exist; everything else (traversal, encodings, unicode) must not.
      params: p(z.object({ '*': z.string().regex(/^[\w.-]*$/) }), { '*': 'index.html' }),
    },
    { route: 'GET /api/invitations/:token', params: p(InvitationTokenParams, { token }) },
    {
      route: 'POST /api/invitations/:token/redeem',
      params: p(InvitationTokenParams, { token }),
      body: json(RedeemInput, { displayName: 'Gast' }),
    },
    { route: 'GET /api/events/:slug/invitations', params: bySlug },
    {
      route: 'POST /api/events/:slug/invitations',
      params: bySlug,
      body: json(InvitationInput, { role: 'attendee', label: 'Link' }),
    },
    {
      route: 'DELETE /api/events/:slug/invitations/:invitationId',
      params: p(invitation, { ...slug, invitationId: await c.freshInvitation() }),
    },
    {
      route: 'POST /api/events',
      body: json(EventInput, { slug: 'neues-forum', title: 'Forum', ...times }),
    },
    { route: 'GET /api/events/:slug', params: bySlug },
    {
      route: 'PATCH /api/events/:slug',
      params: bySlug,
      body: json(EventPatch, { title: 'Forum' }),
    },
    { route: 'GET /api/events/:slug/rooms', params: bySlug },
    {
      route: 'POST /api/events/:slug/rooms',
      params: bySlug,
      body: json(WorkingGroupInput, { name: 'AG', capacity: 10 }),
    },
    {
      route: 'PATCH /api/events/:slug/rooms/:roomId',
      params: p(RoomParams, room),
      body: json(WorkingGroupPatch, { name: 'AG', capacity: 10 }),
    },
    { route: 'DELETE /api/events/:slug/rooms/:roomId', params: p(RoomParams, room) },
    { route: 'GET /api/events/:slug/agenda', params: bySlug },
    { route: 'GET /api/events/:slug/agenda.ics', params: bySlug },
    {
      route: 'POST /api/events/:slug/agenda',
      params: bySlug,
      body: json(AgendaItemInput, {
        title: 'Vortrag',
        startsAt: '2026-03-12T10:00:00Z',
        durationMinutes: 30,
        speakers: [{ name: 'Dr. Weiß' }],
      }),
    },
    {
      route: 'PATCH /api/events/:slug/agenda/:itemId',
      params: byItem,
      body: json(AgendaItemPatch, { title: 'Vortrag', durationMinutes: 20 }),
    },
    { route: 'DELETE /api/events/:slug/agenda/:itemId', params: byItem },
    { route: 'POST /api/events/:slug/agenda/:itemId/start', params: byItem },
    { route: 'POST /api/events/:slug/agenda/:itemId/end', params: byItem },
    {
      route: 'POST /api/events/:slug/agenda/:itemId/extend',
      params: byItem,
      body: json(AgendaExtendInput, { minutes: 5 }),
    },
    {
      route: 'POST /api/events/:slug/agenda/:itemId/shift',
      params: byItem,
      body: json(AgendaShiftInput, { minutes: 5 }),
    },
    { route: 'POST /api/events/:slug/agenda/import', params: bySlug, body: { kind: 'xml' } },
    { route: 'POST /api/rooms/:roomId/token', params: p(RoomIdParams, { roomId: c.groupAId }) },
    {
      route: 'POST /api/rooms/:roomId/participants/:personId/:action',
      params: p(ParticipantActionParams, {
        roomId: c.groupAId,
        personId: c.bystander.personId,
        action: 'mute',
      }),
      body: json(ModerationInput.optional(), { source: 'microphone' }),
    },
    { route: 'POST /api/livekit/webhook', body: { kind: 'webhook' } },
    { route: 'GET /api/events/:slug/phases', params: bySlug },
    {
      route: 'POST /api/events/:slug/phases',
      params: bySlug,
      body: json(PhaseInput, { title: 'AG-Phase', roomIds: [c.groupAId], durationMinutes: 30 }),
    },
    { route: 'GET /api/phases/:phaseId', params: byPhase },
    { route: 'GET /api/phases/:phaseId/me', params: byPhase },
    { route: 'GET /api/phases/:phaseId/assignments', params: byPhase },
    {
      route: 'POST /api/phases/:phaseId/choose',
      params: byPhase,
      body: json(ChooseGroupInput, { roomId: c.groupAId }),
    },
    {
      route: 'POST /api/phases/:phaseId/move',
      params: byPhase,
      body: json(MoveInput, { personId: c.bystander.personId, roomId: c.groupAId }),
    },
    { route: 'POST /api/phases/:phaseId/balance', params: byPhase },
    { route: 'POST /api/phases/:phaseId/preassign', params: byPhase, body: { kind: 'csv' } },
    { route: 'POST /api/phases/:phaseId/open', params: byPhase },
    { route: 'POST /api/phases/:phaseId/close', params: byPhase },
    {
      route: 'POST /api/phases/:phaseId/extend',
      params: byPhase,
      body: json(ExtendInput, { minutes: 5 }),
    },
    { route: 'GET /api/phases/:phaseId/rooms/:roomId/notes', params: byGroup },
    {
      route: 'POST /api/phases/:phaseId/rooms/:roomId/help',
      params: byGroup,
      body: json(HelpInput, { message: 'Hilfe' }),
    },
    { route: 'GET /api/phases/:phaseId/results.md', params: byPhase },
    { route: 'GET /api/phases/:phaseId/results.docx', params: byPhase },
    { route: 'GET /api/phases/:phaseId/results.pdf', params: byPhase },
    { route: 'GET /api/events/:slug/privacy', params: bySlug },
    {
      route: 'PATCH /api/events/:slug/privacy',
      params: bySlug,
      body: json(PrivacySettingsPatch, { chatRetentionDays: 30, notesRetentionDays: null }),
    },
    {
      route: 'POST /api/events/:slug/people/:personId/erase',
      params: p(EventPersonParams, person),
    },
    {
      route: 'GET /api/events/:slug/people/:personId/export',
      params: p(EventPersonParams, person),
    },
    {
      route: 'GET /api/events/:slug/audit',
      params: bySlug,
      query: { schema: AuditQuery, valid: { limit: '10' }, keys: ['before', 'limit', 'area'] },
    },
    { route: 'GET /api/events/:slug/attendance', params: bySlug },
    { route: 'GET /api/events/:slug/attendance.csv', params: bySlug },
    { route: 'GET /api/events/:slug/audit.csv', params: bySlug },
    { route: 'GET /api/events/:slug/captions/transcript', params: bySlug },
    {
      route: 'PUT /api/events/:slug/captions/transcript',
      params: bySlug,
      body: json(CaptionTranscriptInput, { enabled: false }),
    },
    {
      route: 'GET /api/events/:slug/captions/transcript/export',
      params: bySlug,
      query: { schema: TranscriptExportQuery, valid: { format: 'text' }, keys: ['format'] },
    },
  ];
}

const plenaryNotes = { kind: 'plenary' };
/** A valid payload for every client event, naming real things of the cast's event. */
export async function socketBases(
  c: Cast,
): Promise<Record<ClientEventName, Record<string, unknown>>> {
  const room = { roomId: c.plenaryId };
  const message = { messageId: await c.message(c.plenaryId) };
  const question = { questionId: await c.question() };
  const text = { clientId: randomUUID(), body: 'Hallo' };
  const drafted = await createPoll(
    c.app.db,
    c.event.id,
    { roomId: c.plenaryId, question: 'Passt das?', kind: 'rating', options: [], anonymous: true },
    c.people.organizer.personId,
  );
  const poll = { pollId: drafted.id };
  return {
    'presence:list': {},
    'chat:send': { ...room, ...text },
    'chat:announce': { scope: 'event', ...text },
    'chat:history': { ...room, limit: 10 },
    'chat:catchUp': { ...room, since: 0 },
    'chat:delete': message,
    'chat:pin': { ...message, pinned: true },
    'chat:lock': { ...room, locked: true },
    'hand:raise': room,
    'hand:lower': room,
    'hand:list': room,
    'hand:takeNext': room,
    'hand:dismiss': { handId: await c.hand(c.plenaryId) },
    'question:ask': text,
    'question:list': {},
    'question:upvote': question,
    'question:answer': question,
    'question:hide': question,
    'reaction:send': { ...room, kind: 'applause' },
    'caption:write': { ...room, text: 'Guten Morgen', final: false },
    'group:visit': { roomId: c.groupAId },
    'group:leave': { roomId: c.groupAId },
    'help:list': {},
    'help:done': { requestId: await c.helpRequest(c.groupAId) },
    'poll:create': {
      ...room,
      question: 'Wie weiter?',
      kind: 'single',
      options: ['A', 'B'],
      anonymous: true,
    },
    'poll:open': poll,
    'poll:close': poll,
    'poll:vote': { ...poll, choices: [0] },
    'poll:list': room,
    'results:show': { phaseId: await c.sharedPhase() },
    'results:hide': { phaseId: await c.sharedPhase() },
    'results:current': {},
    'stage:spotlight': { ...room, personId: c.people.speaker.personId },
    'stage:state': room,
    'stage:interpreter': { personId: c.people.attendee.personId, interpreter: true },
    'notes:open': { doc: plenaryNotes, stateVector: '' },
    'notes:update': { doc: plenaryNotes, update: notesUpdate() },
    'notes:cursor': { doc: plenaryNotes, anchor: null, head: null },
    'notes:close': { doc: plenaryNotes },
  };
}
