// The JavaScript a browser downloads to show a page for the first time: every script the HTML
// references, gzipped the way the server would send it.
import { gzipSync } from 'node:zlib';
import type { FirstLoadJs } from './report';

export async function firstLoadJs(baseUrl: string, pagePath: string): Promise<FirstLoadJs> {
  const html = await (await fetch(`${baseUrl}${pagePath}`)).text();
  const sources = new Set([...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')));
  let gzipBytes = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer());
    gzipBytes += gzipSync(body).length;
  }
  return { page: pagePath, scripts: sources.size, gzipKb: Math.round((gzipBytes / 1024) * 10) / 10 };
}
