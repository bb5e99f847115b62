/**
 * Imported before anything that loads @livekit/rtc-node: its pino logger logs every connect at
 * debug level unless NODE_ENV is `production` when the module loads, which buries a benchmark's
 * table under hundreds of lines. `restoreNodeEnv` undoes it once rtc-node is loaded, so that
 * child processes forked later do not inherit it.
 */
const wasSet = 'NODE_ENV' in process.env;
const before = process.env.NODE_ENV;
process.env.NODE_ENV = 'production';

export function restoreNodeEnv() {
  if (wasSet) process.env.NODE_ENV = before;
  else delete process.env.NODE_ENV;
}
