import http from 'node:http';
import zlib from 'node:zlib';
import { parse as parseCookies } from 'cookie';
import { viewerZoneSchema } from '@/lib/agenda/query';
import { getDb } from '@/lib/database/process-database';
import { PAGE_CACHE_HEADER } from '@/lib/http/page-cache-header';
import { policyWithNonce, scriptNonceOf } from '@/lib/http/security-headers';
import { isLocale, LOCALE_COOKIE, preferredLocale } from '@/lib/i18n/locales';
import { isChannel } from '@/lib/livestream/channels';
import { type Entitled, fillShell, type PersonalValues, redirectsFor, redirectsIn, shapeKey } from '@/lib/livestream/join-shell';
import { parseJoinToken } from '@/lib/livestream/join-token';
import { joinView } from '@/lib/livestream/join-view';

/** A shell is used this long, then rendered anew; a programme change drops every shell at once. */
const SHELL_TTL_MS = 60_000;
const MAX_SHELLS = 500;

/** Not replayed from the shell's answer: hop-by-hop, per answer, or the first registrant's own. */
const NOT_REPLAYED = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'date',
  'content-length',
  'content-encoding',
  'set-cookie',
  'x-request-id',
  PAGE_CACHE_HEADER,
]);

const JOIN_PATH = /^\/(?:([a-z]{2})\/)?join\/([A-Za-z0-9_.-]{1,300})$/;

type Rendered = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
type Shell = { html: string; values: PersonalValues; headers: Record<string, string | string[]>; madeAt: number };
/**
 * Per shape: the first registrant's render until a second registrant's direct render has been found
 * equal to it filled in with theirs (then the shell is shared), or `unshared` when it was not.
 */
type Entry = { state: 'candidate' | 'checking' | 'shared'; shell: Shell } | { state: 'unshared'; madeAt: number };

/** How the fast path answered, in PAGE_CACHE_HEADER: for tests and the bench. */
export type JoinAnswer = 'RENDERED' | 'CHECKED' | 'SHELL';

/**
 * The app server's fast path for personal join pages. At a ceremony's start every online registrant
 * opens their join page within a minute, and each page is a React render (~10 ms of CPU) of the same
 * few shapes: the same session, state, channel and language. Here the first registrant of a shape gets
 * Next.js's own render, which is kept; the second gets theirs too, and it is compared with the first
 * one filled in with the second registrant's values, byte for byte (nonce aside); only when equal are
 * later registrants answered with the first render filled in with their own token and freshly signed
 * stream redirects. Entitlement is checked against the database on every request, exactly as the
 * page does; a refused or invalid link, a signed-in visitor (whose page carries their menu) and any
 * query other than the page's own go to Next.js.
 */
export function joinPageServer(options: { port: number; host: string; now?: () => number }) {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  function remember(key: string, entry: Entry) {
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > MAX_SHELLS) entries.delete(entries.keys().next().value!);
  }

  async function serve(request: http.IncomingMessage, response: http.ServerResponse): Promise<boolean> {
    const asked = joinRequest(request);
    if (!asked) return false;
    const at = now();
    const view = await joinView(await getDb(), asked.token, new Date(at), asked.channel);
    if (view.state === 'invalid' || view.state === 'refused') return false;
    const ids = parseJoinToken(asked.token)!;
    const key = shapeKey(view, asked);
    const held = entries.get(key);
    const entry = held && at - (held.state === 'unshared' ? held.madeAt : held.shell.madeAt) < SHELL_TTL_MS ? held : undefined;
    if (entry?.state === 'unshared' || entry?.state === 'checking') return false;
    if (entry?.state === 'shared') {
      const values = {
        token: asked.token,
        registrationId: ids.registrationId,
        redirects: redirectsFor(entry.shell.values.redirects, ids, new Date(at)),
      };
      const page = fillShell(entry.shell.html, entry.shell.values, values);
      if (page === null) return false;
      send(request, response, entry.shell.headers, page, 'SHELL');
      return true;
    }
    // A second registrant of the shape: their own render decides whether the first one may be shared.
    const checking = entry?.state === 'candidate' && entry.shell.values.registrationId !== ids.registrationId ? entry : undefined;
    if (checking) checking.state = 'checking';
    const shell = await renderInNext(options, asked.pathAndQuery, asked.locale).then(
      (rendered) => shellOf(rendered, asked.token, ids.registrationId, at, view),
      () => null,
    );
    if (checking) {
      if (!shell) checking.state = 'candidate';
      else
        remember(
          key,
          sameWhenFilled(checking.shell, shell) ? { state: 'shared', shell: checking.shell } : { state: 'unshared', madeAt: at },
        );
    } else if (shell && !entry) remember(key, { state: 'candidate', shell });
    if (!shell) return false;
    send(request, response, shell.headers, shell.html, checking ? 'CHECKED' : 'RENDERED');
    return true;
  }

  return {
    serve,
    /** Drops every shell (a programme changed somewhere): the next visitors get new renders. */
    drop: () => entries.clear(),
    /** How many shapes are held, by state; for tests. */
    held: () => [...entries.values()].map((entry) => entry.state),
  };
}

/** The join page a request asks for, or null when it is not one this path answers. */
function joinRequest(
  request: http.IncomingMessage,
): { token: string; locale: string; channel?: string; variant: string; pathAndQuery: string } | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const headers = request.headers;
  if (headers[PAGE_CACHE_HEADER] || headers.rsc || headers['next-router-prefetch'] || headers['next-action']) return null;
  const url = new URL(request.url ?? '/', 'http://join.invalid');
  const match = JOIN_PATH.exec(url.pathname);
  if (!match || (match[1] && !isLocale(match[1]))) return null;
  const cookies = headers.cookie ? parseCookies(headers.cookie) : {};
  // A signed-in visitor's page carries their own menu: only a visitor with no cookie but the language's shares.
  if (Object.keys(cookies).some((name) => name !== LOCALE_COOKIE)) return null;
  const params = [...url.searchParams.keys()];
  if (params.some((name) => name !== 'tz' && name !== 'channel') || new Set(params).size !== params.length) return null;
  const tz = url.searchParams.get('tz');
  const channel = url.searchParams.get('channel');
  if (tz !== null && viewerZoneSchema.parse(tz) === undefined) return null;
  if (channel !== null && !isChannel(channel)) return null;
  const locale = match[1] ?? preferredLocale(cookies[LOCALE_COOKIE], headers['accept-language']);
  return {
    token: match[2]!,
    locale,
    ...(channel !== null ? { channel } : {}),
    variant: `${match[1] ? 'prefixed' : 'bare'}${url.search}`,
    pathAndQuery: `${url.pathname}${url.search}`,
  };
}

/** The render as a shell: kept only when Next.js answered the page itself, with a nonce its policy names. */
function shellOf(rendered: Rendered, token: string, registrationId: string, at: number, view: Entitled): Shell | null {
  if (rendered.status !== 200 || rendered.headers['set-cookie']) return null;
  const html = rendered.body.toString('utf8');
  const policy = rendered.headers['content-security-policy'];
  const nonce = scriptNonceOf(html);
  if (!policy || !nonce || !html.includes(token)) return null;
  const redirects = redirectsIn(html);
  // The page links to the one redirect the view hands out (the selected channel's, or the recording's), if any.
  if (redirects.size !== (view.openPath ? 1 : 0)) return null;
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(rendered.headers)) if (value !== undefined && !NOT_REPLAYED.has(name)) headers[name] = value;
  headers['content-security-policy'] = policyWithNonce(String(policy), nonce);
  return { html, values: { token, registrationId, redirects }, headers, madeAt: at };
}

/** Whether `first` filled in with `second`'s values is `second` itself, but for the nonce. */
function sameWhenFilled(first: Shell, second: Shell): boolean {
  const filled = fillShell(first.html, first.values, second.values);
  const firstNonce = scriptNonceOf(first.html);
  const secondNonce = scriptNonceOf(second.html);
  if (filled === null || !firstNonce || !secondNonce) return false;
  return filled === second.html.split(secondNonce).join(firstNonce);
}

function send(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  headers: Record<string, string | string[]>,
  html: string,
  how: JoinAnswer,
) {
  const gzipped = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
  const body = gzipped ? zlib.gzipSync(html, { level: 1 }) : Buffer.from(html);
  response.writeHead(200, {
    ...headers,
    'content-length': body.length,
    ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
    [PAGE_CACHE_HEADER]: how,
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function renderInNext(options: { port: number; host: string }, path: string, locale: string): Promise<Rendered> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: options.host,
        port: options.port,
        path,
        method: 'GET',
        headers: { cookie: `${LOCALE_COOKIE}=${locale}`, 'accept-encoding': 'identity', [PAGE_CACHE_HEADER]: 'render' },
        timeout: 30_000,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body: Buffer.concat(chunks) }));
        answer.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('join page render timed out')));
    request.on('error', reject);
    request.end();
  });
}
