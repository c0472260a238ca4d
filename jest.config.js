/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  // ts-jest transpiles each file alone (no type check) because tsconfig.json sets isolatedModules;
  // `npm run lint` (tsc) type-checks
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
  // after the summary, each suite skipped whole (no server or program for it here) and why
  reporters: ['default', '<rootDir>/test/support/skipped-suites-reporter.js'],
};
