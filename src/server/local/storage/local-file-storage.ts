import { mkdirSync, mkdtempSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { formatFileId, parseFileId, storageRoutePath } from '../../../core/storage/file-id';
import { storageErrors, type FileStorage } from '../../services/storage/port';

/** The local cloud's one environment and bucket: fileIDs look like CloudBase's, `cloud://siyu-local.siyu-local-bucket/<path>`. */
export const LOCAL_STORAGE_ENV = 'siyu-local';
export const LOCAL_STORAGE_BUCKET = 'siyu-local-bucket';
/** The first segment of the storage route: `/api/storage/siyu-local.siyu-local-bucket/...`. */
export const LOCAL_BUCKET_SEGMENT = `${LOCAL_STORAGE_ENV}.${LOCAL_STORAGE_BUCKET}`;
/** Stored files live in `<data dir>/storage/<path>`. */
export const STORAGE_DIR_NAME = 'storage';

export interface LocalFileStorage extends FileStorage {
  /** The directory holding the files. */
  readonly root: string;
  /** The file on disk for a path inside the bucket, or null when the path is not a safe relative path. */
  fileOf(segments: readonly string[]): string | null;
}

export interface LocalFileStorageOptions {
  /** Default: a fresh temporary directory (tests that never start the HTTP server). */
  root?: string;
  /** The local cloud's URL once it listens; temporary URLs are relative until then. */
  origin?: () => string | null;
}

export const localFileId = (path: string): string =>
  formatFileId({ env: LOCAL_STORAGE_ENV, bucket: LOCAL_STORAGE_BUCKET, path });

/** CloudBase storage emulated with plain files; temporary URLs never expire and there are no bucket permissions. */
export function createLocalFileStorage(options: LocalFileStorageOptions = {}): LocalFileStorage {
  let root = options.root ?? null;
  const rootDir = (): string => (root ??= mkdtempSync(join(tmpdir(), 'siyu-storage-')));
  const fileOf = (segments: readonly string[]): string | null =>
    segments.length > 0 && segments.every(isSafeSegment) ? join(rootDir(), ...segments) : null;

  return {
    get root() {
      return rootDir();
    },
    fileOf,
    async putFile(path, bytes) {
      const file = fileOf(path.split('/'));
      if (!file) throw new Error(`storage path ${JSON.stringify(path)} must be relative, without empty, "." or ".." segments`);
      mkdirSync(dirname(file), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
      writeFileSync(temp, bytes);
      renameSync(temp, file);
      return { fileID: localFileId(path) };
    },
    async tempUrl(fileID) {
      const ref = parseFileId(fileID);
      const route = storageRoutePath(fileID);
      const file = ref && ref.env === LOCAL_STORAGE_ENV && ref.bucket === LOCAL_STORAGE_BUCKET ? fileOf(ref.path.split('/')) : null;
      if (!route || !file || !isFile(file)) throw storageErrors.fileNotFound(fileID);
      return `${options.origin?.() ?? ''}${route}`;
    },
  };
}

/** A name CloudBase would also take as one path segment; never one that climbs out of the root, nor a half-written `.tmp`. */
function isSafeSegment(segment: string): boolean {
  // eslint-disable-next-line no-control-regex
  return segment !== '' && segment !== '.' && segment !== '..' && segment.length <= 255 && !/[\\\x00-\x1f]/.test(segment) && !segment.endsWith('.tmp');
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
