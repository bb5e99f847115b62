import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  can,
  ErasureReport,
  EventPersonParams,
  EventSlugParams,
  PersonExport,
  PrivacySettings,
  PrivacySettingsPatch,
} from '@plenum/shared';
import { notFound } from '../../lib/app-error.ts';
import { asDownload } from '../../lib/download.ts';
import { requireRight, resolveEventActor } from '../access/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { erasePersonFromEvent, type Erasure } from './erasure.ts';
import { exportPerson, isMemberOf } from './export.ts';
import { getPrivacySettings, updatePrivacySettings } from './retention.ts';

export interface PrivacyRouteOptions {
  /** After an erasure was stored: clear screens, close the person's sockets and media. */
  erased(eventId: string, personId: string, erasure: Erasure): Promise<void>;
}

const tags = ['privacy'];

/** Retention settings, erasure and export of one person. Thin: see retention, erasure, export. */
const privacyRoutes: FastifyPluginAsyncZod<PrivacyRouteOptions> = async (app, opts) => {
  /** The event, after checking the caller may manage its privacy. */
  async function managedEvent(personId: string, slug: string) {
    const { event, actor } = await resolveEventActor(app.db, personId, slug);
    requireRight(can(actor, 'privacy.manage', { eventId: event.id }), "manage the event's data");
    return event;
  }

  app.get(
    '/api/events/:slug/privacy',
    {
      schema: {
        tags,
        summary: 'Retention of chat and notes in days (organizers); null keeps them',
        params: EventSlugParams,
        response: { 200: PrivacySettings },
      },
    },
    async (request) => {
      const person = await request.requirePerson();
      const event = await managedEvent(person.personId, request.params.slug);
      return getPrivacySettings(app.db, event.id);
    },
  );

  app.patch(
    '/api/events/:slug/privacy',
    {
      schema: {
        tags,
        summary: 'Set how long chat and notes are kept (organizers); audited',
        params: EventSlugParams,
        body: PrivacySettingsPatch,
        response: { 200: PrivacySettings },
      },
    },
    async (request) => {
      const person = await request.requirePerson();
      const event = await managedEvent(person.personId, request.params.slug);
      return updatePrivacySettings(app.db, event.id, request.body, person.personId);
    },
  );

  app.post(
    '/api/events/:slug/people/:personId/erase',
    {
      schema: {
        tags,
        summary: "Erase a person's data from the event on request (organizers); answers counts",
        params: EventPersonParams,
        response: { 200: ErasureReport },
      },
    },
    async (request) => {
      const person = await request.requirePerson();
      const event = await managedEvent(person.personId, request.params.slug);
      const erasure = await erasePersonFromEvent(app.db, {
        eventId: event.id,
        personId: request.params.personId,
        actorId: person.personId,
      });
      await opts.erased(event.id, request.params.personId, erasure);
      return erasure.report;
    },
  );

  app.get(
    '/api/events/:slug/people/:personId/export',
    {
      schema: {
        tags,
        summary: "A member's data in this event as JSON (organizers); audited",
        params: EventPersonParams,
        response: { 200: PersonExport },
      },
    },
    async (request, reply) => {
      const person = await request.requirePerson();
      const event = await managedEvent(person.personId, request.params.slug);
      const { personId } = request.params;
      if (!(await isMemberOf(app.db, event.id, personId))) throw notFound('Member');
      const data = await exportPerson(app.db, personId, event.id);
      await recordAudit(app.db, {
        eventId: event.id,
        actorId: person.personId,
        action: 'privacy.export',
        target: personId,
      });
      return asDownload(reply, `${event.slug}-${personId.slice(0, 8)}.json`)
        .header('cache-control', 'no-store')
        .send(data);
    },
  );

  app.get(
    '/api/me/export',
    {
      schema: {
        tags,
        summary: 'Everything Plenum stores about the signed-in person, as JSON',
        response: { 200: PersonExport },
      },
    },
    async (request, reply) => {
      const person = await request.requirePerson();
      const data = await exportPerson(app.db, person.personId, null);
      return asDownload(reply, 'plenum-meine-daten.json')
        .header('cache-control', 'no-store')
        .send(data);
    },
  );
};
export default privacyRoutes;
