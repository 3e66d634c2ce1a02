// `npm run size`: package sizes of the weapp release build against WeChat's limits.
// Builds first (NODE_ENV=production npm run build:weapp) unless --no-build, then reads
// dist/weapp/app.json: every file under a subpackage root belongs to that subpackage,
// everything else to the main package. Sizes are the bytes of the files as uploaded.
// Exit 1 when a WeChat limit or our own budget (main package ≤ 400 KB, issues 12 and 15)
// is exceeded, 2 when the build fails or there is no build.
//   --no-build   measure the existing dist/weapp
//   --top N      list the N largest files of the main package (default 8, 0 for none)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const KB = 1024;
const MB = 1024 * KB;
const LIMITS = {
  main: 2 * MB, // WeChat: main package
  subpackage: 2 * MB, // WeChat: each subpackage
  total: 20 * MB, // WeChat: all packages together
};
const BUDGET_MAIN = 400 * KB; // ours: the main package loads before the first screen

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(root, 'dist', 'weapp');
const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 8;

function runBuild() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  console.log('building the weapp release: NODE_ENV=production npm run build:weapp …');
  const result = spawnSync(npm, ['run', 'build:weapp'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * MB,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    // Taro's progress output is noise on success; on failure show its end.
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n').slice(-60).join('\n');
    console.error(`${output}\nbuild failed (exit ${result.status ?? result.signal}); nothing measured`);
    process.exit(2);
  }
}

/** Every file under dir, as [path relative to distDir with '/', bytes]. */
function listFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(path));
    else if (entry.isFile()) files.push([relative(distDir, path).split(sep).join('/'), statSync(path).size]);
  }
  return files;
}

function subpackageRoots(appJson) {
  const packages = appJson.subPackages ?? appJson.subpackages ?? [];
  return packages.map((p) => String(p.root).replace(/^\/+|\/+$/g, '') + '/');
}

const formatSize = (bytes) => (bytes >= MB ? `${(bytes / MB).toFixed(2)} MB` : `${(bytes / KB).toFixed(1)} KB`);
const pad = (text, width) => String(text).padEnd(width);
const padLeft = (text, width) => String(text).padStart(width);

if (build) runBuild();
const appJsonPath = join(distDir, 'app.json');
if (!existsSync(appJsonPath)) {
  console.error(`no weapp build at ${relative(root, distDir)} (run without --no-build)`);
  process.exit(2);
}

const roots = subpackageRoots(JSON.parse(readFileSync(appJsonPath, 'utf8')));
const files = listFiles(distDir);
const sizes = new Map([['main', 0], ...roots.map((r) => [r, 0])]);
const mainFiles = [];
for (const [path, bytes] of files) {
  const owner = roots.find((r) => path.startsWith(r)) ?? 'main';
  sizes.set(owner, sizes.get(owner) + bytes);
  if (owner === 'main') mainFiles.push([path, bytes]);
}
const total = files.reduce((sum, [, bytes]) => sum + bytes, 0);

const rows = [
  ['main package', sizes.get('main'), LIMITS.main, BUDGET_MAIN],
  ...roots.map((r) => [`subpackage ${r}`, sizes.get(r), LIMITS.subpackage, null]),
  ['total', total, LIMITS.total, null],
];
const nameWidth = Math.max(...rows.map(([name]) => name.length)) + 2;
console.log(`\nweapp package sizes (${relative(root, distDir)}, ${files.length} files)\n`);
console.log(`${pad('package', nameWidth)}${padLeft('size', 10)}${padLeft('WeChat limit', 14)}${padLeft('our budget', 12)}  status`);
let overLimit = false;
let overBudget = false;
for (const [name, bytes, limit, budget] of rows) {
  const over = bytes > limit;
  const overOurs = budget !== null && bytes > budget;
  overLimit ||= over;
  overBudget ||= overOurs;
  const status = over ? 'OVER WECHAT LIMIT' : overOurs ? 'OVER OUR BUDGET' : 'ok';
  const aimText = budget === null ? '' : `≤ ${formatSize(budget)}`;
  console.log(`${pad(name, nameWidth)}${padLeft(formatSize(bytes), 10)}${padLeft(`≤ ${formatSize(limit)}`, 14)}${padLeft(aimText, 12)}  ${status}`);
}

if (top > 0) {
  console.log(`\nlargest files of the main package:`);
  for (const [path, bytes] of mainFiles.sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${padLeft(formatSize(bytes), 10)}  ${path}`);
  }
}

if (overLimit) {
  console.error('\na WeChat package limit is exceeded: the upload would be refused');
  process.exit(1);
}
if (overBudget) {
  console.error('\nthe main package is over our budget: move a page or a component into a subpackage');
  process.exit(1);
}
