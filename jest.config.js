/**
 * Every unit, service, function and native test (`npm test`). E2E tests run
 * with `npm run test:e2e`. UI tests opt into jsdom with a
 * `@jest-environment jsdom` docblock; Taro modules map to small mocks there.
 */
const os = require('node:os');

module.exports = {
  testEnvironment: 'node',
  // At least two workers: on 2 cores Jest's default (cores − 1) runs the whole suite in its own process, which
  // took 951 s on this kind of machine against 204 s in two workers.
  maxWorkers: Math.max(2, os.cpus().length - 1),
  roots: ['<rootDir>/tests'],
  testMatch: ['<rootDir>/tests/{unit,services,functions,native}/**/*.test.{ts,tsx,js}'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } },
        module: { type: 'commonjs' },
      },
    ],
  },
  // uCharts (the dashboard's chart library) ships an ES module.
  transformIgnorePatterns: ['/node_modules/(?!@qiun/ucharts/)'],
  moduleNameMapper: {
    '^@tarojs/components$': '<rootDir>/tests/mocks/taro-components.tsx',
    '^@tarojs/taro$': '<rootDir>/tests/mocks/taro.ts',
    '\\.(css|scss|sass)$': '<rootDir>/tests/mocks/style.js',
    '\\.(png|jpe?g|gif|svg)$': '<rootDir>/tests/mocks/file.js',
    '^@/(.*)$': '<rootDir>/src/$1',
  },
  setupFiles: ['<rootDir>/tests/mocks/env.js'],
  testTimeout: 30000,
};
