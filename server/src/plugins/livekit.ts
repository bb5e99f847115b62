import fp from 'fastify-plugin';
import { RoomServiceClient } from 'livekit-server-sdk';
import { withTimeout } from './redis.ts';
import { KnownLivekitRooms } from '../features/livekit/known-rooms.ts';

export interface LivekitOptions {
  /** ws(s):// URL the browser and the server use to reach LiveKit. */
  url: string;
  /** Server-side address of LiveKit's API; defaults to `url`. */
  apiUrl?: string;
  apiKey: string;
  apiSecret: string;
}

export interface LivekitHandle extends LivekitOptions {
  rooms: RoomServiceClient;
  /** Rooms this node created a moment ago: token requests skip creating them again. */
  known: KnownLivekitRooms;
  /** True only when the RoomService API answers. */
  ping(): Promise<boolean>;
}

declare module 'fastify' {
  interface FastifyInstance {
    livekit: LivekitHandle;
  }
}

/** The server's LiveKit connection. Starting an embedded LiveKit is server.ts's job, not this one. */
export default fp<LivekitOptions>(
  async (app, opts) => {
    const httpUrl = (opts.apiUrl ?? opts.url).replace(/^ws/, 'http');
    const rooms = new RoomServiceClient(httpUrl, opts.apiKey, opts.apiSecret);
    const ping = async () => {
      try {
        await withTimeout(rooms.listRooms(), 2000);
        return true;
      } catch {
        return false;
      }
    };
    app.decorate('livekit', { ...opts, rooms, known: new KnownLivekitRooms(), ping });
    // The first LiveKit call of a process loads Node's fetch (undici, its WebAssembly parser) and
    // the SDK's request signing: ~0.1–0.2 s of a core. Without this the first phase open paid it,
    // beside its transaction (bench/README.md, phase-open, 2026-12-02 21:00). Not awaited: a
    // LiveKit that is down must not hold up the start; its answer does not matter.
    app.addHook('onReady', async () => void ping());
  },
  { name: 'livekit' },
);
