import { ok, refused, type Result } from '@/lib/errors/result';

/** Reads a raw request body, stopping as soon as it grows past `maxBytes` instead of buffering it all. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Result<{ bytes: Uint8Array }>> {
  const tooLarge = refused(
    'too-large',
    `must be at most ${maxBytes >= 1024 * 1024 ? `${maxBytes / (1024 * 1024)} MB` : `${maxBytes} bytes`}`,
  );
  if (Number(request.headers.get('content-length') ?? '0') > maxBytes) return tooLarge;
  if (!request.body) return ok({ bytes: new Uint8Array() });
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return tooLarge;
    }
    chunks.push(value);
  }
  return ok({ bytes: new Uint8Array(Buffer.concat(chunks)) });
}
