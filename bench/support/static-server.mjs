// The ceiling for a page: the same bytes served by a bare node:http server.
// Usage: node static-server.mjs <port> <path>=<file>[::<content-type>[::<headers.json>]] ...
// A headers file adds those response headers (name to value) to the copy's own.
import fs from 'node:fs';
import http from 'node:http';
import zlib from 'node:zlib';

const [port, ...routes] = process.argv.slice(2);
const pages = new Map(
  routes.map((route) => {
    const [urlPath, spec] = route.split('=');
    const [file, type = 'text/html; charset=utf-8', headersFile] = spec.split('::');
    const body = fs.readFileSync(file);
    const extra = headersFile ? JSON.parse(fs.readFileSync(headersFile, 'utf8')) : {};
    return [urlPath, { body, gzip: zlib.gzipSync(body), type, extra }];
  }),
);

http
  .createServer((request, response) => {
    const page = pages.get(request.url);
    if (!page) {
      response.writeHead(404).end();
      return;
    }
    // Compressed ahead of time, like the app's fast path: the same work per request.
    const gzipped = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    const body = gzipped ? page.gzip : page.body;
    response.writeHead(200, {
      'content-type': page.type,
      'content-length': body.length,
      vary: 'Accept-Encoding',
      ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
      // Last, so that a replayed Vary is the page's own, not the copy's.
      ...page.extra,
    });
    response.end(body);
  })
  .listen(Number(port), '127.0.0.1', () => console.log('ready'));
