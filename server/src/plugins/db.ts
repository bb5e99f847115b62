import fp from 'fastify-plugin';
import { openDatabase, type Db, type DbHandle } from '../db/client.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    database: DbHandle;
  }
}

/** Opens Postgres (or PGlite), applies the migrations, and closes it with the app. */
export default fp<{ databaseUrl?: string; dataDir: string; poolMax?: number }>(
  async (app, opts) => {
    const handle = await openDatabase(opts);
    await handle.migrate();
    app.decorate('database', handle);
    app.decorate('db', handle.db);
    app.addHook('onClose', () => handle.close());
  },
  { name: 'db' },
);
