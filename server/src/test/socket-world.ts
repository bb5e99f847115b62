import { afterAll, afterEach, beforeAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { and, asc, eq } from 'drizzle-orm';
import { auditLog } from '../db/schema/index.ts';
import type { AppOptions } from '../app.ts';
import type { Config } from '../config.ts';
import { createTestApp, type TestApp } from './app.ts';
import { closeAll, listen, type ClientSocket } from './sockets.ts';
import { createWorld, type World } from './world.ts';

export interface SocketWorldOptions {
  /** Environment for loadConfig, over the test defaults. */
  env?: Record<string, string>;
  /** Options for buildApp, over the test defaults. */
  app?: Partial<AppOptions>;
  /** false for a file that only injects requests (see useTestApp). */
  listen?: boolean;
}

/**
 * One app on a fresh database, listening on a free loopback port, for a whole test file. Worlds
 * made with `world()` lose their sockets after each test; sockets pushed to `opened` are closed
 * after the file, before the app.
 */
export class SocketWorld {
  #test: TestApp | undefined;
  #url: string | undefined;
  readonly #worlds: World[] = [];
  /** Sockets a file keeps open across its tests; closed after the file. */
  readonly opened: ClientSocket[] = [];

  async start(options: SocketWorldOptions) {
    this.#test = await createTestApp(options.env, options.app);
    if (options.listen !== false) this.#url = await listen(this.#test.app);
  }

  /** After each test: the sockets of its worlds. */
  closeWorlds() {
    for (const w of this.#worlds.splice(0)) w.close();
  }

  async stop() {
    closeAll(...this.opened.splice(0));
    await this.#test?.close();
  }

  get #started(): TestApp {
    if (!this.#test) throw new Error('the test app starts in beforeAll; read it in a hook or test');
    return this.#test;
  }
  get app(): FastifyInstance {
    return this.#started.app;
  }
  /** The listening app's base URL, for real socket.io clients. */
  get url(): string {
    if (!this.#url) throw new Error('the test app listens in beforeAll (and not from useTestApp)');
    return this.#url;
  }
  get config(): Config {
    return this.#started.config;
  }
  get databaseUrl(): string {
    return this.#started.databaseUrl;
  }

  /** A second app on the same database, not listening: a restart, or another node. */
  restart = (): Promise<FastifyInstance> => this.#started.restart();

  /** A fresh event with its people (see createWorld); its sockets close after the test. */
  world = async (): Promise<World> => {
    const w = await createWorld(this.app, this.url);
    this.#worlds.push(w);
    return w;
  };

  /** The event's audit entries of this action, oldest first. */
  auditEntries = (eventId: string, action: string) =>
    this.app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.eventId, eventId), eq(auditLog.action, action)))
      .orderBy(asc(auditLog.id));

  /** How many audit entries of this action the event has. */
  audited = (eventId: string, action: string): Promise<number> =>
    this.app.db.$count(auditLog, and(eq(auditLog.eventId, eventId), eq(auditLog.action, action)));
}

/** Registers a SocketWorld's hooks for the file it is called in, at the top of that file. */
export function useSocketWorld(options: SocketWorldOptions = {}): SocketWorld {
  return registerHooks(new SocketWorld(), options);
}

/** The same for a file that only injects requests: the app does not listen. */
export function useTestApp(options: Omit<SocketWorldOptions, 'listen'> = {}): SocketWorld {
  return registerHooks(new SocketWorld(), { ...options, listen: false });
}

/** The vitest hooks of a SocketWorld (or a subclass); beforeAll/afterAll run in this order. */
export function registerHooks<W extends SocketWorld>(world: W, options: SocketWorldOptions = {}) {
  beforeAll(() => world.start(options));
  afterEach(() => world.closeWorlds());
  afterAll(() => world.stop());
  return world;
}
