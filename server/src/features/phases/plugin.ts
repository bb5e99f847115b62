import fp from 'fastify-plugin';
import type { HelpRequest, Notes, Phase } from '@plenum/shared';
import { socketRoom } from '../../realtime/rooms.ts';
import {
  dispatchClosed,
  dispatchMoved,
  dispatchOnConnect,
  dispatchOpened,
  type DispatchDeps,
} from './dispatch.ts';
import { helpAudience } from './help.ts';
import { groupOfPersonNow, toPhase, type PhaseRow } from './repository.ts';
import { registerHelpHandlers } from './help-socket.ts';
import { closeDuePhases } from './service.ts';
import phaseRoutes from './routes.ts';
import groupRoutes from './group-routes.ts';

/** What happens after a phase change was stored: clients hear about it and move. */
export interface PhaseEvents {
  opened(phase: PhaseRow): Promise<void>;
  closed(phase: PhaseRow): Promise<void>;
  moved(phase: PhaseRow, personId: string, roomId: string): Promise<void>;
  /** Sends the phase as it is now to the whole event, and returns it. */
  updated(phase: PhaseRow): Promise<Phase>;
  notesSaved(phase: PhaseRow, notes: Notes): Promise<void>;
  helpRequested(phase: PhaseRow, help: HelpRequest): Promise<void>;
}

export interface PhasesOptions {
  /** How often this node looks for phases past their deadline. */
  deadlineCheckMs?: number;
}

/**
 * Working-group phases: routes, the moves they cause, and the deadline check. The deadline lives
 * in the database; every node checks it, and the conditional UPDATE lets exactly one close it.
 */
export default fp<PhasesOptions>(
  async (app, opts) => {
    const deps = (): DispatchDeps => ({
      db: app.db,
      io: app.realtime.io,
      livekit: app.livekit,
      presence: app.realtime.presence,
    });
    const events: PhaseEvents = {
      opened: (phase) => dispatchOpened(deps(), phase),
      closed: (phase) => dispatchClosed(deps(), phase),
      moved: (phase, personId, roomId) => dispatchMoved(deps(), phase, personId, roomId),
      async updated(phase) {
        const view = await toPhase(app.db, phase);
        app.realtime.io.to(socketRoom.event(phase.eventId)).emit('phase:updated', view);
        return view;
      },
      async notesSaved(phase, notes) {
        // The group's room (members and visitors) and those who may read it from elsewhere.
        const readers = await helpAudience(app.db, phase.eventId, notes.roomId);
        app.realtime.io
          .to([socketRoom.room(notes.roomId), ...readers])
          .emit('notes:updated', notes);
      },
      async helpRequested(phase, help) {
        app.realtime.io
          .to(await helpAudience(app.db, phase.eventId, help.roomId))
          .emit('help:requested', help);
      },
    };

    await app.register(phaseRoutes, { events });
    await app.register(groupRoutes, { events });

    // The socket layer knows no phases: it asks here where people belong, and adds our handlers.
    app.realtime.placeOf = (eventId, personId) => groupOfPersonNow(app.db, eventId, personId);
    app.realtime.socketHandlers.push(registerHelpHandlers);

    app.realtime.io.on('connection', (socket) => {
      if (socket.recovered) return; // a recovered socket kept its rooms and its media
      dispatchOnConnect(deps(), socket).catch((err) =>
        app.log.warn({ err }, 'could not send the group to a fresh connection'),
      );
    });

    let running = false;
    const checkDeadlines = async () => {
      if (running) return;
      running = true;
      try {
        for (const phase of await closeDuePhases(app.db)) {
          app.log.info({ phaseId: phase.id }, 'phase closed at its deadline');
          await events.closed(phase);
          await events.updated(phase);
        }
      } catch (err) {
        app.log.warn({ err }, 'deadline check failed; retrying');
      } finally {
        running = false;
      }
    };
    const timer = setInterval(checkDeadlines, opts.deadlineCheckMs ?? 2000);
    timer.unref();
    app.addHook('onReady', checkDeadlines);
    app.addHook('preClose', async () => clearInterval(timer));
  },
  { name: 'phases', dependencies: ['db', 'socket-io', 'livekit'] },
);
