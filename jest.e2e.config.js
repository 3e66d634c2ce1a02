/** End-to-end tests: Playwright (playwright-core) driving Debian's Chromium against the local cloud. */
const base = require('./jest.config');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
  testTimeout: 120000,
  maxWorkers: 1,
};
