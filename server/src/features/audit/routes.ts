import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AttendanceReport, AuditPage, AuditQuery, can, EventSlugParams } from '@plenum/shared';
import { asDownload } from '../../lib/download.ts';
import { requireRight, resolveEventActor } from '../access/actor.ts';
import { attendanceCsv, attendanceReport } from './attendance.ts';
import { auditCsv, listAudit } from './service.ts';

/** The organizer's views after (and during) the day: the audit log and attendance per room. */
const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  async function eventFor(
    personId: string,
    slug: string,
    action: 'audit.read' | 'attendance.read',
  ) {
    const { event, actor } = await resolveEventActor(app.db, personId, slug);
    requireRight(
      can(actor, action, { eventId: event.id }),
      action === 'audit.read' ? 'read the audit log' : 'see attendance',
    );
    return event;
  }

  app.get(
    '/api/events/:slug/audit',
    {
      schema: {
        tags: ['audit'],
        summary:
          'The audit log, newest first, paged with `before`, filtered by `area` (organizers)',
        params: EventSlugParams,
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    async (request) => {
      const person = await request.requirePerson();
      const event = await eventFor(person.personId, request.params.slug, 'audit.read');
      return listAudit(app.db, event.id, request.query);
    },
  );

  app.get(
    '/api/events/:slug/audit.csv',
    {
      schema: {
        tags: ['audit'],
        summary: 'The whole audit log as CSV for spreadsheets, oldest first (organizers)',
        params: EventSlugParams,
        produces: ['text/csv'],
        response: { 200: z.string().describe('text/csv') },
      },
    },
    async (request, reply) => {
      const person = await request.requirePerson();
      const event = await eventFor(person.personId, request.params.slug, 'audit.read');
      return asDownload(reply, `protokoll-${event.slug}.csv`)
        .type('text/csv; charset=utf-8')
        .send(await auditCsv(app.db, event));
    },
  );

  app.get(
    '/api/events/:slug/attendance',
    {
      schema: {
        tags: ['audit'],
        summary: 'Who was in which room, when, and for how many minutes (organizers)',
        params: EventSlugParams,
        response: { 200: AttendanceReport },
      },
    },
    async (request) => {
      const person = await request.requirePerson();
      const event = await eventFor(person.personId, request.params.slug, 'attendance.read');
      return attendanceReport(app.db, event);
    },
  );

  app.get(
    '/api/events/:slug/attendance.csv',
    {
      schema: {
        tags: ['audit'],
        summary: 'Attendance as CSV for spreadsheets (semicolons, event time zone; organizers)',
        params: EventSlugParams,
        produces: ['text/csv'],
        response: { 200: z.string().describe('text/csv') },
      },
    },
    async (request, reply) => {
      const person = await request.requirePerson();
      const event = await eventFor(person.personId, request.params.slug, 'attendance.read');
      const csv = attendanceCsv(await attendanceReport(app.db, event));
      return asDownload(reply, `anwesenheit-${event.slug}.csv`)
        .type('text/csv; charset=utf-8')
        .send(csv);
    },
  );
};
export default auditRoutes;
