import { AppError } from '../errors';

/** Largest image accepted, on the client (before upload) and by the upload endpoint. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp';

export const IMAGE_EXTENSIONS: Readonly<Record<ImageType, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

export const isImageType = (value: string): value is ImageType => Object.prototype.hasOwnProperty.call(IMAGE_EXTENSIONS, value);

export const IMAGE_TOO_LARGE = 'IMAGE_TOO_LARGE';
export const NOT_AN_IMAGE = 'NOT_AN_IMAGE';
export const IMAGE_TOO_LARGE_MESSAGE = '图片不能超过 2 MB，请压缩后再上传';
export const NOT_AN_IMAGE_MESSAGE = '只能上传 PNG、JPG 或 WebP 图片';

export const imageErrors = {
  tooLarge: () => new AppError(IMAGE_TOO_LARGE, IMAGE_TOO_LARGE_MESSAGE, { maxBytes: MAX_IMAGE_BYTES }),
  notAnImage: () => new AppError(NOT_AN_IMAGE, NOT_AN_IMAGE_MESSAGE),
};

/**
 * The image type the bytes really are, from their magic numbers (a declared
 * content-type proves nothing): PNG signature, JPEG SOI marker, RIFF….WEBP.
 */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const starts = (offset: number, ...signature: number[]) =>
    bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);
  if (starts(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0, 0x52, 0x49, 0x46, 0x46) && starts(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return null;
}
