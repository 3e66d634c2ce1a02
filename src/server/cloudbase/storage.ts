import type { FileStorage } from '../services/storage/port';
import { storageErrors } from '../services/storage/port';

/** The two storage calls of @cloudbase/node-sdk's app that we use (`uploadFile`, `getTempFileURL`). */
export interface CloudbaseStorageClient {
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  getTempFileURL(options: { fileList: Array<{ fileID: string; maxAge?: number }> }): Promise<{
    fileList: Array<{ code?: string; fileID: string; tempFileURL: string }>;
  }>;
}

/** How long a temporary URL we hand out stays valid (CloudBase's default is a day). */
export const TEMP_URL_MAX_AGE_S = 2 * 3600;

/**
 * CloudBase storage through the server SDK. The SDK takes no content type:
 * COS serves a file by its name's extension, so callers name files with the
 * extension of their type (`.csv`, `.png`).
 */
export function createCloudbaseStorage(client: () => CloudbaseStorageClient): FileStorage {
  return {
    async putFile(path, bytes) {
      const { fileID } = await client().uploadFile({ cloudPath: path, fileContent: bytes });
      if (typeof fileID !== 'string' || fileID === '') throw storageErrors.unavailable();
      return { fileID };
    },
    async tempUrl(fileID) {
      const { fileList } = await client().getTempFileURL({ fileList: [{ fileID, maxAge: TEMP_URL_MAX_AGE_S }] });
      const entry = fileList?.find((item) => item.fileID === fileID) ?? fileList?.[0];
      if (!entry || (entry.code !== undefined && entry.code !== 'SUCCESS') || !entry.tempFileURL) throw storageErrors.fileNotFound(fileID);
      return entry.tempFileURL;
    },
  };
}
