import { invalid, ok, refused, type Failure, type Result } from '@/lib/errors/result';
import { readBodyBytes } from './body-bytes';
import { jsonNestingDepth, strictUtf8 } from './json-depth';

export const MAX_JSON_BODY_BYTES = 32 * 1024;

/** Deeper than any document the API takes; the limit keeps recursive validation off the stack's edge. */
export const MAX_JSON_DEPTH = 32;

/** What the JSON body checks read of a request's headers: a WHATWG `Headers`, or the app server's own reader. */
export type HeaderReader = { get(name: string): string | null };

/** Reads a JSON body, refusing oversized ones before parsing (and before reading them whole). */
export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<Result<{ value: unknown }>> {
  const declared = declaredBodyProblem(request.headers, maxBytes);
  if (declared) return declared;
  if (!request.body) return invalid({ body: 'must be a JSON object' });
  const read = await readBodyBytes(request, maxBytes);
  if (!read.ok) return tooLargeBody(maxBytes);
  return parseJsonBytes(read.bytes);
}

/**
 * readJsonBody's answer for a body the app server has already received whole (lib/server/), so a
 * request answered there is refused or read exactly as the route would.
 */
export function jsonBodyFromBytes(headers: HeaderReader, bytes: Uint8Array, maxBytes = MAX_JSON_BODY_BYTES): Result<{ value: unknown }> {
  const declared = declaredBodyProblem(headers, maxBytes);
  if (declared) return declared;
  if (bytes.byteLength > maxBytes) return tooLargeBody(maxBytes);
  return parseJsonBytes(bytes);
}

function tooLargeBody(maxBytes: number): Failure {
  return refused('too-large', `body must be at most ${maxBytes} bytes`);
}

/** What the headers alone refuse: a declared length over the limit, or a type that is not JSON. */
function declaredBodyProblem(headers: HeaderReader, maxBytes: number): Failure | null {
  if (Number(headers.get('content-length') ?? '0') > maxBytes) return tooLargeBody(maxBytes);
  const type = headers.get('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) return refused('unsupported-type', 'body must be application/json');
  return null;
}

function parseJsonBytes(bytes: Uint8Array): Result<{ value: unknown }> {
  // A lenient decoder would turn bad bytes into U+FFFD and store a name nobody typed.
  const text = strictUtf8(bytes);
  if (text === null) return refused('malformed', 'body must be UTF-8 text');
  if (jsonNestingDepth(text) > MAX_JSON_DEPTH) return refused('malformed', `body must not nest deeper than ${MAX_JSON_DEPTH} levels`);
  try {
    return ok({ value: JSON.parse(text) as unknown });
  } catch {
    return invalid({ body: 'must be valid JSON' });
  }
}

/**
 * For a handler that reads the body itself (next-auth): what is wrong with a JSON body, read from a
 * copy so the handler still gets the original; null when there is no JSON body or nothing is wrong.
 */
export async function jsonBodyProblem(request: Request): Promise<Failure | null> {
  if (request.method !== 'POST' || !/application\/json/i.test(request.headers.get('content-type') ?? '')) return null;
  const read = await readJsonBody(request.clone());
  return read.ok ? null : read;
}
