import type { IncomingMessage, ServerResponse } from 'node:http';
import { httpRequestSeconds } from './metrics';
import type { RouteLabeler } from './route-label';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Times a request from arrival to the end of its answer, labelled by route (never by path), method and status class. */
export function timeRequest(request: IncomingMessage, response: ServerResponse, routeOf: RouteLabeler): void {
  const started = performance.now();
  response.once('finish', () => {
    const pathname = (request.url ?? '/').split('?')[0] ?? '/';
    httpRequestSeconds.observe(
      {
        route: routeOf(pathname),
        method: METHODS.has(request.method ?? '') ? request.method! : 'OTHER',
        status: `${Math.floor(response.statusCode / 100)}xx`,
      },
      (performance.now() - started) / 1000,
    );
  });
}
