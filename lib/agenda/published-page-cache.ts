/**
 * Rendered public pages held in memory by the app server's fast path (lib/server/published-pages.ts),
 * per path and language. The server entry and the Next.js bundle each load their own copy of this
 * module, so the store lives on globalThis: a server action that changes the programme drops the
 * pages here, in the same process, and the next visitor gets a fresh render.
 *
 * The store is bounded by entries and by bytes: it only ever holds canonical programme paths (one per
 * event and language), but a bound that does not depend on that keeps memory flat whatever the keys.
 * When full, the page stored longest ago goes first.
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

export const MAX_CACHED_PAGES = 200;
export const MAX_CACHED_PAGE_BYTES = 48 * 1024 * 1024;

type Store = { pages: Map<string, CachedPage>; bytes: number; generation: number; dropped: Map<string, number> };

const STORE = Symbol.for('hybrid-forum.published-pages');

function store(): Store {
  const holder = globalThis as { [STORE]?: Store };
  holder[STORE] ??= { pages: new Map(), bytes: 0, generation: 0, dropped: new Map() };
  return holder[STORE];
}

const keyOf = (path: string, locale: string) => `${locale} ${path}`;
const sizeOf = (page: CachedPage) => page.body.length + page.gzip.length;

export function cachedPage(path: string, locale: string): CachedPage | undefined {
  return store().pages.get(keyOf(path, locale));
}

/** How much the store holds; for tests and diagnostics. */
export function cachedPageStats(): { entries: number; bytes: number } {
  const { pages, bytes } = store();
  return { entries: pages.size, bytes };
}

/** Bumped by every drop: a render begun before a drop must not be stored after it. */
export function pageCacheGeneration(): number {
  return store().generation;
}

/** Stores a render unless the cache was dropped since `generation` was read (or it could never fit). */
export function storePage(path: string, locale: string, page: CachedPage, generation: number): void {
  const current = store();
  if (generation !== current.generation || sizeOf(page) > MAX_CACHED_PAGE_BYTES) return;
  remove(current, keyOf(path, locale));
  current.pages.set(keyOf(path, locale), page);
  current.bytes += sizeOf(page);
  for (const oldest of current.pages.keys()) {
    if (current.pages.size <= MAX_CACHED_PAGES && current.bytes <= MAX_CACHED_PAGE_BYTES) break;
    remove(current, oldest);
  }
}

/** How long a dropped page still counts as one this instance serves (cachedKeys). */
const RECENTLY_DROPPED_MS = 10_000;

/**
 * The pages held (of one path, or all), as path and language, and those dropped in the last
 * seconds: the instance that made a change has dropped its copies before the announcement of it
 * comes back (lib/agenda/programme-changes.ts), and they are the ones to render anew.
 */
export function cachedKeys(path?: string, now = Date.now()): { path: string; locale: string }[] {
  const current = store();
  const keys = new Set(current.pages.keys());
  for (const [key, at] of current.dropped) if (now - at < RECENTLY_DROPPED_MS) keys.add(key);
  return [...keys]
    .map((key) => ({ locale: key.slice(0, key.indexOf(' ')), path: key.slice(key.indexOf(' ') + 1) }))
    .filter((key) => path === undefined || key.path === path);
}

export function forgetPage(path: string, locale: string): void {
  remove(store(), keyOf(path, locale));
}

/** Drops one path in every language, or every page when no path is given. */
export function dropCachedPages(path?: string): void {
  const current = store();
  current.generation += 1;
  const now = Date.now();
  for (const [key, at] of current.dropped) if (now - at >= RECENTLY_DROPPED_MS) current.dropped.delete(key);
  for (const key of [...current.pages.keys()])
    if (path === undefined || key.endsWith(` ${path}`)) {
      remove(current, key);
      if (current.dropped.size < MAX_CACHED_PAGES) current.dropped.set(key, now);
    }
}

/** Forgets every page and every recent drop; for tests. */
export function resetPageCache(): void {
  dropCachedPages();
  store().dropped.clear();
}

function remove(current: Store, key: string): void {
  const page = current.pages.get(key);
  if (!page) return;
  current.pages.delete(key);
  current.bytes -= sizeOf(page);
}
