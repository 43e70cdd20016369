import fs from 'node:fs';
import path from 'node:path';

/** Every file under `dir` (at any depth) whose name matches `name`, for tests that read the source. */
export function sourceFiles(dir: string, name: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full, name);
    return name.test(entry.name) ? [full] : [];
  });
}
