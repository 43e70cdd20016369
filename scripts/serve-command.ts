import { serverBundlePath } from './server-bundle.mjs';

/**
 * V8's heap limit for the server, unless NODE_OPTIONS sets one. The live heap after a full collection
 * is ~65 MB even mid-burst, but without a limit V8 lets the heap grow lazily to ~280 MB under load
 * (peak RSS 410 MB in a 3,000-registration burst on PostgreSQL; 234 MB with a 256 MB limit). On
 * PGlite, whose WebAssembly memory comes on top, the bench's peak was 408 MB with 256 and 348 MB
 * with 192, at the same registration rate.
 */
const HEAP_LIMIT_MB = 192;

/**
 * The node arguments that run the production server, for everything that starts it: `npm start`, the
 * browser tests' server, the integration and fault tests, the bench. It is scripts/serve.ts bundled
 * by scripts/ensure-build.mjs.
 */
export function serveArgs(root: string, nodeArgs: string[] = []): string[] {
  const heapLimit = /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? '') ? [] : [`--max-old-space-size=${HEAP_LIMIT_MB}`];
  return [...heapLimit, ...nodeArgs, serverBundlePath(root)];
}
