import fp from 'fastify-plugin';
import { phaseUpdated } from './broadcast.ts';
import { dispatchClosed, dispatchDeps, dispatchOnConnect } from './dispatch.ts';
import { groupOfPersonNow } from './repository.ts';
import { registerHelpHandlers } from './help-socket.ts';
import { closeDuePhases } from './service.ts';
import phaseRoutes from './routes.ts';
import groupRoutes from './group-routes.ts';

export interface PhasesOptions {
  /** How often this node looks for phases past their deadline. */
  deadlineCheckMs?: number;
}

/**
 * Working-group phases: routes, the moves they cause (dispatch.ts), what clients hear
 * (broadcast.ts), and the deadline check. The deadline lives in the database; every node checks
 * it, and the conditional UPDATE lets exactly one close it.
 */
export default fp<PhasesOptions>(
  async (app, opts) => {
    await app.register(phaseRoutes);
    await app.register(groupRoutes);

    // The socket layer knows no phases: it asks here where people belong, and adds our handlers.
    app.realtime.placeOf = (eventId, personId) => groupOfPersonNow(app.db, eventId, personId);
    app.realtime.socketHandlers.push(registerHelpHandlers);

    app.realtime.io.on('connection', (socket) => {
      if (socket.recovered) return; // a recovered socket kept its rooms and its media
      dispatchOnConnect(dispatchDeps(app), socket).catch((err) =>
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
          await dispatchClosed(dispatchDeps(app), phase);
          await phaseUpdated(app.realtime.io, app.db, phase);
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
