import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  Assignment,
  can,
  ChooseGroupInput,
  EventSlugParams,
  ExtendInput,
  MoveInput,
  Phase,
  PhaseInput,
  PhaseParams,
  PreassignmentReport,
} from '@plenum/shared';
import { AppError } from '../../lib/app-error.ts';
import { requireEventActor, requireRight } from '../access/actor.ts';
import { assignToGroup, balanceNow, importPreassignments } from './assignments.ts';
import { listAssignments, listPhases, roomOfPersonInPhase, toPhase } from './repository.ts';
import { closePhase, createPhase, extendPhase, openPhase } from './service.ts';
import { findPhaseAndActor } from './access.ts';
import { phaseUpdated, phaseUpdatedSoon } from './broadcast.ts';
import {
  dispatchClosed,
  dispatchDeps,
  dispatchMoved,
  dispatchOpened,
  ensurePhaseRooms,
} from './dispatch.ts';

/** Organizer controls of working-group phases, and self-select. Thin: see service.ts. */
const phaseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    ['text/csv', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: 1024 * 1024 },
    (_r, body, done) => done(null, body),
  );

  const phaseAndActor = (personId: string, phaseId: string) =>
    findPhaseAndActor(app.db, personId, phaseId);
  const tags = ['phases'];

  app.get(
    '/api/events/:slug/phases',
    { schema: { tags, params: EventSlugParams, response: { 200: z.array(Phase) } } },
    async (request) => {
      const { event } = await requireEventActor(request, request.params.slug);
      const rows = await listPhases(app.db, event.id);
      return Promise.all(rows.map((r) => toPhase(app.db, r)));
    },
  );

  app.post(
    '/api/events/:slug/phases',
    {
      schema: {
        tags,
        summary: 'Set up a working-group phase',
        params: EventSlugParams,
        body: PhaseInput,
        response: { 201: Phase },
      },
    },
    async (request, reply) => {
      const { person, event } = await requireEventActor(request, request.params.slug, {
        action: 'phase.run',
        what: 'run working-group phases',
      });
      const row = await createPhase(app.db, event.id, request.body, person.personId);
      return reply.status(201).send(await phaseUpdated(app.realtime.io, app.db, row));
    },
  );

  app.get(
    '/api/phases/:phaseId',
    { schema: { tags, params: PhaseParams, response: { 200: Phase } } },
    async (request) => {
      const person = await request.requirePerson();
      const { phase } = await phaseAndActor(person.personId, request.params.phaseId);
      return toPhase(app.db, phase);
    },
  );

  app.get(
    '/api/phases/:phaseId/me',
    {
      schema: {
        tags,
        summary: 'The group the caller is in (or chose) in this phase',
        params: PhaseParams,
        response: { 200: z.object({ roomId: z.uuid().nullable() }) },
      },
    },
    async (request) => {
      const person = await request.requirePerson();
      const { phase } = await phaseAndActor(person.personId, request.params.phaseId);
      return { roomId: await roomOfPersonInPhase(app.db, phase.id, person.personId) };
    },
  );

  app.get(
    '/api/phases/:phaseId/assignments',
    { schema: { tags, params: PhaseParams, response: { 200: z.array(Assignment) } } },
    async (request) => {
      const person = await request.requirePerson();
      const { phase, actor } = await phaseAndActor(person.personId, request.params.phaseId);
      requireRight(can(actor, 'room.visitAny', { eventId: phase.eventId }), 'see all assignments');
      return listAssignments(app.db, phase.id);
    },
  );

  app.post(
    '/api/phases/:phaseId/choose',
    {
      schema: {
        tags,
        summary: 'Choose a group yourself (while places are free)',
        params: PhaseParams,
        body: ChooseGroupInput,
        response: { 200: Phase },
      },
    },
    async (request) => {
      const person = await request.requirePerson();
      const { phase } = await phaseAndActor(person.personId, request.params.phaseId);
      const result = await assignToGroup(
        app.db,
        {
          ...request.body,
          phaseId: request.params.phaseId,
          personId: person.personId,
          source: 'self',
          actorId: person.personId,
        },
        phase,
      );
      if (result.changed && result.phase.status === 'open')
        await dispatchMoved(dispatchDeps(app), result.phase, person.personId, request.body.roomId);
      // 200 people choosing at once: one phase:updated per burst, not 200 to every socket.
      return phaseUpdatedSoon(app.realtime.io, app.db, result.phase.id);
    },
  );

  app.post(
    '/api/phases/:phaseId/move',
    {
      schema: {
        tags,
        summary: 'Move a person to a group (organizers, any time)',
        params: PhaseParams,
        body: MoveInput,
        response: { 200: Phase },
      },
    },
    async (request) => {
      const person = await request.requirePerson();
      const { phase, actor } = await phaseAndActor(person.personId, request.params.phaseId);
      requireRight(can(actor, 'assignment.move', { eventId: phase.eventId }), 'move people');
      const result = await assignToGroup(app.db, {
        ...request.body,
        phaseId: phase.id,
        source: 'manual',
        actorId: person.personId,
      });
      if (result.changed && result.phase.status === 'open')
        await dispatchMoved(
          dispatchDeps(app),
          result.phase,
          request.body.personId,
          request.body.roomId,
        );
      return phaseUpdated(app.realtime.io, app.db, result.phase);
    },
  );

  app.post(
    '/api/phases/:phaseId/balance',
    {
      schema: {
        tags,
        summary: 'Spread everyone not yet in a group evenly',
        params: PhaseParams,
        response: { 200: Phase },
      },
    },
    async (request) => {
      const person = await request.requirePerson();
      const { phase, actor } = await phaseAndActor(person.personId, request.params.phaseId);
      requireRight(can(actor, 'assignment.move', { eventId: phase.eventId }), 'assign people');
      await balanceNow(app.db, phase.id, person.personId);
      return phaseUpdated(app.realtime.io, app.db, phase);
    },
  );

  app.post(
    '/api/phases/:phaseId/preassign',
    {
      schema: {
        tags,
        summary: 'Pre-assign from a CSV (UTF-8 or Windows-1252)',
        params: PhaseParams,
        response: { 200: PreassignmentReport },
      },
    },
    async (request) => {
      const person = await request.requirePerson();
      const { phase, actor } = await phaseAndActor(person.personId, request.params.phaseId);
      requireRight(can(actor, 'assignment.move', { eventId: phase.eventId }), 'assign people');
      if (!Buffer.isBuffer(request.body))
        throw new AppError(
          'bad_request',
          'Send the CSV file as the body with Content-Type text/csv.',
        );
      const report = await importPreassignments(app.db, phase.id, request.body, person.personId);
      await phaseUpdated(app.realtime.io, app.db, phase);
      return report;
    },
  );

  for (const action of ['open', 'close'] as const) {
    app.post(
      `/api/phases/:phaseId/${action}`,
      {
        schema: {
          tags,
          summary: `${action === 'open' ? 'Open' : 'Close'} the phase: everyone moves by themselves`,
          params: PhaseParams,
          response: { 200: Phase },
        },
      },
      async (request) => {
        const person = await request.requirePerson();
        const { phase, actor } = await phaseAndActor(person.personId, request.params.phaseId);
        requireRight(
          can(actor, 'phase.run', { eventId: phase.eventId }),
          'run working-group phases',
        );
        if (action === 'open') {
          // The LiveKit rooms are made while the transaction runs; a failure here is retried
          // (and reported) by the dispatch, which makes any room still missing.
          const roomsMade = ensurePhaseRooms(app.db, app.livekit, phase.id).catch(() => {});
          const { phase: opened } = await openPhase(app.db, phase.id, person.personId);
          await roomsMade;
          await dispatchOpened(dispatchDeps(app), opened);
          return phaseUpdated(app.realtime.io, app.db, opened);
        }
        const closed = await closePhase(app.db, phase.id, person.personId);
        await dispatchClosed(dispatchDeps(app), closed);
        return phaseUpdated(app.realtime.io, app.db, closed);
      },
    );
  }

  app.post(
    '/api/phases/:phaseId/extend',
    {
      schema: {
        tags,
        summary: 'Give the groups more time',
        params: PhaseParams,
        body: ExtendInput,
        response: { 200: Phase },
      },
    },
    async (request) => {
      const person = await request.requirePerson();
      const { phase, actor } = await phaseAndActor(person.personId, request.params.phaseId);
      requireRight(can(actor, 'phase.run', { eventId: phase.eventId }), 'run working-group phases');
      return phaseUpdated(
        app.realtime.io,
        app.db,
        await extendPhase(app.db, phase.id, request.body.minutes, person.personId),
      );
    },
  );
};
export default phaseRoutes;
