/**
 * `npm run build:functions`: every cloudfunctions/<name>/index.ts bundles into a
 * self-contained CommonJS index.js exporting `main`, with only the SDK external,
 * and never the local cloud.
 */
import { mkdtempSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import {
  BUNDLE_TARGET,
  CLOUDBASERC_FILE,
  buildAllFunctions,
  buildFunction,
  findForbiddenInputs,
  listFunctions,
  readTriggers,
  renderCloudbaserc,
} from '../../scripts/build-functions';

const repoRoot = path.resolve(__dirname, '..', '..');

describe('build:functions', () => {
  let built: Awaited<ReturnType<typeof buildAllFunctions>>;

  beforeAll(async () => {
    built = await buildAllFunctions();
  });

  test('builds every function that has an index.ts, system included', () => {
    expect(built.map((b) => b.name)).toEqual(listFunctions());
    expect(built.map((b) => b.name)).toContain('system');
    expect(built.map((b) => b.name)).toContain('stats');
    for (const fn of built) expect(fn.bytes).toBeGreaterThan(0);
    expect(BUNDLE_TARGET).toBe('node16');
  });

  test('each bundle requires only Node built-ins and the packages its package.json declares', () => {
    for (const fn of built) {
      const code = readFileSync(fn.outfile, 'utf8');
      const manifest = JSON.parse(readFileSync(path.join(path.dirname(fn.outfile), 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
      };
      const declared = Object.keys(manifest.dependencies ?? {});
      const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
      const packages = required.filter((r) => !r.startsWith('node:') && !isBuiltin(r));
      for (const pkg of packages) expect(declared).toContain(pkg);
      expect(code).not.toMatch(/better-sqlite3/);
      expect(code).not.toMatch(/src\/server\/local\//);
    }
  });

  test('each bundle is CommonJS exporting main(event, context)', () => {
    for (const fn of built) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const bundle = require(fn.outfile) as { main?: unknown };
      expect(typeof bundle.main).toBe('function');
    }
  });

  test('the system bundle, with no openid, answers UNAUTHENTICATED through the production runtime, offline', async () => {
    const system = built.find((fn) => fn.name === 'system')!;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { main } = require(system.outfile) as { main: (event: unknown, context?: unknown) => Promise<unknown> };
    // The bundle carries its own kit, so nothing is installed in it: main creates the CloudBase
    // runtime lazily, and refusing an anonymous call never initialises the SDK or its network.
    await expect(main({ action: 'ping', data: {} }, { request_id: 'req-1' })).resolves.toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: expect.any(String) },
    });
    await expect(main('not an event', {})).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});

describe('deployment description', () => {
  test('cloudbaserc.json is what the build derives from the function folders (else: npm run build:functions)', () => {
    expect(readFileSync(CLOUDBASERC_FILE, 'utf8')).toBe(renderCloudbaserc());
    const rc = JSON.parse(renderCloudbaserc()) as { envId: string; functions: Array<Record<string, unknown>> };
    expect(rc.envId).toBe('{{env.ENV_ID}}');
    const system = rc.functions.find((f) => f.name === 'system');
    expect(system).toMatchObject({ handler: 'index.main', timeout: 60, runtime: expect.stringMatching(/^Nodejs1[68]\./) });
    expect(system?.triggers).toEqual([{ name: 'heartbeat', type: 'timer', config: '0 * * * * * *' }]);
  });

  test('timer triggers use CloudBase 7-field cron (sec min hour day month week year)', () => {
    for (const name of listFunctions()) {
      for (const trigger of readTriggers(name)) {
        expect(trigger.name).toMatch(/^[A-Za-z][A-Za-z0-9_-]{0,59}$/);
        expect(trigger.config.trim().split(/\s+/)).toHaveLength(7);
      }
    }
  });
});

describe('refusing the local cloud in a bundle', () => {
  test('findForbiddenInputs names better-sqlite3 and src/server/local inputs', () => {
    expect(
      findForbiddenInputs([
        'src/server/kit/index.ts',
        'node_modules/better-sqlite3/lib/index.js',
        'src/server/local/db/index.ts',
        'node_modules/zod/v4/core/core.js',
      ]).map((f) => f.input),
    ).toEqual(['node_modules/better-sqlite3/lib/index.js', 'src/server/local/db/index.ts']);
  });

  test('a function that imports better-sqlite3 fails to build', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'siyu-fn-'));
    try {
      mkdirSync(path.join(root, 'bad'));
      const sqlite = path.join(repoRoot, 'node_modules', 'better-sqlite3');
      writeFileSync(path.join(root, 'bad', 'index.ts'), `import Database from ${JSON.stringify(sqlite)};\nexport const main = async () => typeof Database;\n`);
      await expect(buildFunction('bad', { root, write: false })).rejects.toThrow(/must not bundle better-sqlite3/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

function isBuiltin(name: string): boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('module') as { builtinModules: string[] }).builtinModules.includes(name.split('/')[0]);
}
