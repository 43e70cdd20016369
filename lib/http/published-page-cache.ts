/**
 * Rendered public pages held in memory by the app server's fast path (lib/server/published-pages.ts),
 * per path and language. The server entry and the Next.js bundle each load their own copy of this
 * module, so the store lives on globalThis: a server action that changes the programme drops the
 * pages here, in the same process, and the next visitor gets a fresh render.
 */
export type CachedPage = {
  status: number;
  /** Response headers as Next.js sent them, without hop-by-hop, length, encoding and cookies. */
  headers: Record<string, string | string[]>;
  body: Buffer;
  gzip: Buffer;
  /** Until then the page is served as it is; after that it is served stale while a refill runs. */
  freshUntil: number;
  /** After that it is not served at all: the request goes to Next.js. */
  usableUntil: number;
};

type Store = { pages: Map<string, Map<string, CachedPage>>; generation: number };

const STORE = Symbol.for('hybrid-forum.published-pages');

function store(): Store {
  const holder = globalThis as { [STORE]?: Store };
  return (holder[STORE] ??= { pages: new Map(), generation: 0 });
}

export function cachedPage(path: string, locale: string): CachedPage | undefined {
  return store().pages.get(path)?.get(locale);
}

/** Bumped by every drop: a render begun before a drop must not be stored after it. */
export function pageCacheGeneration(): number {
  return store().generation;
}

/** Stores a render unless the cache was dropped since `generation` was read. */
export function storePage(path: string, locale: string, page: CachedPage, generation: number): void {
  const { pages, generation: current } = store();
  if (generation !== current) return;
  let byLocale = pages.get(path);
  if (!byLocale) pages.set(path, (byLocale = new Map()));
  byLocale.set(locale, page);
}

export function forgetPage(path: string, locale: string): void {
  store().pages.get(path)?.delete(locale);
}

/** Drops one path in every language, or every page when no path is given. */
export function dropCachedPages(path?: string): void {
  const current = store();
  current.generation += 1;
  if (path === undefined) current.pages.clear();
  else current.pages.delete(path);
}
