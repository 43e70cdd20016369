import type http from 'node:http';
import { jsonNestingDepth, strictUtf8 } from '@/lib/http/json-depth';
import { sameOriginHost } from '@/lib/http/same-origin';
import { locales } from '@/lib/i18n/locales';
import { MAX_PHOTO_BYTES } from '@/lib/speakers/photo';

/**
 * The largest body a form or server action takes: the longest form, an announcement of 10,000
 * characters, is under 40 KB even in four-byte characters. The image uploads (speaker photos, exhibitor logos) have their own cap.
 */
export const MAX_FORM_BODY_BYTES = 64 * 1024;

/** Deeper than any form's values nest once React has encoded them. */
export const MAX_ACTION_JSON_DEPTH = 64;

/** More than any action of the app takes; Next.js itself answers more than 1,000 with a 500. */
export const MAX_ACTION_ARGUMENTS = 16;

// The image uploads: a speaker's photo, an exhibitor's logo (by its staff or an organiser).
const PHOTO_UPLOAD = new RegExp(
  `^(/(${locales.join('|')}))?(/speaker/photo|/exhibitor/[0-9a-f-]{36}/logo|/admin/events/[a-z0-9-]+/exhibitors/[0-9a-f-]{36}/logo)$`,
);

export type Refusal = { status: 400 | 403 | 413; message: string };

export function bodyLimit(pathname: string): number {
  return PHOTO_UPLOAD.test(pathname) ? MAX_PHOTO_BYTES : MAX_FORM_BODY_BYTES;
}

export function tooLarge(limit: number): Refusal {
  return {
    status: 413,
    message: `The request body must be at most ${limit >= 1024 * 1024 ? `${limit / (1024 * 1024)} MB` : `${limit / 1024} KB`}.`,
  };
}

/**
 * What is wrong with the address itself. Next.js answers a path it cannot percent-decode with a 500
 * (`/events/%ff/agenda`); a control character (`%00`) has no place in any address of the app, and a
 * NUL would otherwise reach database text parameters. Both are the client's mistake.
 */
export function addressRefusal(pathname: string): Refusal | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 400, message: 'The address is not valid: it has a broken percent-encoding.' };
  }
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return { status: 400, message: 'The address is not valid: it contains a control character.' };
  return null;
}

/** A POST that Next.js treats as a server action: the header a script sends, or a form posted to a page. */
export function isServerActionRequest(request: http.IncomingMessage, pathname: string): boolean {
  if (request.method !== 'POST' || pathname.startsWith('/api/')) return false;
  return (
    Boolean(request.headers['next-action']) ||
    /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(request.headers['content-type'] ?? '')
  );
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
    // Field 0 carries React's encoding of the action's arguments; other numbered fields would be parts
    // it refers to, which the app's forms never send; named ones are the form's own fields.
    // A form posted without script names its action's bound arguments in $ACTION_<n>:<part> fields,
    // whose JSON may point at the other parts of the same action, and only at those.
    for (const [name, value] of form) {
      if (name === '0' ? typeof value !== 'string' || !isPlainArguments(value) : /^\d+$/.test(name)) return badArguments;
      const bound = /^(\$ACTION_\d+:)\d+$/.exec(name);
      if (bound && (typeof value !== 'string' || !isBoundPart(value, (part) => form.has(`${bound[1]}${part}`)))) return badArguments;
    }
    return null;
  }
  if (!headers['next-action'] || /^application\/x-www-form-urlencoded\b/i.test(type)) return null;
  const text = strictUtf8(body);
  return text !== null && isPlainArguments(text) ? null : badArguments;
}

const badArguments: Refusal = {
  status: 400,
  message: `The action's arguments must be a list of at most ${MAX_ACTION_ARGUMENTS} plain values in UTF-8 JSON, nested at most ${MAX_ACTION_JSON_DEPTH} levels deep.`,
};

/**
 * The references in React's encoding a call to one of the app's actions can contain: escaped text,
 * undefined and special numbers, dates, big integers, a FormData argument, a temporary reference.
 * Others (promises, maps, sets, streams, server references, parts by number) point at parts the app
 * never sends, and Next.js answers them with a 500 when they point at nothing.
 */
const PLAIN_REFERENCE = /^\$(\$|undefined$|NaN$|-?Infinity$|-0$|D|n-?\d+$|K[0-9a-f]+$|T$)/;

function isPlainArguments(text: string): boolean {
  if (jsonNestingDepth(text) > MAX_ACTION_JSON_DEPTH) return false;
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return false;
  }
  return Array.isArray(root) && root.length <= MAX_ACTION_ARGUMENTS && plain(root);
}

function plain(value: unknown, part: (id: number) => boolean = () => false): boolean {
  if (typeof value === 'string') {
    if (!value.startsWith('$') || PLAIN_REFERENCE.test(value)) return true;
    const reference = /^\$@?([0-9a-f]+)$/.exec(value);
    return reference !== null && part(Number.parseInt(reference[1]!, 16));
  }
  if (Array.isArray(value)) return value.every((item) => plain(item, part));
  if (value !== null && typeof value === 'object') return Object.values(value).every((item) => plain(item, part));
  return true;
}

function isBoundPart(text: string, part: (id: number) => boolean): boolean {
  if (jsonNestingDepth(text) > MAX_ACTION_JSON_DEPTH) return false;
  try {
    return plain(JSON.parse(text), part);
  } catch {
    return false;
  }
}

/** Answers a refusal as JSON for the API and as text elsewhere. */
export function refuse(response: http.ServerResponse, pathname: string, refusal: Refusal): void {
  const api = pathname.startsWith('/api/');
  const body = api ? JSON.stringify({ error: refusal.message }) : `${refusal.message}\n`;
  response.writeHead(refusal.status, {
    'content-type': api ? 'application/json' : 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  response.end(body);
}
