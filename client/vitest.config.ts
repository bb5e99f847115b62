import { defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts: tests cover plain modules in lib/ and features/ and need no
// React plugin or dev-server proxy.
export default defineConfig({
  test: { name: 'client', environment: 'node', include: ['src/**/*.test.ts'] },
});
