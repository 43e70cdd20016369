import fs from 'node:fs';
import path from 'node:path';
import { type RouteLabeler, routeLabeler } from './route-label';

/** The route labeler for the build in `dir` (its app route manifest); every path is "unmatched" without one. */
export function buildRouteLabeler(dir: string, locales: readonly string[]): RouteLabeler {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, '.next', 'app-path-routes-manifest.json'), 'utf8')) as Record<
      string,
      string
    >;
    return routeLabeler(Object.values(manifest), locales);
  } catch {
    return routeLabeler([], locales);
  }
}
