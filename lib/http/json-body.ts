import { readBodyBytes } from './body-bytes';
import { jsonNestingDepth, strictUtf8 } from './json-depth';

export const MAX_JSON_BODY_BYTES = 32 * 1024;

/** Deeper than any document the API takes; the limit keeps recursive validation off the stack's edge. */
export const MAX_JSON_DEPTH = 32;

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415 | 422; error: string };

/** Reads a JSON body, refusing oversized ones before parsing (and before reading them whole). */
export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<BodyResult> {
  const tooLarge = { ok: false, status: 413, error: `body must be at most ${maxBytes} bytes` } as const;
  if (Number(request.headers.get('content-length') ?? '0') > maxBytes) return tooLarge;
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) return { ok: false, status: 415, error: 'body must be application/json' };
  if (!request.body) return { ok: false, status: 422, error: 'body must be a JSON object' };
  const read = await readBodyBytes(request, maxBytes);
  if (!read.ok) return tooLarge;
  // A lenient decoder would turn bad bytes into U+FFFD and store a name nobody typed.
  const text = strictUtf8(read.bytes);
  if (text === null) return { ok: false, status: 400, error: 'body must be UTF-8 text' };
  if (jsonNestingDepth(text) > MAX_JSON_DEPTH)
    return { ok: false, status: 400, error: `body must not nest deeper than ${MAX_JSON_DEPTH} levels` };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: 422, error: 'body must be valid JSON' };
  }
}

/**
 * For a handler that reads the body itself (next-auth): what is wrong with a JSON body, read from a
 * copy so the handler still gets the original; null when there is no JSON body or nothing is wrong.
 */
export async function jsonBodyProblem(request: Request): Promise<{ status: 400 | 413 | 415 | 422; error: string } | null> {
  if (request.method !== 'POST' || !/application\/json/i.test(request.headers.get('content-type') ?? '')) return null;
  const read = await readJsonBody(request.clone());
  return read.ok ? null : read;
}
