import config from '@switchyard/eslint-config';

// Root-level files: scripts/, bench/, tooling. Packages lint themselves.
export default [
  ...config,
  { ignores: ['apps/**', 'packages/**'] },
];
