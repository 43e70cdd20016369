import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { GET } from '@/app/locale/route';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';

const ask = (query: string) => GET(new NextRequest(`http://localhost/locale?${query}`));

describe('the language switch (/locale)', () => {
  it('sets the chosen language and goes back to the page', async () => {
    const response = await ask('to=zh&back=/agenda');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/agenda');
    expect(response.cookies.get(LOCALE_COOKIE)?.value).toBe('zh');
  });

  it('goes back without changing anything for a language the site does not have, rather than showing a developer error', async () => {
    for (const query of ['to=xx&back=/agenda', 'back=/agenda', 'to=ZH&back=/agenda', 'to=%ff&back=/agenda']) {
      const response = await ask(query);
      expect(response.status, query).toBe(303);
      expect(response.headers.get('location'), query).toBe('/agenda');
      expect(response.cookies.get(LOCALE_COOKIE), query).toBeUndefined();
    }
  });

  it('never sends a person off the site', async () => {
    const response = await ask('to=en&back=//evil.example/x');
    expect(response.headers.get('location')).not.toMatch(/evil/);
  });
});
