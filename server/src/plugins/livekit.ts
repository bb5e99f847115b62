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
    app.decorate('livekit', {
      ...opts,
      rooms,
      known: new KnownLivekitRooms(),
      ping: async () => {
        try {
          await withTimeout(rooms.listRooms(), 2000);
          return true;
        } catch {
          return false;
        }
      },
    });
  },
  { name: 'livekit' },
);
