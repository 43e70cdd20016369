// Where scripts/build-server.mjs writes the bundled production server, for everything that runs it.
import path from 'node:path';

/** The bundled server (scripts/serve.ts) of the checkout at `root`. */
export function serverBundlePath(root) {
  return path.join(root, '.next', 'hybrid-forum', 'serve.mjs');
}
