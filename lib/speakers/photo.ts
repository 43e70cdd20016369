import { vmsg } from '@/lib/validation/message';
import { invalid, ok, refused, type Failure, type Result } from '@/lib/errors/result';

export const MAX_PHOTO_BYTES = 1024 * 1024;

export type PhotoType = 'image/png' | 'image/jpeg' | 'image/webp';
/**
 * A refused photo names the field, as the upload route's 413 and 422 bodies do; its sentence is the
 * validation key alone, which the upload form words in the reader's language.
 */
export type PhotoCheck = Result<{ type: PhotoType; dataUrl: string }>;

const refusedPhoto = (code: 'invalid' | 'too-large', message: string): Failure =>
  code === 'invalid' ? { ...invalid({ photo: message }), error: message } : { ...refused(code, message), fields: { photo: message } };

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/**
 * What the bytes really are, by their signatures, whatever name or content type the browser sent.
 * Only PNG, JPEG and WebP pass: no SVG (it can carry script) and nothing that merely claims to be
 * an image.
 */
export function sniffPhotoType(bytes: Uint8Array): PhotoType | null {
  if (bytes.length < 16) return null;
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((b, i) => bytes[i] === b) && ascii(bytes, 12, 16) === 'IHDR') return 'image/png';
  // SOI then the first segment's marker (APPn, DQT, SOFn, COM…).
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff && bytes[3]! >= 0xc0 && bytes[3]! !== 0xff) return 'image/jpeg';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP' && ['VP8 ', 'VP8L', 'VP8X'].includes(ascii(bytes, 12, 16)))
    return 'image/webp';
  return null;
}

/** Validates an uploaded photo and turns it into the data: URL stored in speakers.photo. */
export function photoDataUrl(bytes: Uint8Array): PhotoCheck {
  if (bytes.length === 0) return refusedPhoto('invalid', vmsg('photoType'));
  if (bytes.length > MAX_PHOTO_BYTES) return refusedPhoto('too-large', vmsg('photoTooBig'));
  const type = sniffPhotoType(bytes);
  if (!type) return refusedPhoto('invalid', vmsg('photoType'));
  return ok({ type, dataUrl: `data:${type};base64,${Buffer.from(bytes).toString('base64')}` });
}

const STORED = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

/** A stored photo fit for an <img src>, or null: checked again on the way out. */
export function safePhotoSrc(photo: string | null | undefined): string | null {
  return photo && photo.length <= MAX_PHOTO_BYTES * 1.4 && STORED.test(photo) ? photo : null;
}
