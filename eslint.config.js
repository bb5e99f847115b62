import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.data/**',
      'migrations/**',
      'e2e/artifacts/**',
      '.cache/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // The rules of hooks and what React's compiler needs, checked by the React team's own plugin.
  { files: ['client/src/**/*.{ts,tsx}'], ...reactHooks.configs.flat.recommended },
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
