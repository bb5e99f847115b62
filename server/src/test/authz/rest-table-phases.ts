import {
  everyMember,
  inGroupA,
  organizerOnly as organizer,
  roomModerators,
  visitors,
} from './cast.ts';
import type { Cast } from './cast.ts';
import type { RestRow } from './rest-table.ts';

const ev = (c: Cast) => `/api/events/${c.slug}`;

/** Working-group phases: set-up, assignment, running, notes and help. */
export const phaseRows: RestRow[] = [
  {
    route: 'GET /api/events/:slug/phases',
    allowed: everyMember,
    call: (c) => ({ url: `${ev(c)}/phases` }),
  },
  {
    route: 'POST /api/events/:slug/phases',
    allowed: organizer,
    call: (c) => ({
      url: `${ev(c)}/phases`,
      payload: { title: 'AG-Phase', roomIds: [c.groupAId, c.groupBId], durationMinutes: 30 },
    }),
  },
  {
    route: 'GET /api/phases/:phaseId',
    allowed: everyMember,
    call: async (c) => ({ url: `/api/phases/${await c.sharedPhase()}` }),
  },
  {
    route: 'GET /api/phases/:phaseId/me',
    allowed: everyMember,
    call: async (c) => ({ url: `/api/phases/${await c.sharedPhase()}/me` }),
  },
  {
    route: 'GET /api/phases/:phaseId/assignments',
    allowed: visitors,
    call: async (c) => ({ url: `/api/phases/${await c.sharedPhase()}/assignments` }),
  },
  {
    route: 'POST /api/phases/:phaseId/choose',
    target: 'group A of a self-select phase',
    allowed: everyMember,
    call: async (c) => ({
      url: `/api/phases/${await c.sharedPhase()}/choose`,
      payload: { roomId: c.groupAId },
    }),
  },
  {
    route: 'POST /api/phases/:phaseId/move',
    allowed: organizer,
    call: async (c) => ({
      url: `/api/phases/${await c.sharedPhase()}/move`,
      payload: { personId: c.bystander.personId, roomId: c.groupBId },
    }),
  },
  {
    route: 'POST /api/phases/:phaseId/balance',
    allowed: organizer,
    call: async (c) => ({ url: `/api/phases/${await c.sharedPhase()}/balance` }),
  },
  {
    route: 'POST /api/phases/:phaseId/preassign',
    allowed: organizer,
    call: async (c) => ({
      url: `/api/phases/${await c.sharedPhase()}/preassign`,
      payload: 'Name;Arbeitsgruppe\nTara Teilnehmerin;AG A\n',
      headers: { 'content-type': 'text/csv' },
    }),
  },
  {
    route: 'POST /api/phases/:phaseId/open',
    target: 'a fresh draft phase',
    allowed: organizer,
    call: async (c) => {
      await c.closeOpenPhases();
      return { url: `/api/phases/${await c.draftPhase()}/open` };
    },
  },
  {
    route: 'POST /api/phases/:phaseId/close',
    target: 'a freshly opened phase',
    allowed: organizer,
    call: async (c) => ({ url: `/api/phases/${await c.openPhaseNow()}/close` }),
  },
  {
    route: 'POST /api/phases/:phaseId/extend',
    target: 'the open phase',
    allowed: organizer,
    call: async (c) => ({
      url: `/api/phases/${await c.anOpenPhase()}/extend`,
      payload: { minutes: 1 },
    }),
  },
  {
    route: 'GET /api/phases/:phaseId/rooms/:roomId/notes',
    target: 'group A of a phase not yet closed (nobody is placed in a draft)',
    // The group's own moderator and the organizers; not other moderators, not captioners.
    allowed: roomModerators,
    call: async (c) => ({ url: `/api/phases/${await c.sharedPhase()}/rooms/${c.groupAId}/notes` }),
  },
  {
    route: 'POST /api/phases/:phaseId/rooms/:roomId/help',
    target: 'group A while the speaker is placed in group B',
    allowed: inGroupA,
    call: async (c) => ({
      url: `/api/phases/${await c.meeting()}/rooms/${c.groupAId}/help`,
      payload: { message: 'Bitte kommen' },
    }),
  },
  {
    route: 'GET /api/phases/:phaseId/results.md',
    target: 'a phase not yet closed',
    allowed: visitors,
    call: async (c) => ({ url: `/api/phases/${await c.sharedPhase()}/results.md` }),
  },
  {
    route: 'GET /api/phases/:phaseId/results.docx',
    target: 'a phase not yet closed',
    allowed: visitors,
    call: async (c) => ({ url: `/api/phases/${await c.sharedPhase()}/results.docx` }),
  },
  {
    route: 'GET /api/phases/:phaseId/results.pdf',
    target: 'a phase not yet closed',
    allowed: visitors,
    call: async (c) => ({ url: `/api/phases/${await c.sharedPhase()}/results.pdf` }),
  },
];
