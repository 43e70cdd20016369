import http from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { parse as parseCookies } from 'cookie';
import { programmePath, programmeSlug } from '@/lib/agenda/programme-path';
import { PAGE_CACHE_HEADER } from '@/lib/http/page-cache-header';
import { policyWithNonce, scriptNonceOf } from '@/lib/http/security-headers';
import {
  cachedPage,
  cachedKeys,
  dropCachedPages,
  forgetPage,
  pageCacheGeneration,
  storePage,
  type CachedPage,
} from '@/lib/agenda/published-page-cache';
import { LOCALE_COOKIE, preferredLocale } from '@/lib/i18n/locales';
import { REQUEST_ID_HEADER } from '@/lib/observability/request-id';

const gzip = promisify(zlib.gzip);

/** Says how a page was answered; a request carrying it is a refill and always goes to Next.js. */
export { PAGE_CACHE_HEADER };

/** How long a stale page may still be served while its refill fails (Next.js down, database down). */
const MAX_STALE_MS = 5 * 60_000;

/** Not replayed: hop-by-hop, recomputed per answer, or never to be shared between visitors. */
const NOT_REPLAYED = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'date',
  'content-length',
  'content-encoding',
  'set-cookie',
  'x-nextjs-cache',
  // The refill's own id: each answer carries its request's (scripts/serve.ts).
  REQUEST_ID_HEADER,
  PAGE_CACHE_HEADER,
]);

type PageKey = { path: string; locale: string };
type AnswerState = 'HIT' | 'STALE' | 'MISS';

/**
 * A copy's headers as one flat list per encoding and state, built on its first answer: a crowd's
 * requests each spread the same sixteen headers into a new object before.
 */
const headerLists = new WeakMap<CachedPage, Map<string, string[]>>();

function headerListOf(page: CachedPage, gzipped: boolean, state: AnswerState): string[] {
  let lists = headerLists.get(page);
  if (!lists) {
    lists = new Map();
    headerLists.set(page, lists);
  }
  const id = `${gzipped ? 'gzip' : 'identity'} ${state}`;
  let list = lists.get(id);
  if (!list) {
    list = [];
    for (const [name, value] of Object.entries(page.headers)) for (const item of [value].flat()) list.push(name, item);
    list.push('content-length', String((gzipped ? page.gzip : page.body).length), PAGE_CACHE_HEADER, state);
    if (gzipped) list.push('content-encoding', 'gzip');
    lists.set(id, list);
  }
  return list;
}
type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/**
 * The app server's fast path for the public programme: the bytes Next.js rendered for it, answered
 * straight from memory. Next.js serves the same cached render in ~5 ms of CPU per request (routing,
 * the proxy, React's stream of the stored payload); this answers it in a fraction of that, like a
 * CDN in front of the app would.
 *
 * The cache is filled by asking Next.js itself (over loopback, with the refill header): only an answer
 * Next.js marks as coming from its page cache (x-nextjs-cache) is kept, so a page that depends on the
 * visitor is never stored. Freshness follows the page's s-maxage; a server action that changes the
 * programme drops it at once (lib/agenda/public-cache.ts).
 */
export function publishedPageServer(options: { port: number; host: string; now?: () => number; previewModeId?: string | null }) {
  const now = options.now ?? Date.now;
  const refills = new Map<string, { generation: number; done: Promise<void> }>();

  function keyOf(request: http.IncomingMessage): PageKey | null {
    if (request.method !== 'GET' && request.method !== 'HEAD') return null;
    // The published programme without a query: the page Next.js caches per event and language. Kept
    // under the event's own spelling: every percent-encoding of it is the same page, not another copy.
    const slug = programmeSlug(request.url ?? '');
    if (!slug) return null;
    const headers = request.headers;
    // Refills, and the router's own requests (RSC payloads, prefetches, server actions), go to Next.js.
    if (headers[PAGE_CACHE_HEADER] || headers.rsc || headers['next-router-prefetch'] || headers['next-action']) return null;
    const cookies = headers.cookie ? parseCookies(headers.cookie) : {};
    return { path: programmePath(slug), locale: preferredLocale(cookies[LOCALE_COOKIE], headers['accept-language']) };
  }

  /**
   * One render per page at a time; one begun before a drop cannot be stored, so it does not count.
   * `regenerate`: Next.js's own copy is known to be out of date (another instance changed the
   * programme), so it is rendered anew first; visitors arriving meanwhile wait for that render.
   */
  function refill(key: PageKey, regenerate = false): Promise<void> {
    const id = `${key.locale} ${key.path}`;
    const generation = pageCacheGeneration();
    const running = refills.get(id);
    if (running && running.generation === generation && !regenerate) return running.done;
    const done = render(key, generation, regenerate)
      .catch(() => undefined)
      .finally(() => {
        if (refills.get(id)?.done === done) refills.delete(id);
      });
    refills.set(id, { generation, done });
    return done;
  }

  /**
   * Has Next.js render the page again and replace its cached copy now (its on-demand revalidation:
   * the build's preview-mode id in x-prerender-revalidate), instead of serving the old copy for up to
   * its revalidate time. The path carries the language: Next.js skips the proxy (which would add it)
   * for this request. Without the id, a plain refill.
   */
  function regenerateInNext(key: PageKey): Promise<Answer> {
    if (!options.previewModeId) return fetchFromNext(options.host, options.port, key);
    return fetchFromNext(
      options.host,
      options.port,
      { ...key, path: `/${key.locale}${key.path}` },
      {
        'x-prerender-revalidate': options.previewModeId,
      },
    );
  }

  /** Asks Next.js for the page (anew when `regenerate`) and keeps its answer if it may be shared. */
  async function render(key: PageKey, generation: number, regenerate = false): Promise<void> {
    const answer = regenerate ? await regenerateInNext(key) : await fetchFromNext(options.host, options.port, key);
    if (answer.status === 404 || answer.status === 410) return forgetPage(key.path, key.locale);
    const cacheControl = String(answer.headers['cache-control'] ?? '');
    if (answer.status !== 200 || !answer.headers['x-nextjs-cache'] || /no-store|private/.test(cacheControl)) return;
    // Next.js may answer a refill from its own cache, rendered for an earlier request: the copy's
    // policy must name the nonce its scripts carry. Without one the copy cannot run under the policy.
    const policy = answer.headers['content-security-policy'];
    const nonce = policy ? scriptNonceOf(answer.body.toString('utf8')) : null;
    if (policy && !nonce) return;
    const maxAgeSeconds = Number(/s-maxage=(\d+)/.exec(cacheControl)?.[1] ?? 30);
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined && !NOT_REPLAYED.has(name)) headers[name] = value;
    // The copy depends on the language (cookie, then Accept-Language) and on the encoding: a shared
    // cache in front must not hand it to a visitor who differs in those.
    if (policy && nonce) headers['content-security-policy'] = policyWithNonce(String(policy), nonce);
    headers.vary = mergeVary(headers.vary, ['Accept-Encoding', 'Cookie', 'Accept-Language']);
    const freshUntil = now() + maxAgeSeconds * 1000;
    const page: CachedPage = {
      status: 200,
      headers,
      body: answer.body,
      gzip: await gzip(answer.body),
      freshUntil,
      usableUntil: freshUntil + MAX_STALE_MS,
    };
    storePage(key.path, key.locale, page, generation);
  }

  function answer(request: http.IncomingMessage, response: http.ServerResponse, page: CachedPage, state: AnswerState) {
    const gzipped = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    const requestId = request.headers[REQUEST_ID_HEADER];
    const fixed = headerListOf(page, gzipped, state);
    response.writeHead(
      page.status,
      typeof requestId === 'string' && !response.hasHeader(REQUEST_ID_HEADER) ? [...fixed, 'X-Request-Id', requestId] : fixed,
    );
    response.end(request.method === 'HEAD' ? undefined : gzipped ? page.gzip : page.body);
  }

  /** Answers from the copy held for `key` if it may still be served, and says whether it did. */
  function answerHeld(request: http.IncomingMessage, response: http.ServerResponse, key: PageKey): boolean {
    const page = cachedPage(key.path, key.locale);
    const at = now();
    if (!page || at >= page.usableUntil) return false;
    if (at >= page.freshUntil) void refill(key);
    answer(request, response, page, at < page.freshUntil ? 'HIT' : 'STALE');
    return true;
  }

  return {
    /**
     * Answers the request from a copy in memory, there and then, and returns true; or returns false
     * (no copy, or not a programme request) without having written anything. The server tries it
     * before anything else that would wait: a visit to a programme held in memory is most of a
     * crowd's requests, and each promise it awaited cost it more than answering.
     */
    serveNow(request: http.IncomingMessage, response: http.ServerResponse): boolean {
      const key = keyOf(request);
      return key !== null && answerHeld(request, response, key);
    },
    /**
     * Answers the request from memory and resolves true, or resolves false: then Next.js must answer.
     * A visit that finds no copy waits for the one render that fills it, so a crowd arriving at a cold
     * or just-published programme costs one render, not one each.
     */
    async serve(request: http.IncomingMessage, response: http.ServerResponse): Promise<boolean> {
      const key = keyOf(request);
      if (!key) return false;
      if (answerHeld(request, response, key)) return true;
      await refill(key);
      const page = cachedPage(key.path, key.locale);
      if (!page || now() >= page.usableUntil) return false;
      answer(request, response, page, 'MISS');
      return true;
    },
    /**
     * A programme changed (announced by any instance, this one included): drops the copies of `path`
     * here (of every programme when undefined) and renders anew, side by side, the languages held
     * here or dropped a moment ago, in Next.js's page cache too; visitors arriving meanwhile wait for
     * that render rather than see the old programme. Languages this instance has not served from
     * memory are left to Next.js's own revalidation (30 s). Resolves when the new copies are in place.
     */
    revalidate(path?: string): Promise<void> {
      const held = cachedKeys(path);
      dropCachedPages(path);
      return Promise.all(held.map((key) => refill(key, true))).then(() => undefined);
    },
    /** Fills (or refreshes) one page now; for tests. */
    refill: (path: string, locale: string) => refill({ path, locale }),
  };
}

function mergeVary(existing: string | string[] | undefined, names: string[]): string {
  const values = (Array.isArray(existing) ? existing.join(',') : (existing ?? ''))
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  for (const name of names) if (!values.some((v) => v.toLowerCase() === name.toLowerCase())) values.push(name);
  return values.join(', ');
}

function fetchFromNext(host: string, port: number, key: PageKey, extraHeaders: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host,
        port,
        path: key.path,
        method: 'GET',
        headers: {
          cookie: `${LOCALE_COOKIE}=${key.locale}`,
          'accept-encoding': 'identity',
          [PAGE_CACHE_HEADER]: 'refill',
          ...extraHeaders,
        },
        timeout: 30_000,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body: Buffer.concat(chunks) }));
        answer.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('refill timed out')));
    request.on('error', reject);
    request.end();
  });
}
