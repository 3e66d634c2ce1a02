import type { Runtime } from './types';

let installed: Runtime | null = null;

/** The local cloud and tests install their runtime before calling any function. */
export function installRuntime(runtime: Runtime): void {
  installed = runtime;
}

/** Forgets the installed runtime (tests). */
export function uninstallRuntime(): void {
  installed = null;
}

/**
 * The installed runtime; on CloudBase, where nothing installs one, the
 * production runtime on @cloudbase/node-sdk, created on first use. It is
 * required here, not imported at the top, so that the local cloud never loads
 * the SDK path unless asked.
 */
export function getRuntime(): Runtime {
  if (!installed) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createCloudbaseRuntime } = require('../cloudbase/runtime') as typeof import('../cloudbase/runtime');
    const production = createCloudbaseRuntime();
    installed = production;
    return production;
  }
  return installed;
}
