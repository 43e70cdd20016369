import path from 'node:path';

/**
 * The node arguments that run the production server, for everything that starts it: `npm start`, the
 * browser tests' server, the integration and fault tests, the bench. It is scripts/serve.ts bundled
 * by scripts/ensure-build.mjs.
 */
export function serveArgs(root: string, nodeArgs: string[] = []): string[] {
  return [...nodeArgs, path.join(root, '.next', 'hybrid-forum', 'serve.mjs')];
}
