import { readFileSync } from 'node:fs';
import {
  actors,
  everyMember,
  inGroupA,
  organizerOnly as organizer,
  roomModerators,
  staff,
  type ActorName,
  type Cast,
} from './cast.ts';
import { phaseRows } from './rest-table-phases.ts';

/** One request of one cell; the runner adds the actor's cookie unless `cookie` is given. */
export interface RestCall {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  cookie?: string;
}

export interface RestRow {
  /** "METHOD /path" exactly as in `app.routeTable`. */
  route: string;
  /** Tells apart several rows of one route (another target room, another action). */
  target?: string;
  allowed: readonly ActorName[];
  /** Builds the call for one actor; fresh targets where the call consumes them. */
  call(c: Cast, actor: ActorName): RestCall | Promise<RestCall>;
}

const frabXml = readFileSync(
  new URL('../../features/agenda/fixtures/frab-sample.xml', import.meta.url),
  'utf8',
);
const ev = (c: Cast) => `/api/events/${c.slug}`;

/**
 * Every REST route that needs a session, and who may call it. Public routes are listed, with
 * the reason, in `publicRoutes` below.
 */
export const restTable: RestRow[] = [
  {
    route: 'GET /api/me',
    allowed: [...everyMember, 'otherEvent'],
    call: () => ({ url: '/api/me' }),
  },
  {
    route: 'POST /api/logout',
    target: 'a fresh session of the caller (signing out needs no rights)',
    allowed: actors,
    call: async (c, a) => ({ url: '/api/logout', cookie: await c.freshCookie(a) }),
  },

  // Invitations
  {
    route: 'GET /api/events/:slug/invitations',
    allowed: organizer,
    call: (c) => ({ url: `${ev(c)}/invitations` }),
  },
  {
    route: 'POST /api/events/:slug/invitations',
    allowed: organizer,
    call: (c) => ({ url: `${ev(c)}/invitations`, payload: { role: 'organizer', label: 'x' } }),
  },
  {
    route: 'DELETE /api/events/:slug/invitations/:invitationId',
    allowed: organizer,
    call: async (c) => ({ url: `${ev(c)}/invitations/${await c.freshInvitation()}` }),
  },

  // Events and rooms
  {
    route: 'POST /api/events',
    target: 'organizers of any event may create one',
    allowed: ['organizer', 'otherEvent'],
    call: (c) => ({
      url: '/api/events',
      payload: {
        slug: c.uniqueSlug(),
        title: 'Neues Forum',
        startsAt: '2026-05-01T08:00:00Z',
        endsAt: '2026-05-01T16:00:00Z',
      },
    }),
  },
  { route: 'GET /api/events/:slug', allowed: everyMember, call: (c) => ({ url: ev(c) }) },
  {
    route: 'PATCH /api/events/:slug',
    allowed: organizer,
    call: (c) => ({ url: ev(c), payload: { description: 'geändert' } }),
  },
  {
    route: 'GET /api/events/:slug/rooms',
    allowed: everyMember,
    call: (c) => ({ url: `${ev(c)}/rooms` }),
  },
  {
    route: 'POST /api/events/:slug/rooms',
    allowed: organizer,
    call: (c) => ({ url: `${ev(c)}/rooms`, payload: { name: 'AG Neu' } }),
  },
  {
    route: 'PATCH /api/events/:slug/rooms/:roomId',
    target: 'group A',
    allowed: organizer,
    call: (c) => ({ url: `${ev(c)}/rooms/${c.groupAId}`, payload: { description: 'neu' } }),
  },
  {
    route: 'DELETE /api/events/:slug/rooms/:roomId',
    target: 'a fresh group',
    allowed: organizer,
    call: async (c) => ({ url: `${ev(c)}/rooms/${await c.freshGroup()}` }),
  },

  // Agenda
  {
    route: 'GET /api/events/:slug/agenda',
    allowed: everyMember,
    call: (c) => ({ url: `${ev(c)}/agenda` }),
  },
  {
    route: 'GET /api/events/:slug/agenda.ics',
    allowed: everyMember,
    call: (c) => ({ url: `${ev(c)}/agenda.ics` }),
  },
  {
    route: 'POST /api/events/:slug/agenda',
    allowed: organizer,
    call: (c) => ({
      url: `${ev(c)}/agenda`,
      payload: { title: 'Vortrag', startsAt: c.nextSlot(), durationMinutes: 1 },
    }),
  },
  {
    route: 'PATCH /api/events/:slug/agenda/:itemId',
    allowed: organizer,
    call: async (c) => ({
      url: `${ev(c)}/agenda/${await c.freshItem()}`,
      payload: { title: 'Umbenannt' },
    }),
  },
  {
    route: 'DELETE /api/events/:slug/agenda/:itemId',
    allowed: organizer,
    call: async (c) => ({ url: `${ev(c)}/agenda/${await c.freshItem()}` }),
  },
  {
    route: 'POST /api/events/:slug/agenda/:itemId/start',
    allowed: organizer,
    call: async (c) => ({ url: `${ev(c)}/agenda/${await c.freshItem()}/start` }),
  },
  {
    route: 'POST /api/events/:slug/agenda/:itemId/end',
    target: 'a running item',
    allowed: organizer,
    call: async (c) => ({ url: `${ev(c)}/agenda/${await c.runningItem()}/end` }),
  },
  {
    route: 'POST /api/events/:slug/agenda/:itemId/extend',
    allowed: organizer,
    call: async (c) => ({
      url: `${ev(c)}/agenda/${await c.freshItem()}/extend`,
      payload: { minutes: 1 },
    }),
  },
  {
    route: 'POST /api/events/:slug/agenda/:itemId/shift',
    allowed: organizer,
    call: async (c) => ({
      url: `${ev(c)}/agenda/${await c.freshItem()}/shift`,
      payload: { minutes: 1 },
    }),
  },
  {
    route: 'POST /api/events/:slug/agenda/import',
    allowed: organizer,
    call: (c) => ({
      url: `${ev(c)}/agenda/import`,
      payload: frabXml,
      headers: { 'content-type': 'application/xml' },
    }),
  },

  // Media
  {
    route: 'POST /api/rooms/:roomId/token',
    target: 'the plenary',
    allowed: everyMember,
    call: (c) => ({ url: `/api/rooms/${c.plenaryId}/token` }),
  },
  {
    route: 'POST /api/rooms/:roomId/token',
    target: 'group A while the speaker is placed in group B',
    allowed: [...inGroupA, 'captioner'],
    call: async (c) => {
      await c.meeting();
      return { url: `/api/rooms/${c.groupAId}/token` };
    },
  },
  {
    route: 'POST /api/rooms/:roomId/participants/:personId/:action',
    target: 'remove the bystander from group A',
    allowed: roomModerators,
    call: (c) => ({ url: `/api/rooms/${c.groupAId}/participants/${c.bystander.personId}/remove` }),
  },
  {
    route: 'POST /api/rooms/:roomId/participants/:personId/:action',
    target: 'promote the bystander in the plenary',
    allowed: staff,
    call: (c) => ({
      url: `/api/rooms/${c.plenaryId}/participants/${c.bystander.personId}/promote`,
    }),
  },

  ...phaseRows,

  // Privacy, audit, attendance
  {
    route: 'GET /api/me/export',
    allowed: [...everyMember, 'otherEvent'],
    call: () => ({ url: '/api/me/export' }),
  },
  {
    route: 'GET /api/events/:slug/privacy',
    allowed: organizer,
    call: (c) => ({ url: `${ev(c)}/privacy` }),
  },
  {
    route: 'PATCH /api/events/:slug/privacy',
    allowed: organizer,
    call: (c) => ({ url: `${ev(c)}/privacy`, payload: { chatRetentionDays: 30 } }),
  },
  {
    route: 'POST /api/events/:slug/people/:personId/erase',
    target: 'a fresh attendee',
    allowed: organizer,
    call: async (c) => ({ url: `${ev(c)}/people/${await c.freshAttendee()}/erase` }),
  },
  {
    route: 'GET /api/events/:slug/people/:personId/export',
    target: 'the bystander',
    allowed: organizer,
    call: (c) => ({ url: `${ev(c)}/people/${c.bystander.personId}/export` }),
  },
  {
    route: 'GET /api/events/:slug/audit',
    allowed: organizer,
    call: (c) => ({ url: `${ev(c)}/audit` }),
  },
  {
    route: 'GET /api/events/:slug/audit.csv',
    allowed: organizer,
    call: (c) => ({ url: `${ev(c)}/audit.csv` }),
  },
  {
    route: 'GET /api/events/:slug/attendance',
    allowed: organizer,
    call: (c) => ({ url: `${ev(c)}/attendance` }),
  },
  // Captions: whether a transcript is kept is no secret; switching and export are the organizer's
  {
    route: 'GET /api/events/:slug/captions/transcript',
    allowed: everyMember,
    call: (c) => ({ url: `${ev(c)}/captions/transcript` }),
  },
  {
    route: 'PUT /api/events/:slug/captions/transcript',
    allowed: organizer,
    call: (c) => ({ url: `${ev(c)}/captions/transcript`, payload: { enabled: false } }),
  },
  {
    route: 'GET /api/events/:slug/captions/transcript/export',
    allowed: organizer,
    call: (c) => ({ url: `${ev(c)}/captions/transcript/export?format=text` }),
  },
  {
    route: 'GET /api/events/:slug/attendance.csv',
    allowed: organizer,
    call: (c) => ({ url: `${ev(c)}/attendance.csv` }),
  },
];

/** Routes anyone may call, and why that is safe. The table above must list all others. */
export const publicRoutes: Record<string, string> = {
  'GET /api/health': 'liveness for operators and load balancers; says nothing about any event',
  'GET /api/health/live': 'liveness for orchestrators: the process answers; says nothing else',
  'GET /api/health/ready':
    'readiness for load balancers: database up and not draining; says nothing about any event',
  'GET /api/operator':
    "the instance operator's name and the links to its privacy notice and imprint, shown on every page",
  'GET /api/invitations/:token':
    'the invitation preview: the 128-bit link token is the credential (rate-limited, see hostile-input.test)',
  'POST /api/invitations/:token/redeem':
    'how a person gets a session at all: the link token is the credential (rate-limited)',
  'POST /api/livekit/webhook':
    'called by LiveKit, authenticated by the signature with the API secret (features/livekit/media.test)',
  'GET /api/docs': 'OpenAPI UI: describes the API, holds no data',
  'HEAD /api/docs/': 'OpenAPI UI (the UI plugin registers this HEAD by itself)',
  'GET /api/docs/json': 'the OpenAPI document',
  'GET /api/docs/yaml': 'the OpenAPI document as YAML',
  'GET /api/docs/static/*': 'static files of the OpenAPI UI',
  'GET /api/docs/static/index.html': 'static file of the OpenAPI UI',
  'GET /api/docs/static/swagger-initializer.js': 'static file of the OpenAPI UI',
};

/**
 * The /api/ routes the server registered, with HEAD folded into GET: fastify adds a HEAD twin to
 * every GET route, running the same handler.
 */
export function apiRoutes(routeTable: readonly string[]): string[] {
  const routes = new Set(routeTable.filter((r) => /^[A-Z]+ \/api\//.test(r)));
  return [...routes].filter((r) => !(r.startsWith('HEAD ') && routes.has(`GET ${r.slice(5)}`)));
}
