// `npm run test:e2e`: the end-to-end tests in headless Chromium. They need
// Debian's chromium (CI installs it) and, once the Taro app exists, the H5 build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH).`);
  process.exit(1);
}
if (existsSync('config/index.ts') && !existsSync('dist/h5/index.html')) {
  const build = spawnSync('npm', ['run', 'build:h5'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const run = spawnSync('npx', ['jest', '-c', 'jest.e2e.config.js', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
