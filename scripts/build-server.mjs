// Bundles scripts/serve.ts (the production server, with its fast path from lib/) into one plain
// JavaScript file, with every npm package left external. Running the TypeScript through tsx instead
// cost ~100 MB of resident memory: tsx's loader runs in a thread with a V8 heap of its own.
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { serverBundlePath } from './server-bundle.mjs';

const root = path.resolve(import.meta.dirname, '..');
export const serverBundle = serverBundlePath(root);

export function buildServer() {
  const result = buildSync({
    entryPoints: [path.join(root, 'scripts', 'serve.ts')],
    absWorkingDir: root,
    tsconfig: path.join(root, 'tsconfig.json'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'warning',
    banner: { js: '// Built by scripts/build-server.mjs from scripts/serve.ts; do not edit.' },
  });
  fs.mkdirSync(path.dirname(serverBundle), { recursive: true });
  // Written aside and renamed, so a server starting meanwhile never reads half a file.
  const partial = `${serverBundle}.${process.pid}.tmp`;
  fs.writeFileSync(partial, result.outputFiles[0].contents);
  fs.renameSync(partial, serverBundle);
  return serverBundle;
}
