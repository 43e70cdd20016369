import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, events, exhibitors, listings } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { AuthorizationError } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { listListings } from '@/lib/exhibition/admin/list-listings';
import { createListing, moderateListing } from '@/lib/exhibition/admin/save-listing';
import { listingQuerySchema } from '@/lib/exhibition/listing-query';
import { pick } from '@/lib/i18n/text';
import { publishedListings } from '@/lib/exhibition/public-listings';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT } from '../helpers/registration';

let t: TestDatabase;
let organiser: Actor;
let eventId: string;

async function exhibitorId(slug: string, eventSlug = EVENT) {
  const [row] = await t.db
    .select({ id: exhibitors.id })
    .from(exhibitors)
    .innerJoin(events, eq(events.id, exhibitors.eventId))
    .where(and(eq(events.slug, eventSlug), eq(exhibitors.slug, slug)));
  return row!.id;
}

const newListing = async (overrides: Record<string, unknown> = {}) => ({
  exhibitorId: await exhibitorId('siam-medtech'),
  kind: 'offer',
  title: { en: 'Tele-ICU 100% remote', zh: '远程重症监护' },
  summary: { en: 'Remote intensive care for provincial hospitals.' },
  sector: 'big-health',
  trl: '6',
  ipStatus: 'patent-pending',
  cooperation: ['licensing', 'licensing'],
  countries: ['cn', 'VN'],
  ...overrides,
});

const titles = async (query: Record<string, string> = {}) =>
  (await publishedListings(t.db, eventId, listingQuerySchema.parse(query))).map((l) => l.title.en).sort();

beforeAll(async () => {
  t = await createTestDatabase();
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  await seedDemoForum(t.db, { slug: 'other-forum', firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org.listings@forum.test', { eventSlug: EVENT, role: 'organiser' });
});
afterAll(() => t?.close());

describe('technology listings', () => {
  it('wait for moderation, are public once published and gone again once rejected (each step audited once)', async () => {
    const created = await createListing(t.db, organiser, EVENT, await newListing());
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const [row] = await t.db.select().from(listings).where(eq(listings.id, created.id));
    expect(row).toMatchObject({ status: 'pending', trl: 6, cooperation: ['licensing'], countries: ['CN', 'VN'], moderatedAt: null });
    expect(await titles()).not.toContain('Tele-ICU 100% remote');

    expect((await moderateListing(t.db, organiser, EVENT, created.id, 'publish')).ok).toBe(true);
    expect(await titles()).toContain('Tele-ICU 100% remote');
    expect((await moderateListing(t.db, organiser, EVENT, created.id, 'publish')).ok).toBe(true);
    expect((await moderateListing(t.db, organiser, EVENT, created.id, 'reject')).ok).toBe(true);
    expect(await titles()).not.toContain('Tele-ICU 100% remote');
    const audited = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audited.map((a) => a.action).sort()).toEqual(['listing.create', 'listing.publish', 'listing.reject']);
    await moderateListing(t.db, organiser, EVENT, created.id, 'publish');
  });

  it('take the title and summary in Japanese, Korean and Thai side by side, and each reader gets their own', async () => {
    const title = {
      en: 'Rural tele-dermatology',
      zh: '乡村远程皮肤科',
      ja: '農村の遠隔皮膚科',
      ko: '농촌 원격 피부과',
      th: 'ตจวิทยาทางไกลในชนบท',
    };
    const summary = {
      en: 'Photos from village clinics, read in the city.',
      ja: '村の診療所の写真を都市で診断。',
      th: 'ภาพถ่ายจากคลินิกหมู่บ้าน อ่านผลในเมือง',
    };
    const created = await createListing(
      t.db,
      organiser,
      EVENT,
      await newListing({ title, summary: { ...summary, zh: '', ko: '' }, cooperation: ['joint-research'], countries: [] }),
    );
    if (!created.ok) throw new Error('listing');
    const [row] = await t.db.select().from(listings).where(eq(listings.id, created.id));
    // Empty languages are not stored, so their readers fall back to English.
    expect(row).toMatchObject({ title, summary });
    expect(row!.summary).not.toHaveProperty('ko');
    expect(['ja', 'ko', 'th'].map((locale) => pick(row!.title, locale))).toEqual([title.ja, title.ko, title.th]);
    expect(pick(row!.summary, 'ko')).toBe(summary.en);
    await t.db.delete(listings).where(eq(listings.id, created.id));
  });

  it('are found by sector, offer or need, country (the author’s or one sought), lowest readiness level and words in any language', async () => {
    expect(await titles({ sector: 'big-health', kind: 'offer' })).toEqual(['Portable ultrasound with AI triage', 'Tele-ICU 100% remote']);
    // A Nanning attendee looks for Big Health offers open to China.
    expect(await titles({ sector: 'big-health', country: 'CN' })).toEqual(['Portable ultrasound with AI triage', 'Tele-ICU 100% remote']);
    expect(await titles({ country: 'TH' })).toEqual([
      'Partners for cross-border e-health records',
      'Portable ultrasound with AI triage',
      'Tele-ICU 100% remote',
    ]);
    expect(await titles({ kind: 'need' })).toEqual(['Partners for cross-border e-health records']);
    expect(await titles({ trl: '8' })).toEqual(['Drone rice-field monitoring']);
    expect(await titles({ q: '稻田' })).toEqual(['Drone rice-field monitoring']);
    expect(await titles({ q: 'ULTRASOUND' })).toEqual(['Portable ultrasound with AI triage']);
    // Search is for the text, not the storage: "en" is no key match, and % is a character.
    expect(await titles({ q: '"en"' })).toEqual([]);
    expect(await titles({ q: '100%' })).toEqual(['Tele-ICU 100% remote']);
    expect(await titles({ q: '%' })).toEqual(['Tele-ICU 100% remote']);
    // The pending demo listing and listings of a pending exhibitor are never public.
    expect(await titles()).not.toContain('Local distributors for ultrasound probes');
    // A filter that is not one of ours is off, not an error.
    expect(listingQuerySchema.parse({ sector: 'space', trl: '12', country: 'cn', kind: 'x' })).toEqual({});
  });

  it('refuse a readiness level outside 1–9, no cooperation, an unknown IP status and another event’s exhibitor, in words', async () => {
    const refused = async (overrides: Record<string, unknown>) => {
      const result = await createListing(t.db, organiser, EVENT, await newListing(overrides));
      expect(result.ok).toBe(false);
      return result.ok ? {} : result.fields;
    };
    expect(await refused({ trl: '10' })).toEqual({ trl: 'trl' });
    expect(await refused({ trl: '' })).toEqual({ trl: 'trl' });
    expect(await refused({ cooperation: [] })).toEqual({ cooperation: 'cooperation' });
    expect(await refused({ ipStatus: 'secret' })).toEqual({ ipStatus: 'choose' });
    expect(await refused({ exhibitorId: await exhibitorId('siam-medtech', 'other-forum') })).toEqual({ exhibitorId: 'exhibitor' });
    // The database holds the rules too.
    await expect(
      t.db.insert(listings).values({
        eventId,
        exhibitorId: await exhibitorId('siam-medtech'),
        kind: 'offer',
        title: { en: 'Bypass' },
        sector: 'big-health',
        trl: 10,
        ipStatus: 'patent',
        cooperation: ['licensing'],
      }),
    ).rejects.toThrow();
  });

  it('are moderated by the event’s organisers only', async () => {
    const { listings: all } = await listListings(t.db, organiser, EVENT);
    const pending = all.find((l) => l.status === 'pending')!;
    const otherOrganiser = await actorFor(t.db, 'org.other.listings@forum.test', { eventSlug: 'other-forum', role: 'organiser' });
    const viewer = await actorFor(t.db, 'viewer.listings@forum.test', { eventSlug: EVENT, role: 'viewer' });
    for (const actor of [null, otherOrganiser, viewer]) {
      await expect(moderateListing(t.db, actor, EVENT, pending.id, 'publish')).rejects.toBeInstanceOf(AuthorizationError);
      await expect(createListing(t.db, actor, EVENT, await newListing())).rejects.toBeInstanceOf(AuthorizationError);
      await expect(listListings(t.db, actor, EVENT)).rejects.toBeInstanceOf(AuthorizationError);
    }
    expect(await moderateListing(t.db, otherOrganiser, 'other-forum', pending.id, 'publish')).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    const [row] = await t.db.select().from(listings).where(eq(listings.id, pending.id));
    expect(row!.status).toBe('pending');
  });
});
