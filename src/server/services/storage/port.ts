import { AppError } from '../../../core/errors';
import type { Runtime } from '../../kit/types';

/**
 * Cloud storage: CloudBase storage through @cloudbase/node-sdk in
 * production, files under the data directory in the local cloud. Documents
 * keep the `cloud://` fileID, never a URL (temporary URLs expire).
 */
export interface FileStorage {
  /** Writes (or overwrites) `path` inside the bucket, e.g. `exports/orders-20260101.csv`; answers its fileID. */
  putFile(path: string, bytes: Buffer, contentType: string): Promise<{ fileID: string }>;
  /** A URL that serves the file now (on CloudBase it expires; locally it does not). */
  tempUrl(fileID: string): Promise<string>;
}

export const storageErrors = {
  unavailable: () => new AppError('STORAGE_UNAVAILABLE', '文件存储暂不可用，请稍后再试'),
  fileNotFound: (fileID: string) => new AppError('FILE_NOT_FOUND', '文件不存在或已删除', { fileID }),
};

/** The runtime's storage; STORAGE_UNAVAILABLE when none is wired. */
export function fileStorageOf(runtime: Runtime): FileStorage {
  if (!runtime.storage) throw storageErrors.unavailable();
  return runtime.storage;
}
