import { describe, expect, it } from 'vitest';
import { languageSwitchTarget } from '@/lib/i18n/switch-target';

describe('where the language switch returns to', () => {
  it('the page it names', () => {
    expect(languageSwitchTarget('/events/forum/agenda?venue=tokyo', 'http://forum.example/speakers', 'forum.example')).toBe(
      '/events/forum/agenda?venue=tokyo',
    );
  });

  it('else the page it was clicked on, when that is this site', () => {
    expect(languageSwitchTarget(undefined, 'http://forum.example/events/forum/agenda', 'forum.example')).toBe('/events/forum/agenda');
    expect(languageSwitchTarget(undefined, 'https://forum.example:8443/speakers?q=a', 'forum.example:8443')).toBe('/speakers?q=a');
  });

  it('else home: another site, no Referer, or one that is not a URL', () => {
    expect(languageSwitchTarget(undefined, 'https://evil.example/phish', 'forum.example')).toBe('/');
    expect(languageSwitchTarget(undefined, null, 'forum.example')).toBe('/');
    expect(languageSwitchTarget(undefined, 'not a url', 'forum.example')).toBe('/');
    expect(languageSwitchTarget(undefined, 'http://forum.example//evil.example/x', 'forum.example')).toBe('/');
  });
});
