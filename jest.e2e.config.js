/** End-to-end tests: Playwright (playwright-core) driving Debian's Chromium against the local cloud. */
const base = require('./jest.config');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
  testTimeout: 120000,
  maxWorkers: 1,
  // Every test fails on a console error or an uncaught error in the pages it drove.
  setupFilesAfterEnv: ['<rootDir>/tests/e2e/support/console-guard.ts'],
};
