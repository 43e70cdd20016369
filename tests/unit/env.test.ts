import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '@/lib/config/env';

describe('configuration', () => {
  it('has working defaults for the embedded mode', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ port: 3000, dataDir: './.data', embedded: true, appUrl: 'http://localhost:3000' });
    expect(env.smtpUrl).toBeUndefined();
  });

  it('derives APP_URL from PORT and strips a trailing slash from an explicit one', () => {
    expect(parseEnv({ PORT: '8080' }).appUrl).toBe('http://localhost:8080');
    expect(parseEnv({ APP_URL: 'https://forum.example.org/' }).appUrl).toBe('https://forum.example.org');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x', AUTH_SECRET: 'x'.repeat(40) }, 'DATABASE_URL'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ APP_URL: 'not a url' }, 'APP_URL'],
    [{ MAIL_FROM: 'nobody' }, 'MAIL_FROM'],
    [{ MAIL_FROM: 'Evil\r\nBcc: x@y.z <a@b.c>' }, 'MAIL_FROM'],
    [{ AUTH_SECRET: 'short' }, 'AUTH_SECRET'],
    [{ DATABASE_URL: 'postgres://localhost/db' }, 'AUTH_SECRET'],
    [{ MAIL_CONCURRENCY: '0' }, 'MAIL_CONCURRENCY'],
    [{ MAIL_CONCURRENCY: '65' }, 'MAIL_CONCURRENCY'],
    [{ MAIL_CONCURRENCY: '2.5' }, 'MAIL_CONCURRENCY'],
    [{ MAIL_CONCURRENCY: 'many' }, 'MAIL_CONCURRENCY'],
    [{ STREAM_ORIGINS: 'https://cdn.example.com/path' }, 'STREAM_ORIGINS'],
    [{ STREAM_ORIGINS: "https://cdn.example.com 'unsafe-inline'" }, 'STREAM_ORIGINS'],
  ])('rejects %o with one line naming %s', (source, variable) => {
    let error: unknown;
    try {
      parseEnv(source);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
    expect(message).not.toContain('\n');
  });

  it('reads MAIL_CONCURRENCY, 4 mails in flight when unset', () => {
    expect(parseEnv({}).mailConcurrency).toBe(4);
    expect(parseEnv({ MAIL_CONCURRENCY: '16' }).mailConcurrency).toBe(16);
    expect(parseEnv({ MAIL_CONCURRENCY: ' ' }).mailConcurrency).toBe(4);
  });

  it('treats blank values as unset', () => {
    expect(parseEnv({ PORT: '', SMTP_URL: ' ' })).toMatchObject({ port: 3000, smtpUrl: undefined });
  });

  it('reads STREAM_ORIGINS as origins separated by spaces, any https origin when unset', () => {
    expect(parseEnv({}).streamOrigins).toEqual(['https:']);
    expect(parseEnv({ STREAM_ORIGINS: ' https://cdn.example.com\thttp://127.0.0.1:24000 ' }).streamOrigins).toEqual([
      'https://cdn.example.com',
      'http://127.0.0.1:24000',
    ]);
  });
});
