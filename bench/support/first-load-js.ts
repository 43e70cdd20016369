// The JavaScript a browser downloads to show a page for the first time: every script the HTML
// references or preloads, gzipped the way the server would send it. `noModule` scripts (polyfills
// for browsers without ES modules) are left out: every browser that runs modules skips them.
import { gzipSync } from 'node:zlib';
import type { FirstLoadJs } from './report';

export function firstLoadScripts(html: string): string[] {
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\bnoModule\b/i.test(tag));
  const preloads = [...html.matchAll(/<link\b[^>]*\brel="preload"[^>]*>/g)].map((m) => m[0]).filter((tag) => /\bas="script"/.test(tag));
  const urls = [...scripts.map((tag) => /\bsrc="([^"]+)"/.exec(tag)?.[1]), ...preloads.map((tag) => /\bhref="([^"]+)"/.exec(tag)?.[1])];
  return [...new Set(urls.filter((u): u is string => Boolean(u)).map((u) => u.replace(/&amp;/g, '&')))];
}

export async function firstLoadJs(baseUrl: string, pagePath: string): Promise<FirstLoadJs> {
  const html = await (await fetch(`${baseUrl}${pagePath}`)).text();
  const sources = firstLoadScripts(html);
  let gzipBytes = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer());
    gzipBytes += gzipSync(body).length;
  }
  return { page: pagePath, scripts: sources.length, gzipKb: Math.round((gzipBytes / 1024) * 10) / 10 };
}
