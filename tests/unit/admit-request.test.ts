// The app server's gate in front of Next.js (lib/server/admit-request.ts), on a real node:http server
// built like scripts/serve.ts: bodies over the limit refused with a 413 as they arrive, declared or
// chunked, without being held; bodies under it passed on intact; server action calls checked against
// what React really sends (its own encodeReply makes the genuine ones).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admit } from '@/lib/server/admit-request';
import { HeldBodyRequest } from '@/lib/server/held-body-request';
import { MAX_ACTION_ARGUMENTS, MAX_FORM_BODY_BYTES } from '@/lib/server/request-guard';
import { MAX_PHOTO_BYTES } from '@/lib/speakers/photo';
import { encodeReply } from '../helpers/encode-reply';

let server: http.Server;
let base = '';
let passedOn: { path: string; bytes: number }[] = [];

beforeAll(async () => {
  server = http.createServer({ IncomingMessage: HeldBodyRequest }, (request, response) => {
    void admit(request as HeldBodyRequest, response).then(async (admitted) => {
      if (!admitted) return;
      // Stands in for Next.js: reads the body as a stream, as it would.
      let bytes = 0;
      for await (const chunk of request) bytes += (chunk as Buffer).length;
      passedOn.push({ path: request.url ?? '', bytes });
      response.end(`read ${bytes}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Resolves with the status as soon as it arrives, even while the body is still going out. */
function send(
  path: string,
  options: { bytes?: number; declared?: boolean; headers?: Record<string, string>; body?: string | Buffer } = {},
) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const body = options.body !== undefined ? Buffer.from(options.body) : Buffer.alloc(options.bytes ?? 0, 'x');
    const headers: Record<string, string | number> = { ...options.headers };
    if (options.declared !== false) headers['content-length'] = body.length;
    const request = http.request(`${base}${path}`, { method: 'POST', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() });
        request.destroy();
      });
    });
    request.on('error', (error) => setTimeout(() => reject(error), 1_000));
    for (let at = 0; at < body.length; at += 16 * 1024) request.write(body.subarray(at, at + 16 * 1024));
    request.end();
  });
}

describe('request bodies', () => {
  it('passes a body up to the form limit on intact, declared or chunked', async () => {
    passedOn = [];
    expect(await send('/events/x/register', { bytes: MAX_FORM_BODY_BYTES })).toEqual({ status: 200, text: `read ${MAX_FORM_BODY_BYTES}` });
    expect(await send('/events/x/register', { bytes: MAX_FORM_BODY_BYTES, declared: false })).toEqual({
      status: 200,
      text: `read ${MAX_FORM_BODY_BYTES}`,
    });
    expect(await send('/speaker/photo', { bytes: MAX_PHOTO_BYTES, headers: { 'content-type': 'image/png' } })).toEqual({
      status: 200,
      text: `read ${MAX_PHOTO_BYTES}`,
    });
  });

  it('refuses a body one byte over with a 413 naming the limit, declared or chunked, and never passes it on', async () => {
    passedOn = [];
    for (const declared of [true, false]) {
      const refused = await send('/events/x/register', { bytes: MAX_FORM_BODY_BYTES + 1, declared });
      expect(refused).toEqual({ status: 413, text: 'The request body must be at most 64 KB.\n' });
      expect(await send('/api/v1/events/x/registrations', { bytes: 12 * 1024 * 1024, declared })).toEqual({
        status: 413,
        text: '{"error":"The request body must be at most 64 KB."}',
      });
      expect((await send('/speaker/photo', { bytes: MAX_PHOTO_BYTES + 1, declared })).status).toBe(413);
    }
    expect(passedOn).toEqual([]);
  });

  it('refuses an address that cannot be percent-decoded or decodes to a control character', async () => {
    for (const path of ['/events/%ff/agenda', '/api/v1/events/%ff', '/api/v1/me/%e0%80%80/calendar.ics', '/manage/%00']) {
      expect((await send(path)).status, path).toBe(400);
    }
    expect((await send('/events/china%2Dasean/agenda')).status).toBe(200);
  });
});

describe('server action calls', () => {
  const action = (body: string | Buffer, headers: Record<string, string> = {}) =>
    send('/events/x/register', {
      body,
      headers: { 'next-action': '7f00', 'content-type': 'text/plain;charset=UTF-8', host: 'forum.example', ...headers },
    });
  const form = async (data: FormData, headers: Record<string, string> = {}) => {
    const encoded = new Request('http://x', { method: 'POST', body: data });
    return send('/manage/x', {
      body: Buffer.from(await encoded.arrayBuffer()),
      headers: { 'content-type': encoded.headers.get('content-type')!, host: 'forum.example', ...headers },
    });
  };

  it('passes what React sends for the app’s actions: text, objects with dates and undefined, forms', async () => {
    const text = await encodeReply([
      'china-asean-tech-forum',
      { name: '陈 "$x" [', when: new Date(0), note: undefined, n: NaN, list: [1, '$x'] },
    ]);
    expect(typeof text).toBe('string');
    expect((await action(text as string, { origin: 'http://forum.example' })).status).toBe(200);
    const fields = new FormData();
    fields.append('mode', 'online');
    fields.append('sessions', '$Q1');
    const encoded = (await encodeReply(['token', fields])) as FormData;
    expect((await form(encoded, { 'next-action': '7f00' })).status).toBe(200);
    // A form posted without script, as Next.js renders it.
    const plain = new FormData();
    plain.append('$ACTION_ID_7f00', '');
    plain.append('confirm', '[[[{');
    expect((await form(plain)).status).toBe(200);
    // …and one whose action has bound arguments (a token), which React puts in $ACTION_1:* parts.
    const bound = new FormData();
    bound.append('$ACTION_REF_1', '');
    bound.append('$ACTION_1:0', '{"id":"7f00","bound":"$@1"}');
    bound.append('$ACTION_1:1', '["v1.token"]');
    bound.append('confirm', 'yes');
    expect((await form(bound)).status).toBe(200);
  });

  it('refuses a foreign origin with a 403, and malformed, deep, long or dangling arguments with a 400', async () => {
    expect(await action('["x"]', { origin: 'https://evil.example' })).toEqual({ status: 403, text: 'Cross-site request refused.\n' });
    expect((await action('["x"]', { origin: 'null' })).status).toBe(403);
    const refused = [
      '{bad',
      Buffer.from([0x5b, 0x22, 0xff, 0x22, 0x5d]),
      '['.repeat(5000) + ']'.repeat(5000),
      `["x",${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}]`,
      JSON.stringify(Array.from({ length: MAX_ACTION_ARGUMENTS + 1 }, () => 'x')),
      '"not a list"',
      '["$@1"]',
      '["x",{"a":"$Q2"}]',
      '["$F4"]',
      '["$1"]',
    ];
    for (const body of refused) expect((await action(body)).status, String(body).slice(0, 40)).toBe(400);
    const outlined = new FormData();
    outlined.append('0', '["$1"]');
    outlined.append('1', '{}');
    expect((await form(outlined, { 'next-action': '7f00' })).status).toBe(400);
    for (const [part, text] of [
      ['1', '{bad'],
      ['1', '["$@7"]'],
      ['0', '{"id":"7f00","bound":"$@2"}'],
    ] as const) {
      const bound = new FormData();
      bound.append('$ACTION_REF_1', '');
      bound.append('$ACTION_1:0', '{"id":"7f00","bound":"$@1"}');
      bound.append('$ACTION_1:1', '["v1.token"]');
      bound.set(`$ACTION_1:${part}`, text);
      expect((await form(bound)).status, text).toBe(400);
    }
    expect(
      (await send('/manage/x', { body: '--xyz\r\nbroken', headers: { 'content-type': 'multipart/form-data; boundary=xyz' } })).status,
    ).toBe(400);
  });
});
