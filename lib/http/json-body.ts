import { readBodyBytes } from './body-bytes';

export const MAX_JSON_BODY_BYTES = 32 * 1024;

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 413 | 415 | 422; error: string };

/** Reads a JSON body, refusing oversized ones before parsing (and before reading them whole). */
export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<BodyResult> {
  const tooLarge = { ok: false, status: 413, error: `body must be at most ${maxBytes} bytes` } as const;
  if (Number(request.headers.get('content-length') ?? '0') > maxBytes) return tooLarge;
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) return { ok: false, status: 415, error: 'body must be application/json' };
  if (!request.body) return { ok: false, status: 422, error: 'body must be a JSON object' };
  const read = await readBodyBytes(request, maxBytes);
  if (!read.ok) return tooLarge;
  try {
    return { ok: true, value: JSON.parse(Buffer.from(read.bytes).toString('utf8')) };
  } catch {
    return { ok: false, status: 422, error: 'body must be valid JSON' };
  }
}
