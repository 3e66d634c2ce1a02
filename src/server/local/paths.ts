import { resolve } from 'node:path';

/** The repository root (this file is src/server/local/paths.ts). */
export const PROJECT_ROOT = resolve(__dirname, '..', '..', '..');

export const DEFAULT_FUNCTIONS_DIR = resolve(PROJECT_ROOT, 'cloudfunctions');
/** The H5 build; `SIYU_WEB_DIR` serves another (a build made with SIYU_OUTPUT_ROOT). */
export const DEFAULT_WEB_DIR = process.env.SIYU_WEB_DIR ? resolve(process.env.SIYU_WEB_DIR) : resolve(PROJECT_ROOT, 'dist', 'h5');
export const PLACEHOLDER_DIR = resolve(PROJECT_ROOT, 'public', 'placeholder');
export const ASSETS_DIR = resolve(PROJECT_ROOT, 'assets');

/** The database file inside a data directory given to startLocalCloud. */
export const DATA_FILE_NAME = 'siyu.sqlite';
