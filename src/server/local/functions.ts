import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FunctionContext } from '../kit/types';
import { parseCloudbaseCron, type CloudbaseCron } from './timers/cron';

export type FunctionMain = (event: unknown, context: FunctionContext) => Promise<unknown>;

export interface TimerTrigger {
  name: string;
  cron: CloudbaseCron;
}

export interface LocalFunction {
  name: string;
  dir: string;
  main: FunctionMain;
  triggers: TimerTrigger[];
}

/** CloudBase function names: a letter, then letters, digits, `-` and `_`, at most 60. */
const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;
const TRIGGER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;

/**
 * Every `<functionsDir>/<name>/index.ts`, required in-process (tsx and jest
 * both load TypeScript), with the timer triggers of its `config.json`.
 */
export function loadFunctions(functionsDir: string): Map<string, LocalFunction> {
  const functions = new Map<string, LocalFunction>();
  if (!existsSync(functionsDir)) return functions;
  for (const entry of readdirSync(functionsDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !FUNCTION_NAME.test(entry.name)) continue;
    const dir = join(functionsDir, entry.name);
    const entryFile = join(dir, 'index.ts');
    if (!existsSync(entryFile)) continue;
    functions.set(entry.name, { name: entry.name, dir, main: loadMain(entryFile), triggers: readTriggers(dir) });
  }
  return functions;
}

function loadMain(entryFile: string): FunctionMain {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(entryFile) as { main?: unknown; default?: { main?: unknown } };
  const main = loaded.main ?? loaded.default?.main;
  if (typeof main !== 'function') throw new Error(`${entryFile} does not export main(event, context)`);
  return main as FunctionMain;
}

function readTriggers(dir: string): TimerTrigger[] {
  const configFile = join(dir, 'config.json');
  if (!existsSync(configFile)) return [];
  const config = JSON.parse(readFileSync(configFile, 'utf8')) as { triggers?: unknown };
  if (config.triggers === undefined) return [];
  if (!Array.isArray(config.triggers)) throw new Error(`${configFile}: triggers must be an array`);
  // CloudBase takes one trigger per function ("目前仅支持一个触发器"); refuse here what deploying would refuse.
  if (config.triggers.length > 1) {
    throw new Error(`${configFile}: CloudBase allows one trigger per function, found ${config.triggers.length}; run several jobs from one trigger's action`);
  }
  const triggers: TimerTrigger[] = [];
  for (const raw of config.triggers as Array<Record<string, unknown>>) {
    if (raw?.type !== 'timer') continue;
    if (typeof raw.name !== 'string' || !TRIGGER_NAME.test(raw.name)) {
      throw new Error(`${configFile}: trigger name ${JSON.stringify(raw.name)} must start with a letter and use a-z A-Z 0-9 - _ (max 60)`);
    }
    if (triggers.some((t) => t.name === raw.name)) throw new Error(`${configFile}: duplicate trigger ${raw.name}`);
    if (typeof raw.config !== 'string') throw new Error(`${configFile}: trigger ${raw.name} needs a cron string in config`);
    triggers.push({ name: raw.name, cron: parseCloudbaseCron(raw.config) });
  }
  return triggers;
}
