import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '.data/**', 'migrations/**', 'e2e/artifacts/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration in server/src/config.ts only.',
        },
      ],
    },
  },
  {
    files: [
      'server/src/config.ts',
      'scripts/**',
      'bench/**',
      'e2e/**',
      '**/*.test.ts',
      'server/src/test/**',
      'server/drizzle.config.ts',
      'server/src/cli/**',
      // Looks for the LiveKit binary as a shell would (LIVEKIT_BIN, PATH, the XDG cache), also
      // for scripts and tests that have no Config.
      'server/src/features/livekit/binary.ts',
      'client/vite.config.ts',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
);
