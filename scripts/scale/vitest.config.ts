import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** By file name: the rehearsal first, the failover (which kills a node for good) after it. */
class ByName extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
}

/**
 * `npm run test:scale`: two app nodes and two LiveKit nodes behind Caddy (scripts/scale/cluster.ts),
 * started once for these files, which run one after the other (one kills an app node).
 * Apart from vitest.config.ts so that `npm test` does not start a cluster; .ci/run runs both and
 * counts both reports.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    name: 'scale',
    include: ['scripts/scale/**/*.scale.ts'],
    globalSetup: ['scripts/scale/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    sequence: { sequencer: ByName },
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
