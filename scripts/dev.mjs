// `npm run dev`: the local cloud restarted on change (tsx watch) and, once the
// Taro app exists, the H5 app rebuilt on change into dist/h5.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules/.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const children = [];
// The H5 dev server (config/index.ts devServer, port 10086) proxies /api with its own Origin: the only other origin the local cloud answers.
const allowedOrigins = process.env.SIYU_ALLOWED_ORIGINS ?? 'http://127.0.0.1:10086,http://localhost:10086';

function run(name, command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, PORT: process.env.PORT || '8787', SIYU_ALLOWED_ORIGINS: allowedOrigins } });
  child.on('exit', (code, signal) => {
    console.log(`[dev] ${name} exited (${signal ?? code})`);
    stopAll(code ?? 1);
  });
  children.push(child);
}

let stopping = false;
function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}

run('local cloud', bin('tsx'), ['watch', '--clear-screen=false', 'src/server/local/main.ts']);
if (existsSync(join(root, 'config/index.ts'))) {
  run('h5 build', bin('taro'), ['build', '--type', 'h5', '--watch']);
} else {
  console.log('[dev] no Taro app yet (config/index.ts): serving the placeholder page');
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(0));
