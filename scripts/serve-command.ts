import { usesEmbeddedDatabase } from '../lib/config/env';
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
 * How a server that holds the embedded database (PGlite) runs: its PostgreSQL is WebAssembly in
 * the server's own process, on top of the JavaScript heap. Measured by the bench's PGlite run
 * (`npm run bench -- --only main --backends pglite`, 2026-12-04, bench/README.md), peak RSS went
 * from 385 MB with V8's and glibc's defaults to 292–304 MB, registrations from 269/s to ~235/s:
 * - `--liftoff-only`: V8 compiles WebAssembly with its baseline compiler only, and does not compile
 *   hot functions again with its optimising one, whose copies of PostgreSQL's functions were ~60 MB
 *   of machine code.
 * - `--max-semi-space-size=4` (MB; V8's default is 16): the young generation, where every request's
 *   short-lived objects go, is collected sooner and kept smaller.
 * - `MALLOC_ARENA_MAX=4`: glibc gave each of the process's threads (V8's collector, libuv's pool) a
 *   malloc arena of its own, 5–9 MB resident each. With 2 the bench's registrations cost 12% more CPU.
 * PostgreSQL proper runs in its own processes, so a server on DATABASE_URL keeps the defaults.
 */
export const EMBEDDED_DATABASE_V8_FLAGS = ['--liftoff-only', '--max-semi-space-size=4'];
export const EMBEDDED_DATABASE_ENV = { MALLOC_ARENA_MAX: '4' };

/**
 * The command that runs the production server, for everything that starts it: `npm start`, the
 * browser tests' server, the integration and fault tests, the bench. It is scripts/serve.ts bundled
 * by scripts/ensure-build.mjs. `env` is the server's environment (without DATABASE_URL it opens
 * the embedded database); the answer's `env` is that environment with what the server needs added.
 */
export function serveCommand(root: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): { args: string[]; env: NodeJS.ProcessEnv } {
  const heapLimit = /--max-old-space-size/.test(env.NODE_OPTIONS ?? '') ? [] : [`--max-old-space-size=${HEAP_LIMIT_MB}`];
  const embedded = usesEmbeddedDatabase(env);
  return {
    args: [...heapLimit, ...(embedded ? EMBEDDED_DATABASE_V8_FLAGS : []), ...nodeArgs, serverBundlePath(root)],
    env: embedded ? { ...EMBEDDED_DATABASE_ENV, ...env } : env,
  };
}
