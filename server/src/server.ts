import { ConfigError, loadConfig } from './config.ts';
import { closeOnSignals, startServer } from './runtime.ts';

/** Production entry: config from the environment, listen, stop cleanly on signals. */
try {
  const config = loadConfig();
  const server = await startServer(config);
  closeOnSignals(server, { drainDelayMs: config.drainDelayMs });
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  console.error(err);
  process.exit(1);
}
