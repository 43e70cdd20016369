import { ConfigError } from '../lib/config/env';
import { DataDirInUseError } from '../db/pglite-lock';

/** Runs a command-line task; known failures print one line, not a stack trace. */
export function runCli(task: () => Promise<void>): void {
  task().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof ConfigError || error instanceof DataDirInUseError) {
        console.error(error.message);
      } else if (pgCode(error) === '23505') {
        console.error(`Already exists: ${pgDetail(error)}`);
      } else {
        console.error(error);
      }
      process.exit(1);
    },
  );
}

function pgCode(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code ?? e?.cause?.code;
}

function pgDetail(error: unknown): string {
  const e = error as { detail?: string; cause?: { detail?: string; message?: string } };
  return e?.detail ?? e?.cause?.detail ?? e?.cause?.message ?? String(error);
}
