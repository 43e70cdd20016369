/**
 * Names the route a request path belongs to, for metric labels: one label per route of the build
 * (`/events/[slug]/agenda`), never the path itself, so a crawler or an attacker asking for a million
 * different addresses adds no series. Patterns come from the build's route manifest; the language
 * prefix is optional in a request path and left out of the label.
 */
export type RouteLabeler = (pathname: string) => string;

type Pattern = { label: string; segments: string[] };

const LOCALE_SEGMENT = '[locale]';

function specificity(p: Pattern): number[] {
  // Static segments before dynamic ones, single before catch-all, longer before shorter.
  return p.segments.map((s) => (s.startsWith('[[...') ? 3 : s.startsWith('[...') ? 2 : s.startsWith('[') ? 1 : 0));
}

function compare(a: Pattern, b: Pattern): number {
  const sa = specificity(a);
  const sb = specificity(b);
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) if (sa[i] !== sb[i]) return sa[i]! - sb[i]!;
  return sb.length - sa.length;
}

function matches(segments: string[], path: string[]): boolean {
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (s.startsWith('[[...')) return true;
    if (s.startsWith('[...')) return path.length > i;
    if (i >= path.length) return false;
    if (!s.startsWith('[') && s !== path[i]) return false;
  }
  return segments.length === path.length;
}

export function routeLabeler(routes: string[], locales: readonly string[]): RouteLabeler {
  const patterns: Pattern[] = routes
    .map((route) => route.split('/').filter(Boolean))
    .map((segments) => (segments[0] === LOCALE_SEGMENT ? segments.slice(1) : segments))
    .map((segments) => ({ label: `/${segments.join('/')}`, segments }))
    .sort(compare);
  const localeSet = new Set(locales);
  const label = (pathname: string) => {
    if (pathname.startsWith('/_next/')) return '/_next';
    let path = pathname.split('/').filter(Boolean);
    if (path.length > 0 && localeSet.has(path[0]!)) path = path.slice(1);
    return patterns.find((p) => matches(p.segments, path))?.label ?? 'unmatched';
  };
  // A crowd asks for the same few paths: each was matched against every route of the build, 3% of
  // the server's CPU on the programme's fast path. Bounded, so a million distinct paths cost no memory.
  const recent = new Map<string, string>();
  return (pathname) => {
    let known = recent.get(pathname);
    if (known === undefined) {
      if (recent.size >= RECENT_PATHS) recent.clear();
      known = label(pathname);
      recent.set(pathname, known);
    }
    return known;
  };
}

const RECENT_PATHS = 1000;
