// Shared flat config for every package. Each package's eslint.config.js re-exports it,
// optionally adding its own rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export const ignores = {
  ignores: ['**/dist/**', '**/.next/**', '**/node_modules/**', '**/test-artifacts/**', '**/*.d.ts'],
};

export default tseslint.config(
  ignores,
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration in env.ts only.' },
      ],
    },
  },
  {
    // env.ts validates process.env; tests, benchmarks and scripts may read it too.
    files: ['**/env.ts', '**/*.test.ts', '**/*.int.test.ts', '**/test/**', '**/e2e/**', '**/bench/**', '**/scripts/**', '**/*.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
