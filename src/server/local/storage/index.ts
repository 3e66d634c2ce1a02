export {
  createLocalFileStorage,
  localFileId,
  LOCAL_BUCKET_SEGMENT,
  LOCAL_STORAGE_BUCKET,
  LOCAL_STORAGE_ENV,
  STORAGE_DIR_NAME,
  type LocalFileStorage,
  type LocalFileStorageOptions,
} from './local-file-storage';
export { servedFileHeaders } from './served-headers';
