import fp from 'fastify-plugin';
import { dropHandsOfLeavers } from './sweep.ts';

export interface HandsOptions {
  /** How often this node looks for hands whose owner left the event. */
  sweepMs?: number;
}

/**
 * Raised hands outlive a reload but not a departure: every node looks now and then for hands
 * whose owner's last connection has been gone for a while (sweep.ts). Nothing waits in memory.
 */
export default fp<HandsOptions>(
  async (app, opts) => {
    let running = false;
    const sweep = async () => {
      if (running || app.realtime.closing) return;
      running = true;
      try {
        const dropped = await dropHandsOfLeavers(app.realtime);
        if (dropped.length)
          app.log.info({ hands: dropped.length }, 'hands of people who left dropped');
      } catch (err) {
        app.log.warn({ err }, 'hand sweep failed; retrying');
      } finally {
        running = false;
      }
    };
    const timer = setInterval(() => void sweep(), opts.sweepMs ?? 2000);
    timer.unref();
    app.addHook('preClose', async () => clearInterval(timer));
  },
  { name: 'hands', dependencies: ['db', 'socket-io'] },
);
