import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Fault tests break real processes (the app, Postgres, Redis, LiveKit) that they start themselves;
// they run one file at a time so that a kill in one cannot disturb another's timing.
const faultTests = 'server/src/test/faults/**/*.fault.ts';

export default defineConfig({
  test: {
    globalSetup: ['server/src/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker less than the cores: one on a 2-core machine, where files then
    // run one after the other and the machine idles while each fork loads its imports and while
    // tests wait on Postgres, LiveKit or Chromium (CI 18.8 min serial, main project 13 → 7.5 min
    // with two). Fault tests stay one at a time (below).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          include: [
            'shared/src/**/*.test.ts',
            'server/src/**/*.test.ts',
            'client/src/**/*.test.{ts,tsx}',
            'scripts/**/*.test.ts',
            'deploy/**/*.test.ts',
            'bench/**/*.test.ts',
            // Browser tests: real Chromium, real LiveKit; each file sets its own long timeouts.
            'e2e/**/*.e2e.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'faults',
          include: [faultTests],
          fileParallelism: false,
          testTimeout: 180_000,
        },
      },
    ],
  },
});
