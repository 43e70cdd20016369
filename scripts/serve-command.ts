import path from 'node:path';

/**
 * V8's heap limit for the server, unless NODE_OPTIONS sets one. The live heap after a full collection
 * is ~65 MB even mid-burst, but without a limit V8 lets the heap grow lazily to ~280 MB under load
 * (peak RSS 410 MB in a 3,000-registration burst); with this one it stays near 130 MB (RSS 234 MB),
 * at the same throughput.
 */
const HEAP_LIMIT_MB = 256;

/**
 * The node arguments that run the production server, for everything that starts it: `npm start`, the
 * browser tests' server, the integration and fault tests, the bench. It is scripts/serve.ts bundled
 * by scripts/ensure-build.mjs.
 */
export function serveArgs(root: string, nodeArgs: string[] = []): string[] {
  const heapLimit = /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? '') ? [] : [`--max-old-space-size=${HEAP_LIMIT_MB}`];
  return [...heapLimit, ...nodeArgs, path.join(root, '.next', 'hybrid-forum', 'serve.mjs')];
}
