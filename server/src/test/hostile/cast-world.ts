import { createCast, type Cast } from '../authz/cast.ts';
import { handshake } from '../authz/verdicts.ts';
import { registerHooks, SocketWorld } from '../socket-world.ts';
import { tableFingerprint } from './fingerprint.ts';

/** The hostile-input files' ground: one app, the authorization cast in it, a fingerprint of it. */
export class CastWorld extends SocketWorld {
  #cast: Cast | undefined;

  override async start(...args: Parameters<SocketWorld['start']>) {
    await super.start(...args);
    this.#cast = await createCast(this.app);
  }

  get cast(): Cast {
    if (!this.#cast) throw new Error('the cast is made in beforeAll; read it in a hook or test');
    return this.#cast;
  }

  /** Count and checksum of every table: equal before and after means nothing was stored. */
  fingerprint = () => tableFingerprint(this.app.db);

  /** A socket of the cast's organizer, kept open until the file ends. */
  organizerSocket = async () => {
    const { socket, refused } = await handshake(
      this.url,
      this.cast.cookie('organizer'),
      this.cast.slug,
    );
    if (!socket) throw new Error(`organizer could not connect: ${refused}`);
    this.opened.push(socket);
    return socket;
  };
}

export const useCastWorld = () => registerHooks(new CastWorld());
