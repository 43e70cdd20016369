import fs from 'node:fs';
import path from 'node:path';
import { expect, type Browser, type BrowserContext } from '@playwright/test';
import type { Locale } from '@/lib/i18n/locales';
import { LOCALE_COOKIE, locales } from '@/lib/i18n/locales';
import { demoAccounts } from '@/lib/demo/demo-accounts';
import { matrixAccounts, PASSWORD } from '../fixtures';
import { seededIds, speakerAccount, type SeededIds } from './seeded-ids';

/**
 * Every page of every role, with who opens it and where it is: the one list that the accessibility,
 * phone-width and wording suites walk. `route` is the page file's folder under app/[locale], so a
 * page.tsx that nobody lists here fails `uncoveredPageRoutes()`.
 */
export type Actor = 'anonymous' | 'attendee' | 'speaker' | 'exhibitor' | 'checkin' | 'organiser';

export type InventoryPage = {
  name: string;
  route: string;
  actor: Actor;
  path: (ids: SeededIds) => string;
  /** The status the page answers with when it is not 200: a link that no longer works says so with a 404. */
  status?: number;
};

const admin = (ids: SeededIds) => `/admin/events/${ids.slug}`;

export const pageInventory: InventoryPage[] = [
  // Public
  { name: 'home', route: '', actor: 'anonymous', path: () => '/' },
  { name: 'programme shortcut', route: 'agenda', actor: 'anonymous', path: () => '/agenda' },
  { name: 'speakers shortcut', route: 'speakers', actor: 'anonymous', path: () => '/speakers' },
  { name: 'register shortcut', route: 'register', actor: 'anonymous', path: () => '/register' },
  { name: 'privacy', route: 'privacy', actor: 'anonymous', path: () => '/privacy' },
  { name: 'sign in', route: 'signin', actor: 'anonymous', path: () => '/signin' },
  { name: 'magic link without a token', route: 'signin/magic', actor: 'anonymous', path: () => '/signin/magic' },
  { name: 'event page', route: 'events/[slug]', actor: 'anonymous', path: (ids) => `/events/${ids.slug}` },
  { name: 'programme', route: 'events/[slug]/agenda', actor: 'anonymous', path: (ids) => `/events/${ids.slug}/agenda` },
  {
    name: 'filtered programme in the viewer’s zone',
    route: 'events/[slug]/agenda/filtered',
    actor: 'anonymous',
    path: (ids) => `/events/${ids.slug}/agenda?venue=bangkok&tz=America/Los_Angeles`,
  },
  {
    name: 'session page',
    route: 'events/[slug]/sessions/[session]',
    actor: 'anonymous',
    path: (ids) => `/events/${ids.slug}/sessions/${ids.sessionSlug}`,
  },
  {
    name: 'promotion session presenting listings',
    route: 'events/[slug]/sessions/[session]',
    actor: 'anonymous',
    path: (ids) => `/events/${ids.slug}/sessions/promotion-smart-hospitals`,
  },
  {
    name: 'request a meeting about a listing',
    route: 'events/[slug]/meet',
    actor: 'anonymous',
    path: (ids) => `/events/${ids.slug}/meet?with=listing:${ids.publishedListingId}`,
  },
  {
    name: 'request a meeting with an exhibitor',
    route: 'events/[slug]/meet',
    actor: 'anonymous',
    path: (ids) => `/events/${ids.slug}/meet?with=exhibitor:${ids.exhibitorId}`,
  },
  { name: 'speakers', route: 'events/[slug]/speakers', actor: 'anonymous', path: (ids) => `/events/${ids.slug}/speakers` },
  {
    name: 'speaker page',
    route: 'events/[slug]/speakers/[speaker]',
    actor: 'anonymous',
    path: (ids) => `/events/${ids.slug}/speakers/${ids.speakerSlug}`,
  },
  { name: 'exhibitors', route: 'events/[slug]/exhibitors', actor: 'anonymous', path: (ids) => `/events/${ids.slug}/exhibitors` },
  {
    name: 'exhibitor page',
    route: 'events/[slug]/exhibitors/[exhibitor]',
    actor: 'anonymous',
    path: (ids) => `/events/${ids.slug}/exhibitors/${ids.exhibitorSlug}`,
  },
  {
    name: 'technologies, filtered',
    route: 'events/[slug]/technologies',
    actor: 'anonymous',
    path: (ids) => `/events/${ids.slug}/technologies?sector=big-health&kind=offer&country=CN&trl=5`,
  },
  { name: 'outcomes', route: 'events/[slug]/outcomes', actor: 'anonymous', path: (ids) => `/events/${ids.slug}/outcomes` },
  { name: 'outcomes edition by edition', route: 'outcomes', actor: 'anonymous', path: () => '/outcomes' },
  { name: 'registration form', route: 'events/[slug]/register', actor: 'anonymous', path: (ids) => `/events/${ids.slug}/register` },
  {
    name: 'registration form opened by an invitation code',
    route: 'events/[slug]/register',
    actor: 'anonymous',
    path: (ids) => `/events/${ids.slug}/register?code=${ids.categoryCode}`,
  },
  {
    name: 'delegation registration form',
    route: 'events/[slug]/register/delegation',
    actor: 'anonymous',
    path: (ids) => `/events/${ids.slug}/register/delegation?code=${ids.categoryCode}`,
  },
  { name: 'not found', route: '[...missing]', actor: 'anonymous', path: () => '/no/such/page', status: 404 },
  // Attendees (the secret links from their mails)
  { name: 'manage, in person', route: 'manage/[token]', actor: 'anonymous', path: (ids) => ids.inPersonManagePath },
  { name: 'manage, online', route: 'manage/[token]', actor: 'anonymous', path: (ids) => ids.onlineManagePath },
  { name: 'confirm a new address', route: 'manage/email/[token]', actor: 'anonymous', path: (ids) => ids.emailChangePath },
  { name: 'new-address link that no longer works', route: 'manage/email/[token]', actor: 'anonymous', path: () => '/manage/email/x' },
  // A registration that heads no delegation is told so (the head's own page: delegations.spec.ts).
  {
    name: 'delegation, not a head',
    route: 'manage/[token]/delegation',
    actor: 'anonymous',
    path: (ids) => `${ids.inPersonManagePath}/delegation`,
  },
  { name: 'my listings', route: 'manage/[token]/listings', actor: 'anonymous', path: (ids) => `${ids.inPersonManagePath}/listings` },
  { name: 'my meetings', route: 'manage/[token]/meetings', actor: 'anonymous', path: (ids) => `${ids.inPersonManagePath}/meetings` },
  { name: 'join a livestream', route: 'join/[token]', actor: 'anonymous', path: (ids) => ids.joinPath },
  // Live now, with interpretation channels and the in-page player (its stream server is player.spec.ts's).
  { name: 'join a livestream while live', route: 'join/[token]', actor: 'anonymous', path: (ids) => ids.playerJoinPath },
  { name: 'live questions and polls', route: 'live/[token]', actor: 'anonymous', path: (ids) => ids.livePath },
  // Venue screens (a revocable link a moderator made)
  { name: 'stage display', route: 'stage/[token]', actor: 'anonymous', path: (ids) => ids.stagePath },
  // An invitation letter's verification URL (an altered code says it is not valid)
  {
    name: 'letter check, not valid',
    route: 'verify/letter/[code]',
    actor: 'anonymous',
    path: () => `/verify/letter/00000000-0000-4000-8000-000000000000.${'x'.repeat(43)}`,
  },
  // A certificate's verification URL (an altered code says it is not valid)
  {
    name: 'certificate check, not valid',
    route: 'verify/certificate/[code]',
    actor: 'anonymous',
    path: () => `/verify/certificate/00000000-0000-4000-8000-000000000000.${'x'.repeat(43)}`,
  },
  // Team invites (the link from the mail; one used, revoked or unknown says so)
  { name: 'team invite, used or unknown', route: 'invite/[token]', actor: 'anonymous', path: () => `/invite/${'x'.repeat(43)}` },
  // Speakers
  { name: 'speaker portal', route: 'speaker', actor: 'speaker', path: () => '/speaker' },
  // Exhibitor staff (the demo's Siam MedTech; its pending listing is the seeded one)
  {
    name: 'exhibitor staff invite, used or unknown',
    route: 'exhibitor/invite/[token]',
    actor: 'anonymous',
    path: () => `/exhibitor/invite/${'x'.repeat(43)}`,
  },
  { name: 'exhibitor portal', route: 'exhibitor', actor: 'exhibitor', path: () => '/exhibitor' },
  {
    name: 'exhibitor profile and listings',
    route: 'exhibitor/[exhibitorId]',
    actor: 'exhibitor',
    path: (ids) => `/exhibitor/${ids.exhibitorId}`,
  },
  {
    name: 'exhibitor new listing',
    route: 'exhibitor/[exhibitorId]/listings/new',
    actor: 'exhibitor',
    path: (ids) => `/exhibitor/${ids.exhibitorId}/listings/new`,
  },
  {
    name: 'exhibitor listing',
    route: 'exhibitor/[exhibitorId]/listings/[listingId]',
    actor: 'exhibitor',
    path: (ids) => `/exhibitor/${ids.exhibitorId}/listings/${ids.listingId}`,
  },
  {
    name: 'exhibitor meetings',
    route: 'exhibitor/[exhibitorId]/meetings',
    actor: 'exhibitor',
    path: (ids) => `/exhibitor/${ids.exhibitorId}/meetings`,
  },
  // Check-in staff
  { name: 'check-in desk (venue staff)', route: 'admin/events/[slug]/checkin', actor: 'checkin', path: (ids) => `${admin(ids)}/checkin` },
  {
    name: 'session door, choosing (venue staff)',
    route: 'admin/events/[slug]/checkin/door',
    actor: 'checkin',
    path: (ids) => `${admin(ids)}/checkin/door`,
  },
  // Organisers
  { name: 'admin home', route: 'admin', actor: 'organiser', path: () => '/admin' },
  { name: 'admin new event', route: 'admin/events/new', actor: 'organiser', path: () => '/admin/events/new' },
  {
    name: 'admin event status and editions',
    route: 'admin/events/[slug]/settings',
    actor: 'organiser',
    path: (ids) => `${admin(ids)}/settings`,
  },
  { name: 'admin overview', route: 'admin/events/[slug]', actor: 'organiser', path: admin },
  { name: 'admin agenda', route: 'admin/events/[slug]/agenda', actor: 'organiser', path: (ids) => `${admin(ids)}/agenda` },
  {
    name: 'admin new session',
    route: 'admin/events/[slug]/agenda/sessions/new',
    actor: 'organiser',
    path: (ids) => `${admin(ids)}/agenda/sessions/new`,
  },
  {
    name: 'admin session',
    route: 'admin/events/[slug]/agenda/sessions/[id]',
    actor: 'organiser',
    path: (ids) => `${admin(ids)}/agenda/sessions/${ids.sessionId}`,
  },
  {
    name: 'admin speakers',
    route: 'admin/events/[slug]/agenda/speakers',
    actor: 'organiser',
    path: (ids) => `${admin(ids)}/agenda/speakers`,
  },
  {
    name: 'admin new speaker',
    route: 'admin/events/[slug]/agenda/speakers/new',
    actor: 'organiser',
    path: (ids) => `${admin(ids)}/agenda/speakers/new`,
  },
  {
    name: 'admin speaker',
    route: 'admin/events/[slug]/agenda/speakers/[speakerId]',
    actor: 'organiser',
    path: (ids) => `${admin(ids)}/agenda/speakers/${ids.speakerId}`,
  },
  { name: 'admin exhibitors', route: 'admin/events/[slug]/exhibitors', actor: 'organiser', path: (ids) => `${admin(ids)}/exhibitors` },
  { name: 'admin meetings', route: 'admin/events/[slug]/meetings', actor: 'organiser', path: (ids) => `${admin(ids)}/meetings` },
  {
    name: 'admin new exhibitor',
    route: 'admin/events/[slug]/exhibitors/new',
    actor: 'organiser',
    path: (ids) => `${admin(ids)}/exhibitors/new`,
  },
  {
    name: 'admin exhibitor',
    route: 'admin/events/[slug]/exhibitors/[exhibitorId]',
    actor: 'organiser',
    path: (ids) => `${admin(ids)}/exhibitors/${ids.exhibitorId}`,
  },
  { name: 'admin listings', route: 'admin/events/[slug]/listings', actor: 'organiser', path: (ids) => `${admin(ids)}/listings` },
  { name: 'admin outcomes', route: 'admin/events/[slug]/outcomes', actor: 'organiser', path: (ids) => `${admin(ids)}/outcomes` },
  {
    name: 'admin new outcome',
    route: 'admin/events/[slug]/outcomes/new',
    actor: 'organiser',
    path: (ids) => `${admin(ids)}/outcomes/new`,
  },
  {
    name: 'admin outcome',
    route: 'admin/events/[slug]/outcomes/[outcomeId]',
    actor: 'organiser',
    path: (ids) => `${admin(ids)}/outcomes/${ids.outcomeId}`,
  },
  {
    name: 'admin new listing',
    route: 'admin/events/[slug]/listings/new',
    actor: 'organiser',
    path: (ids) => `${admin(ids)}/listings/new`,
  },
  { name: 'admin venues', route: 'admin/events/[slug]/agenda/venues', actor: 'organiser', path: (ids) => `${admin(ids)}/agenda/venues` },
  {
    name: 'admin new venue',
    route: 'admin/events/[slug]/agenda/venues/new',
    actor: 'organiser',
    path: (ids) => `${admin(ids)}/agenda/venues/new`,
  },
  {
    name: 'admin venue',
    route: 'admin/events/[slug]/agenda/venues/[venueId]',
    actor: 'organiser',
    path: (ids) => `${admin(ids)}/agenda/venues/${ids.venueId}`,
  },
  {
    name: 'admin registration questions',
    route: 'admin/events/[slug]/questions',
    actor: 'organiser',
    path: (ids) => `${admin(ids)}/questions`,
  },
  { name: 'admin audit', route: 'admin/events/[slug]/audit', actor: 'organiser', path: (ids) => `${admin(ids)}/audit` },
  { name: 'admin check-in desk', route: 'admin/events/[slug]/checkin', actor: 'organiser', path: (ids) => `${admin(ids)}/checkin` },
  {
    name: 'session door, scanning',
    route: 'admin/events/[slug]/checkin/door',
    actor: 'organiser',
    path: (ids) => `${admin(ids)}/checkin/door?session=${ids.sessionId}`,
  },
  {
    name: 'admin visa letters',
    route: 'admin/events/[slug]/visa-letters',
    actor: 'organiser',
    path: (ids) => `${admin(ids)}/visa-letters`,
  },
  {
    name: 'admin letters and badges',
    route: 'admin/events/[slug]/documents',
    actor: 'organiser',
    path: (ids) => `${admin(ids)}/documents`,
  },
  { name: 'admin attendance reports', route: 'admin/events/[slug]/reports', actor: 'organiser', path: (ids) => `${admin(ids)}/reports` },
  { name: 'admin mail', route: 'admin/events/[slug]/mail', actor: 'organiser', path: (ids) => `${admin(ids)}/mail` },
  { name: 'admin one mail', route: 'admin/events/[slug]/mail/[id]', actor: 'organiser', path: (ids) => `${admin(ids)}/mail/${ids.mailId}` },
  {
    name: 'admin registrations',
    route: 'admin/events/[slug]/registrations',
    actor: 'organiser',
    path: (ids) => `${admin(ids)}/registrations`,
  },
  {
    name: 'admin registration',
    route: 'admin/events/[slug]/registrations/[id]',
    actor: 'organiser',
    path: (ids) => `${admin(ids)}/registrations/${ids.registrationId}`,
  },
  {
    name: 'admin announcement',
    route: 'admin/events/[slug]/registrations/announce',
    actor: 'organiser',
    path: (ids) => `${admin(ids)}/registrations/announce`,
  },
  { name: 'admin livestream access', route: 'admin/events/[slug]/streams', actor: 'organiser', path: (ids) => `${admin(ids)}/streams` },
  { name: 'admin team', route: 'admin/events/[slug]/team', actor: 'organiser', path: (ids) => `${admin(ids)}/team` },
  { name: 'admin categories', route: 'admin/events/[slug]/categories', actor: 'organiser', path: (ids) => `${admin(ids)}/categories` },
  {
    name: 'admin new category',
    route: 'admin/events/[slug]/categories/new',
    actor: 'organiser',
    path: (ids) => `${admin(ids)}/categories/new`,
  },
  {
    name: 'admin category and its codes',
    route: 'admin/events/[slug]/categories/[categoryId]',
    actor: 'organiser',
    path: (ids) => `${admin(ids)}/categories/${ids.categoryId}`,
  },
  {
    name: 'moderate live questions',
    route: 'live/moderate/[sessionId]',
    actor: 'organiser',
    path: (ids) => `/live/moderate/${ids.sessionId}`,
  },
  { name: 'admin approvals', route: 'admin/events/[slug]/approvals', actor: 'organiser', path: (ids) => `${admin(ids)}/approvals` },
];

/** Page folders under app/[locale] (each holding a page.tsx) that the inventory does not list. */
export function uncoveredPageRoutes(): string[] {
  const root = path.join(process.cwd(), 'app', '[locale]');
  const listed = new Set(pageInventory.map((p) => p.route));
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) found.push(path.relative(root, dir).split(path.sep).join('/'));
    }
  };
  walk(root);
  return found.filter((route) => !listed.has(route)).sort();
}

const credentials: Record<Exclude<Actor, 'anonymous'>, { email: string; password: string }> = {
  attendee: { email: matrixAccounts.attendee, password: PASSWORD },
  speaker: speakerAccount,
  exhibitor: { email: demoAccounts.exhibitor.email, password: demoAccounts.exhibitor.password },
  checkin: { email: 'checkin.bangkok@forum.demo', password: 'demo-checkin-2026' },
  organiser: { email: 'organiser@forum.demo', password: 'demo-organiser-2026' },
};

/** The cookies of a sign-in through the form, by walk and actor (contextFor's `signInOnceFor`). */
const signedInCookies = new Map<string, Awaited<ReturnType<BrowserContext['cookies']>>>();

/**
 * A browser context in a language, signed in through the real form as the actor. A walk that opens a
 * context per language and role passes `signInOnceFor` (its own name): the actor then signs in once
 * for that walk, and the walk's later contexts carry that session's cookies with their own language.
 * A walk's pages only read, so the session stays open through it; each walk signs in afresh.
 */
export async function contextFor(
  browser: Browser,
  actor: Actor,
  locale: Locale,
  baseURL: string,
  options: Parameters<Browser['newContext']>[0] = {},
  signInOnceFor?: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({ ...options, baseURL });
  const localeCookie = { name: LOCALE_COOKIE, value: locale, url: baseURL };
  await context.addCookies([localeCookie]);
  if (actor === 'anonymous') return context;
  const cacheKey = signInOnceFor ? `${signInOnceFor} ${actor}` : undefined;
  const cached = cacheKey ? signedInCookies.get(cacheKey) : undefined;
  if (cached) {
    await context.addCookies(cached);
    return context;
  }
  const page = await context.newPage();
  await page.goto('/signin');
  await page.locator('#signin-email').fill(credentials[actor].email);
  await page.locator('#signin-password').fill(credentials[actor].password);
  await page.locator('#signin-password').press('Enter');
  await expect(page).not.toHaveURL(/\/signin/, { timeout: 30_000 });
  await page.close();
  if (cacheKey)
    signedInCookies.set(
      cacheKey,
      (await context.cookies()).filter((cookie) => cookie.name !== LOCALE_COOKIE),
    );
  // The page's language is the context's, whatever the sign-in answered with.
  await context.addCookies([localeCookie]);
  return context;
}

export const inventoryLocales: Locale[] = [...locales];

/** The language every page is tried in; each other language takes every few pages in turn. */
const EVERY_PAGE_IN: Locale[] = ['en'];
const inTurn = locales.filter((locale) => !EVERY_PAGE_IN.includes(locale));

/**
 * The inventory pages the axe walk checks in `locale`, on a 360 px phone: each page once, in one of the
 * languages other than English in turn, by its place in the inventory (the set is the same on every
 * run; each language meets every fifth page). The phone-width walk tries every page in English, so
 * every page fits a phone in English and in one other language. What axe checks (names, roles,
 * contrast, landmarks, the page's lang) does not change with the words; every page in every language
 * would be 89 pages times six languages, more than a CI pass holds. tests/e2e/languages.spec.ts walks
 * six pages of every role in every language, and tests/unit/messages.test.ts holds every message in
 * every language.
 */
export function inventoryPagesInTurn(locale: Locale): InventoryPage[] {
  return pageInventory.filter((_, index) => !EVERY_PAGE_IN.includes(locale) && takesTurn(locale, index));
}

/**
 * Whether the `index`-th item of a walk (a page, a form attempt) is tried in `locale`: always in
 * English, and in exactly one of the other languages, in turn by index.
 */
export function takesTurn(locale: Locale, index: number): boolean {
  return EVERY_PAGE_IN.includes(locale) || inTurn.length === 0 || inTurn[index % inTurn.length] === locale;
}

/** Whether `locale` is tried on every item of a walk (English) rather than in turn. */
export function triedEverywhere(locale: Locale): boolean {
  return EVERY_PAGE_IN.includes(locale);
}

export { seededIds };
