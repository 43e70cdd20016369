import { and, eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETE as staffLogoDelete, POST as staffLogoPost } from '@/app/[locale]/exhibitor/[exhibitorId]/logo/route';
import { GET as logoGet } from '@/app/[locale]/events/[slug]/exhibitors/[exhibitor]/logo/route';
import { GET as exhibitorApiGet } from '@/app/api/v1/events/[slug]/exhibitors/[exhibitor]/route';
import { auditLog, exhibitorStaff, exhibitors } from '@/db/schema';
import { AuthorizationError } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { useDatabase } from '@/lib/database/process-database';
import { seedDemoForum } from '@/lib/demo/seed';
import { setExhibitorLogoAsOrganiser, setOwnExhibitorLogo } from '@/lib/exhibition/logo';
import { exhibitorDirectory } from '@/lib/exhibition/public-exhibitors';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT, exhibitorIdBySlug } from '../helpers/registration';

const OTHER = 'other-forum';
// A 1×1 PNG and a lossless WebP header: the smallest real images.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8L'), Buffer.alloc(16, 1)]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="9" height="9"/></svg>');

let t: TestDatabase;
let organiser: Actor;
let otherOrganiser: Actor;
let siamStaff: Actor;
let nanningStaff: Actor;
let siam: string;
let javaSolar: string;
let otherEventSiam: string;

const exhibitorId = (slug: string, eventSlug = EVENT) => exhibitorIdBySlug(t.db, slug, eventSlug);

async function staffOf(exhibitor: string, email: string): Promise<Actor> {
  const actor = await actorFor(t.db, email);
  await t.db.insert(exhibitorStaff).values({ exhibitorId: exhibitor, userId: actor.userId });
  return actor;
}

const storedLogo = async (id: string) =>
  (await t.db.select({ logo: exhibitors.logo }).from(exhibitors).where(eq(exhibitors.id, id)))[0]!.logo;
const logoOf = (exhibitor: string, headers: Record<string, string> = {}) =>
  logoGet(new Request(`http://localhost/events/${EVENT}/exhibitors/${exhibitor}/logo`, { headers }), {
    params: Promise.resolve({ slug: EVENT, exhibitor }),
  });

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  await seedDemoForum(t.db, { slug: OTHER, firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org.logo@forum.test', { eventSlug: EVENT, role: 'organiser' });
  otherOrganiser = await actorFor(t.db, 'org.other.logo@forum.test', { eventSlug: OTHER, role: 'organiser' });
  siam = await exhibitorId('siam-medtech');
  javaSolar = await exhibitorId('java-solar');
  otherEventSiam = await exhibitorId('siam-medtech', OTHER);
  siamStaff = await staffOf(siam, 'logo@siam-medtech.test');
  nanningStaff = await staffOf(await exhibitorId('nanning-smart-data'), 'logo@nanning-smart-data.test');
});
afterAll(() => t?.close());

describe('exhibitor logos', () => {
  it('staff upload their own logo; the public route serves its bytes with their real type, revalidated by ETag; the directory and the API point to it', async () => {
    expect(await setOwnExhibitorLogo(t.db, siamStaff, siam, PNG)).toEqual({ ok: true });
    const served = await logoOf('siam-medtech');
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
    const etag = served.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect((await logoOf('siam-medtech', { 'if-none-match': etag })).status).toBe(304);

    const directory = await exhibitorDirectory(t.db, EVENT);
    expect(directory!.exhibitors.filter((e) => e.hasLogo).map((e) => e.slug)).toEqual(['siam-medtech']);
    const api = await exhibitorApiGet(new NextRequest(`http://localhost/api/v1/events/${EVENT}/exhibitors/siam-medtech`), {
      params: Promise.resolve({ slug: EVENT, exhibitor: 'siam-medtech' }),
    });
    expect((await api.json()).exhibitor.logo).toBe(`/events/${EVENT}/exhibitors/siam-medtech/logo`);

    // Replaced by a WebP: the route follows, with another ETag, so a cached copy is not kept.
    expect(await setOwnExhibitorLogo(t.db, siamStaff, siam, WEBP)).toEqual({ ok: true });
    const replaced = await logoOf('siam-medtech', { 'if-none-match': etag });
    expect(replaced.status).toBe(200);
    expect(replaced.headers.get('content-type')).toBe('image/webp');
  });

  it('refuses an SVG or a file dressed up as an image, and keeps the logo it had', async () => {
    const before = await storedLogo(siam);
    expect(await setOwnExhibitorLogo(t.db, siamStaff, siam, SVG)).toMatchObject({
      ok: false,
      code: 'invalid',
      fields: { photo: 'photoType' },
    });
    expect(await setOwnExhibitorLogo(t.db, siamStaff, siam, Buffer.from('GIF89a not really'))).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(await storedLogo(siam)).toBe(before);
  });

  it("only the exhibitor's own staff and its event's organisers change it", async () => {
    const before = await storedLogo(siam);
    await expect(setOwnExhibitorLogo(t.db, nanningStaff, siam, PNG)).rejects.toBeInstanceOf(AuthorizationError);
    await expect(setOwnExhibitorLogo(t.db, null, siam, PNG)).rejects.toBeInstanceOf(AuthorizationError);
    // An organiser is not the exhibitor's staff: the portal route is not theirs.
    await expect(setOwnExhibitorLogo(t.db, organiser, siam, PNG)).rejects.toBeInstanceOf(AuthorizationError);
    await expect(setExhibitorLogoAsOrganiser(t.db, otherOrganiser, EVENT, siam, PNG)).rejects.toBeInstanceOf(AuthorizationError);
    await expect(setExhibitorLogoAsOrganiser(t.db, siamStaff, EVENT, siam, PNG)).rejects.toBeInstanceOf(AuthorizationError);
    // The other event's organiser, through their own event, cannot reach this event's exhibitor.
    expect(await setExhibitorLogoAsOrganiser(t.db, otherOrganiser, OTHER, siam, PNG)).toMatchObject({ ok: false, code: 'not-found' });
    expect(await storedLogo(siam)).toBe(before);
    expect(await storedLogo(otherEventSiam)).toBeNull();

    expect(await setExhibitorLogoAsOrganiser(t.db, organiser, EVENT, siam, PNG)).toEqual({ ok: true });
    expect((await logoOf('siam-medtech')).headers.get('content-type')).toBe('image/png');
    const audit = await t.db
      .select({ action: auditLog.action, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'exhibitor'), eq(auditLog.entityId, siam)));
    expect(audit.filter((a) => a.action === 'exhibitor.logo.update').map((a) => a.actor)).toEqual([
      siamStaff.userId,
      siamStaff.userId,
      organiser.userId,
    ]);
  });

  it("a pending exhibitor's logo is not public; a removed logo is gone from the route and the directory", async () => {
    expect(await setExhibitorLogoAsOrganiser(t.db, organiser, EVENT, javaSolar, PNG)).toEqual({ ok: true });
    expect((await logoOf('java-solar')).status).toBe(404);
    expect((await logoOf('no-such-exhibitor')).status).toBe(404);
    expect((await logoOf('Not A Slug')).status).toBe(404);

    expect(await setOwnExhibitorLogo(t.db, siamStaff, siam, null)).toEqual({ ok: true });
    expect(await storedLogo(siam)).toBeNull();
    expect((await logoOf('siam-medtech')).status).toBe(404);
    expect((await exhibitorDirectory(t.db, EVENT))!.exhibitors.some((e) => e.hasLogo)).toBe(false);
    const removed = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'exhibitor.logo.remove'), eq(auditLog.entityId, siam)));
    expect(removed).toHaveLength(1);
  });

  it('the upload route refuses a POST or DELETE from another site before reading it, and an address that names no exhibitor', async () => {
    const before = await storedLogo(siam);
    const request = (method: string, origin: string, id: string) =>
      new NextRequest(`http://localhost/exhibitor/${id}/logo`, {
        method,
        headers: { origin, host: 'localhost' },
        ...(method === 'POST' ? { body: PNG } : {}),
      });
    for (const [method, handler] of [
      ['POST', staffLogoPost],
      ['DELETE', staffLogoDelete],
    ] as const) {
      const refused = await handler(request(method, 'https://evil.example', siam), { params: Promise.resolve({ exhibitorId: siam }) });
      expect(refused.status, method).toBe(403);
      expect(await refused.json()).toEqual({ error: 'cross-site request refused' });
      // The control: the same request from this site gets past the origin check, to the id check.
      const sameSite = await handler(request(method, 'http://localhost', 'not-an-id'), {
        params: Promise.resolve({ exhibitorId: 'not-an-id' }),
      });
      expect(sameSite.status, method).toBe(422);
    }
    expect(await storedLogo(siam)).toBe(before);
  });
});
