// Input the HTTP edge used to accept wrongly or answer with a 500: invalid UTF-8 in a JSON body
// (silently replaced with U+FFFD), deeply nested JSON, page positions that fit the pattern but name
// no instant (9999-99-99T99:…), and event slugs spelled with percent-encoding.
import { describe, expect, it } from 'vitest';
import { programmeSlug } from '@/lib/agenda/programme-path';
import { MAX_JSON_DEPTH, jsonBodyProblem, readJsonBody } from '@/lib/http/json-body';
import { jsonNestingDepth } from '@/lib/http/json-depth';
import { cursorSchema } from '@/lib/pagination/keyset';

const UUID = '00000000-0000-4000-8000-000000000000';
const post = (body: BodyInit, type = 'application/json') =>
  new Request('http://localhost/api', { method: 'POST', headers: { 'content-type': type }, body });

describe('JSON bodies', () => {
  it('refuses bytes that are not UTF-8 with a 400 instead of storing U+FFFD', async () => {
    const bytes = Buffer.concat([Buffer.from('{"name":"Chai'), Buffer.from([0xff, 0xc3]), Buffer.from('"}')]);
    expect(await readJsonBody(post(bytes))).toEqual({ ok: false, code: 'malformed', error: 'body must be UTF-8 text' });
    // An overlong encoding of "/" and a lone surrogate are not UTF-8 either.
    expect(await readJsonBody(post(Buffer.from([0x22, 0xc0, 0xaf, 0x22])))).toMatchObject({ ok: false, code: 'malformed' });
    expect(await readJsonBody(post(Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22])))).toMatchObject({ ok: false, code: 'malformed' });
    expect(await readJsonBody(post('{"name":"陈 Chai 🙂"}'))).toEqual({ ok: true, value: { name: '陈 Chai 🙂' } });
  });

  it('refuses nesting past MAX_JSON_DEPTH before parsing, and counts brackets inside strings as text', async () => {
    expect(await readJsonBody(post('['.repeat(5000) + ']'.repeat(5000)))).toMatchObject({ ok: false, code: 'malformed' });
    expect(await readJsonBody(post('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)))).toMatchObject({ ok: true });
    expect(jsonNestingDepth('{"a":"[[[[\\"{{{","b":[{}]}')).toBe(3);
  });

  it('tells a handler that parses the body itself what is wrong, and leaves the body readable', async () => {
    expect(await jsonBodyProblem(post('{bad'))).toEqual({
      ok: false,
      code: 'invalid',
      error: 'body must be valid JSON',
      fields: { body: 'must be valid JSON' },
    });
    const fine = post('{"csrfToken":"x"}');
    expect(await jsonBodyProblem(fine)).toBeNull();
    expect(await fine.json()).toEqual({ csrfToken: 'x' });
    expect(await jsonBodyProblem(post('a=b', 'application/x-www-form-urlencoded'))).toBeNull();
  });
});

describe('page positions', () => {
  it('accepts a position a page gave out and refuses one that names no instant', () => {
    expect(cursorSchema.safeParse(`2026-11-20T08:00:00.123456Z_${UUID}`).success).toBe(true);
    expect(cursorSchema.safeParse(`2028-02-29T23:59:59.999999Z_${UUID}`).success).toBe(true);
    for (const time of [
      '9999-99-99T99:99:99.999999Z',
      '2026-02-30T00:00:00.000000Z',
      '2026-13-01T00:00:00.000000Z',
      '2026-01-01T24:00:00.000000Z',
      '0000-01-01T00:00:00.000000Z',
    ]) {
      expect(cursorSchema.safeParse(`${time}_${UUID}`).success, time).toBe(false);
    }
  });
});

describe('programme addresses', () => {
  it('names the event however its slug is percent-encoded, and nothing for a slug no event can have', () => {
    expect(programmeSlug('/events/china-asean-tech-forum/agenda')).toBe('china-asean-tech-forum');
    expect(programmeSlug('/events/china%2Dasean-tech-forum/agenda')).toBe('china-asean-tech-forum');
    expect(programmeSlug('/events/%63hina-asean-tech-forum%2d/agenda')).toBe('china-asean-tech-forum-');
    for (const path of [
      '/events/%ff/agenda',
      '/events/China/agenda',
      '/events/a%2Fb/agenda',
      '/events/a%20b/agenda',
      '/events/x/agenda/',
      '/events/x/agenda?q=1',
      `/events/${'a'.repeat(90)}/agenda`,
    ]) {
      expect(programmeSlug(path), path).toBeNull();
    }
  });
});
