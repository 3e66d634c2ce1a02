// `npm start`: builds the H5 app when it is missing (once the Taro app exists),
// then runs the local cloud on PORT (8787) and 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Newest modification time of the app's sources (the server is not part of the H5 build). */
function newestAppSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== join(root, 'src/server')) newest = Math.max(newest, newestAppSource(path));
    } else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const builtIndex = join(root, 'dist/h5/index.html');
const hasApp = existsSync(join(root, 'config/index.ts'));
const stale = hasApp && (!existsSync(builtIndex) || statSync(builtIndex).mtimeMs < newestAppSource(join(root, 'src')));
if (stale) {
  console.log('the H5 app is missing or older than its sources: building it first (npm run build:h5)…');
  const build = spawnSync(npm, ['run', 'build:h5'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/local/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PORT: process.env.PORT || '8787', HOST: process.env.HOST || '127.0.0.1' },
});

// Ctrl-C reaches the child through the terminal's process group; a plain kill only reaches us.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (server.exitCode === null) server.kill(signal);
  });
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
