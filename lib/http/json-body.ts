export const MAX_JSON_BODY_BYTES = 32 * 1024;

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 413 | 415 | 422; error: string };

/** Reads a JSON body, refusing oversized ones before parsing (and before reading them whole). */
export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<BodyResult> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) return { ok: false, status: 413, error: `body must be at most ${maxBytes} bytes` };
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) return { ok: false, status: 415, error: 'body must be application/json' };
  if (!request.body) return { ok: false, status: 422, error: 'body must be a JSON object' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { ok: false, status: 413, error: `body must be at most ${maxBytes} bytes` };
    }
    chunks.push(value);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { ok: false, status: 422, error: 'body must be valid JSON' };
  }
}
