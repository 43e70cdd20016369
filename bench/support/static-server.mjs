// The ceiling for a page: the same bytes served by a bare node:http server.
// Usage: node static-server.mjs <port> <path>=<file>[::<content-type>] ...
import fs from 'node:fs';
import http from 'node:http';

const [port, ...routes] = process.argv.slice(2);
const pages = new Map(
  routes.map((route) => {
    const [urlPath, spec] = route.split('=');
    const [file, type = 'text/html; charset=utf-8'] = spec.split('::');
    return [urlPath, { body: fs.readFileSync(file), type }];
  }),
);

http
  .createServer((request, response) => {
    const page = pages.get(request.url);
    if (!page) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': page.type, 'content-length': page.body.length });
    response.end(page.body);
  })
  .listen(Number(port), '127.0.0.1', () => console.log('ready'));
