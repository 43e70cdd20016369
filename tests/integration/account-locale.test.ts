// An account keeps a language, for its mails: a signed-in person's pick on the language switcher
// replaces it; a sign-in gives the page's language to an account that has none, and leaves one
// that has a language alone. Sign-ins go through next-auth's own authorize(), as a form post would.
import { eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { GET } from '@/app/locale/route';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, users, verificationTokens } from '@/db/schema';
import { adoptSignInLocale, rememberAccountLocale } from '@/lib/auth/account-locale';
import { setAccountDisabled } from '@/lib/auth/disable-account';
import { createMagicLinkToken } from '@/lib/auth/magic-link';
import { magicLinkAllowed } from '@/lib/auth/magic-link-limits';
import { accountThrottleKey } from '@/lib/auth/sign-in-throttle';
import { authOptions, sessionCookieName } from '@/lib/auth/options';
import { openSession } from '@/lib/auth/sessions';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';
import { appSecret } from '@/lib/security/secret';
import { requestMagicLink } from '@/lib/auth/request-magic-link';
import { upsertUser } from '@/lib/auth/users';
import { useDatabase } from '@/lib/database/process-database';
import { deliverDueMail } from '@/lib/mail-delivery/worker';
import { smtpTransport } from '@/lib/mail/transport';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { startSmtpServer } from '../helpers/smtp';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
});
afterAll(() => t?.close());

type Provider = {
  options: { id: string; authorize: (credentials: Record<string, string>, request: object) => Promise<{ id: string } | null> };
};
/** A provider's own authorize(), as next-auth calls it for the sign-in form's post. */
function authorize(id: 'password' | 'magic-link', credentials: Record<string, string>) {
  const provider = (authOptions().providers as unknown as Provider[]).find((p) => p.options?.id === id)!;
  return provider.options.authorize(credentials, { headers: { 'x-forwarded-for': '198.51.100.77' }, body: {}, query: {}, method: 'POST' });
}

const localeOf = async (email: string) =>
  (await t.db.select({ locale: users.locale }).from(users).where(eq(users.email, email)))[0]!.locale;

/** The sign-in link mailed to this address, asked from a page in `pageLocale`, as it arrives over SMTP. */
async function signInMail(email: string, pageLocale: 'en' | 'th' | 'ko') {
  const [user] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  await t.db.delete(verificationTokens).where(eq(verificationTokens.identifier, user!.id));
  await t.db.delete(outbox);
  expect(await requestMagicLink(t.db, email, '/', { pageLocale, clientKey: `mail-${Math.random()}` })).toMatchObject({ ok: true });
  const smtp = await startSmtpServer();
  const transport = smtpTransport(smtp.url, { maxConnections: 1 });
  try {
    await deliverDueMail(t.db, transport, { backoff: () => 0 });
  } finally {
    transport.close();
    await smtp.close();
  }
  expect(smtp.received).toHaveLength(1);
  return smtp.received[0]!;
}

describe(`an account's language (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('a password sign-in on a Thai page gives an account without a language Thai, and its mails come in Thai', async () => {
    const email = 'somchai.password@example.org';
    await upsertUser(t.db, { email, password: 'correct horse battery' });
    expect(await localeOf(email)).toBeNull();
    expect(await authorize('password', { email, password: 'correct horse battery', locale: 'th' })).toMatchObject({ email });
    expect(await localeOf(email)).toBe('th');
    // Asked later from an English page, the sign-in link still comes in Thai: the account's language wins.
    const mail = await signInMail(email, 'en');
    expect(mail.parsed.subject).toBe('ลิงก์สำหรับเข้าสู่ระบบของท่าน');
    expect(mail.parsed.html).toMatch(/<html[^>]*lang="th"/);
  });

  it('a later sign-in on a page in another language leaves the account’s language as it is; a refused one sets nothing', async () => {
    const email = 'somchai.password@example.org';
    expect(await authorize('password', { email, password: 'correct horse battery', locale: 'ko' })).toMatchObject({ email });
    expect(await localeOf(email)).toBe('th');
    const other = 'wrong.password@example.org';
    await upsertUser(t.db, { email: other, password: 'correct horse battery' });
    expect(await authorize('password', { email: other, password: 'wrong', locale: 'ja' })).toBeNull();
    expect(await localeOf(other)).toBeNull();
  });

  it('a sign-in link completed on a Korean page gives Korean; a language the site does not have gives none', async () => {
    const email = 'jiwoo.link@example.org';
    const id = await upsertUser(t.db, { email });
    const first = await createMagicLinkToken(t.db, email);
    expect(await authorize('magic-link', { token: first!.token, locale: 'fr' })).toMatchObject({ id });
    expect(await localeOf(email)).toBeNull();
    await t.db.delete(verificationTokens).where(eq(verificationTokens.identifier, id));
    const second = await createMagicLinkToken(t.db, email);
    expect(await authorize('magic-link', { token: second!.token, locale: 'ko' })).toMatchObject({ id });
    expect(await localeOf(email)).toBe('ko');
    expect((await signInMail(email, 'th')).parsed.subject).toBe('로그인 링크');
  });

  it('the language switcher, used while signed in, replaces the account’s language, and the next mail follows it', async () => {
    const email = 'jiwoo.link@example.org';
    const [user] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    // The switcher's own route, with the session cookie next-auth would have set at sign-in.
    const cookie = await encode({ token: { sessionToken: await openSession(t.db, user!.id) }, secret: appSecret() });
    const switchTo = (to: string, headers: Record<string, string>) =>
      GET(new NextRequest(`http://localhost/locale?to=${to}&back=/speaker`, { headers }));
    const answer = await switchTo('ja', { cookie: `${sessionCookieName()}=${cookie}` });
    expect(answer.status).toBe(303);
    expect(answer.cookies.get(LOCALE_COOKIE)?.value).toBe('ja');
    expect(await localeOf(email)).toBe('ja');
    // Without the session (signed out, or another person's browser), only the cookie changes.
    await switchTo('th', {});
    await switchTo('th', { cookie: `${sessionCookieName()}=not-a-session` });
    expect(await localeOf(email)).toBe('ja');
    await rememberAccountLocale(t.db, user!.id, 'ko');
    expect(await localeOf(email)).toBe('ko');
    await rememberAccountLocale(t.db, user!.id, 'ja');
    // A sign-in does not undo a choice.
    await adoptSignInLocale(t.db, user!.id, 'th');
    expect(await localeOf(email)).toBe('ja');
    const mail = await signInMail(email, 'ko');
    expect(mail.parsed.subject).toBe('サインイン用リンク');
    expect(mail.parsed.html).toMatch(/<html[^>]*lang="ja"/);
  });

  it('an account with no language gets its sign-in link in the language of the page it was asked from', async () => {
    const email = 'no.language@example.org';
    await upsertUser(t.db, { email });
    expect(await localeOf(email)).toBeNull();
    const mail = await signInMail(email, 'th');
    expect(mail.parsed.subject).toBe('ลิงก์สำหรับเข้าสู่ระบบของท่าน');
    expect(mail.parsed.html).toMatch(/<html[^>]*lang="th"/);
  });

  it('an address typed with spaces and capitals is the same account: a link is made, the account is disabled, the limits and the throttle count it as one', async () => {
    const email = 'spaced.account@example.org';
    const typed = '  Spaced.Account@Example.org ';
    const id = await upsertUser(t.db, { email });
    expect(await createMagicLinkToken(t.db, typed)).toMatchObject({ userId: id });
    expect(accountThrottleKey(typed)).toBe(accountThrottleKey(email));
    const limits = { perClient: 100, perAddressAndClient: 1 };
    expect((await magicLinkAllowed(t.db, email, 'spaced-client', limits)).allowed).toBe(true);
    expect((await magicLinkAllowed(t.db, typed, 'spaced-client', limits)).allowed).toBe(false);
    expect(await setAccountDisabled(t.db, typed, true)).toBe(true);
    expect(await createMagicLinkToken(t.db, email)).toBeNull();
    await setAccountDisabled(t.db, email, false);
  });
});
