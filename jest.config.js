/** Every unit, service, function and native test. E2E tests run with `npm run test:e2e`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['<rootDir>/tests/{unit,services,functions,native}/**/*.test.{ts,tsx,js}'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } } }],
  },
  testTimeout: 30000,
};
