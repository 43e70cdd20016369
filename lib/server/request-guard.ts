import type http from 'node:http';
import { jsonNestingDepth, strictUtf8 } from '@/lib/http/json-depth';
import { sameOriginHost } from '@/lib/http/same-origin';
import { locales } from '@/lib/i18n/locales';
import { MAX_PHOTO_BYTES } from '@/lib/speakers/photo';

/**
 * The largest body a form or server action takes: the longest form, an announcement of 10,000
 * characters, is under 40 KB even in four-byte characters. The speaker photo upload has its own cap.
 */
export const MAX_FORM_BODY_BYTES = 64 * 1024;

/** Deeper than any form's values nest once React has encoded them. */
export const MAX_ACTION_JSON_DEPTH = 64;

const PHOTO_UPLOAD = new RegExp(`^(/(${locales.join('|')}))?/speaker/photo$`);

export type Refusal = { status: 400 | 403 | 413; message: string };

export function bodyLimit(pathname: string): number {
  return PHOTO_UPLOAD.test(pathname) ? MAX_PHOTO_BYTES : MAX_FORM_BODY_BYTES;
}

export function tooLarge(limit: number): Refusal {
  return { status: 413, message: `The request body must be at most ${limit >= 1024 * 1024 ? `${limit / (1024 * 1024)} MB` : `${limit / 1024} KB`}.` };
}

/**
 * What is wrong with the address itself. Next.js answers a path it cannot percent-decode with a 500
 * (`/events/%ff/agenda`); it is the client's mistake.
 */
export function addressRefusal(pathname: string): Refusal | null {
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    return { status: 400, message: 'The address is not valid: it has a broken percent-encoding.' };
  }
}

/** A POST that Next.js treats as a server action: the header a script sends, or a form posted to a page. */
export function isServerActionRequest(request: http.IncomingMessage, pathname: string): boolean {
  if (request.method !== 'POST' || pathname.startsWith('/api/')) return false;
  return Boolean(request.headers['next-action']) || /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(request.headers['content-type'] ?? '');
}

/**
 * What is wrong with a server action request before Next.js decodes it: Next.js answers a foreign
 * Origin, a body that is not the JSON React sends, and one nested thousands deep with a 500.
 */
export async function actionRefusal(request: http.IncomingMessage, body: Buffer): Promise<Refusal | null> {
  const headers = request.headers;
  const forwardedHost = headers['x-forwarded-host'];
  if (!sameOriginHost(headers.origin ?? null, (Array.isArray(forwardedHost) ? forwardedHost[0] : forwardedHost) ?? headers.host ?? null)) {
    return { status: 403, message: 'Cross-site request refused.' };
  }
  const type = headers['content-type'] ?? '';
  if (/^multipart\/form-data\b/i.test(type)) {
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData();
    } catch {
      return { status: 400, message: 'The form data could not be read.' };
    }
    // Numbered fields carry React's JSON encoding of the action's arguments; named ones are form fields.
    for (const [name, value] of form) {
      if (/^\d+$/.test(name) && typeof value === 'string' && !isShallowJson(value)) return badArguments;
    }
    return null;
  }
  if (!headers['next-action'] || /^application\/x-www-form-urlencoded\b/i.test(type)) return null;
  const text = strictUtf8(body);
  return text !== null && isShallowJson(text) ? null : badArguments;
}

const badArguments: Refusal = { status: 400, message: `The action's arguments must be UTF-8 JSON nested at most ${MAX_ACTION_JSON_DEPTH} levels deep.` };

function isShallowJson(text: string): boolean {
  if (jsonNestingDepth(text) > MAX_ACTION_JSON_DEPTH) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Answers a refusal as JSON for the API and as text elsewhere, and closes the connection. */
export function refuse(response: http.ServerResponse, pathname: string, refusal: Refusal): void {
  const api = pathname.startsWith('/api/');
  const body = api ? JSON.stringify({ error: refusal.message }) : `${refusal.message}\n`;
  response.writeHead(refusal.status, {
    'content-type': api ? 'application/json' : 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    connection: 'close',
  });
  response.end(body);
}
