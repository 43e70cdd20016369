// The production server's command: the embedded database's memory settings (scripts/serve-command.ts)
// go to a server without DATABASE_URL, and only to it; the heap limit goes to both unless
// NODE_OPTIONS sets one.
import { describe, expect, it } from 'vitest';
import { EMBEDDED_DATABASE_ENV, EMBEDDED_DATABASE_V8_FLAGS, serveCommand } from '../../scripts/serve-command';

const ROOT = '/srv/forum';
const BUNDLE = '/srv/forum/.next/hybrid-forum/serve.mjs';

describe('serveCommand', () => {
  it('runs a server on the embedded database with baseline-compiled WebAssembly, a small young generation and 4 malloc arenas', () => {
    const command = serveCommand(ROOT, { NODE_ENV: 'production', PORT: '3000' });
    expect(command.args).toEqual(['--max-old-space-size=192', '--liftoff-only', '--max-semi-space-size=4', BUNDLE]);
    expect(command.env).toEqual({ NODE_ENV: 'production', PORT: '3000', MALLOC_ARENA_MAX: '4' });
  });

  it('counts a blank DATABASE_URL as the embedded database, as the configuration does', () => {
    expect(serveCommand(ROOT, { NODE_ENV: 'production', DATABASE_URL: '  ' }).args).toContain('--liftoff-only');
  });

  it('keeps V8 and glibc defaults for a server on PostgreSQL', () => {
    const env = { NODE_ENV: 'production' as const, DATABASE_URL: 'postgres://forum@db/forum', PORT: '3000' };
    const command = serveCommand(ROOT, env);
    expect(command.args).toEqual(['--max-old-space-size=192', BUNDLE]);
    expect(command.env).toEqual(env);
    for (const flag of EMBEDDED_DATABASE_V8_FLAGS) expect(command.args).not.toContain(flag);
    expect(command.env).not.toHaveProperty('MALLOC_ARENA_MAX');
  });

  it('leaves the arena count to an operator who set one, and the heap limit to NODE_OPTIONS', () => {
    const command = serveCommand(ROOT, { NODE_ENV: 'production', MALLOC_ARENA_MAX: '2', NODE_OPTIONS: '--max-old-space-size=512' }, [
      '--inspect',
    ]);
    expect(command.env.MALLOC_ARENA_MAX).toBe('2');
    expect(command.args).toEqual([...EMBEDDED_DATABASE_V8_FLAGS, '--inspect', BUNDLE]);
    expect(EMBEDDED_DATABASE_ENV).toEqual({ MALLOC_ARENA_MAX: '4' });
  });
});
