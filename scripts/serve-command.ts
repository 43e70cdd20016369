import path from 'node:path';

/**
 * The node arguments that run the production server (scripts/serve.ts), for everything that starts
 * it: `npm start`, the browser tests' server, the integration and fault tests, the bench.
 */
export function serveArgs(root: string, nodeArgs: string[] = []): string[] {
  return [...nodeArgs, '--import', 'tsx', path.join(root, 'scripts', 'serve.ts')];
}
