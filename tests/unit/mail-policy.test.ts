// The mail worker's rules, each on its own: which SMTP failures are final, how long a retry waits,
// and what an address, display name or subject may contain before it reaches a header.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recipient, safeDisplayName, safeSubject } from '@/lib/mail/addresses';
import { classifyFailure, exponentialBackoff, MAX_ATTEMPTS } from '@/lib/mail/delivery-policy';

describe('classifyFailure', () => {
  it('a 5xx reply is final; 4xx, no reply code and non-numeric codes may work later', () => {
    expect(classifyFailure({ responseCode: 550, response: '550 Mailbox unavailable' }).permanent).toBe(true);
    expect(classifyFailure({ responseCode: 500 }).permanent).toBe(true);
    expect(classifyFailure({ responseCode: 599 }).permanent).toBe(true);
    expect(classifyFailure({ responseCode: 600 }).permanent).toBe(false);
    expect(classifyFailure({ responseCode: 499 }).permanent).toBe(false);
    expect(classifyFailure({ responseCode: 421 }).permanent).toBe(false);
    expect(classifyFailure({ responseCode: '550' }).permanent).toBe(false);
    expect(classifyFailure(new Error('connect ECONNREFUSED')).permanent).toBe(false);
    expect(classifyFailure(undefined).permanent).toBe(false);
  });

  it('keeps the reply, the error code and the message, joined, at most 1000 characters', () => {
    const error = Object.assign(new Error('Message failed'), { response: '552 Too big', code: 'EMESSAGE', responseCode: 552 });
    expect(classifyFailure(error)).toEqual({ permanent: true, reply: '552 Too big | EMESSAGE | Message failed' });
    expect(classifyFailure({ code: 42, response: 7, message: 'only this' }).reply).toBe('only this');
    expect(classifyFailure('socket hang up').reply).toBe('socket hang up');
    expect(classifyFailure(null).reply).toBe('null');
    expect(classifyFailure({ message: 'x'.repeat(1500) }).reply).toHaveLength(1000);
  });
});

describe('exponentialBackoff', () => {
  afterEach(() => vi.restoreAllMocks());

  it('30 s, 1 min, 2 min … doubling from the first attempt, capped at an hour', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    expect([0, 1, 2, 3, 4, 8, 9, 30].map(exponentialBackoff)).toEqual([
      30_000, 30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
    expect(exponentialBackoff(8)).toBe(3_600_000);
    expect(exponentialBackoff(7)).toBe(1_920_000);
  });

  it('jitters by up to a fifth either way', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    expect(exponentialBackoff(2)).toBe(48_000);
    vi.spyOn(Math, 'random').mockReturnValue(0.999999);
    expect(exponentialBackoff(2)).toBe(72_000);
  });

  it('gives up after 30 attempts', () => {
    expect(MAX_ATTEMPTS).toBe(30);
  });
});

describe('addresses and headers', () => {
  it('a display name cannot break out of its header: control characters and runs of spaces become one space', () => {
    expect(safeDisplayName('  Ana\r\nBcc: x@evil.test\u0000\u2028end\u007f  ')).toBe('Ana Bcc: x@evil.test end');
    expect(safeDisplayName('a\t\tb   c')).toBe('a b c');
    expect(safeDisplayName('"Li, Wei" <w@x>')).toBe('"Li, Wei" <w@x>');
    expect(safeDisplayName('n'.repeat(300))).toHaveLength(200);
  });

  it('a subject is one line of at most 200 characters (the display-name limit applies first)', () => {
    expect(safeSubject('Your place\r\nBcc: all@x')).toBe('Your place Bcc: all@x');
    expect(safeSubject('s'.repeat(400))).toHaveLength(200);
  });

  it('a recipient is a plain address of at most 254 characters, with a safe name', () => {
    expect(recipient('ana@forum.test', 'Ana\nB')).toEqual({ name: 'Ana B', address: 'ana@forum.test' });
    expect(recipient('not-an-address', 'Ana')).toBeNull();
    expect(recipient('ana@forum.test\r\nBcc: x@evil.test', 'Ana')).toBeNull();
    expect(recipient(`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(59)}.test`, 'A')).toBeNull();
    expect(recipient(`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(50)}.test`, 'A')).not.toBeNull();
  });

  it('MAIL_FROM is split into a name (quotes and control characters removed) and an address', async () => {
    const from = async (value: string) => {
      vi.resetModules();
      vi.stubEnv('MAIL_FROM', value);
      const addresses = await import('@/lib/mail/addresses');
      return addresses.mailFromAddress();
    };
    try {
      expect(await from('"Forum Desk" <desk@forum.test>')).toEqual({ name: 'Forum Desk', address: 'desk@forum.test' });
      expect(await from(' Forum  Desk <desk@forum.test>')).toEqual({ name: 'Forum Desk', address: 'desk@forum.test' });
      expect(await from('desk@forum.test')).toEqual({ name: '', address: 'desk@forum.test' });
      // Only the quotes around the whole name go, with the spaces outside them.
      expect(await from('  "Forum Desk"  <desk@forum.test>')).toEqual({ name: 'Forum Desk', address: 'desk@forum.test' });
      expect(await from('Forum "Desk" Team <desk@forum.test>')).toEqual({ name: 'Forum "Desk" Team', address: 'desk@forum.test' });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
