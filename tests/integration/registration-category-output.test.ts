// The attendee category in the organisers' registrations list (filter and column), in the CSV export
// (columns appended after the first release's) and in the public API (GET …/categories).
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as categoriesGet } from '@/app/api/v1/events/[slug]/categories/route';
import { attendeeCategories, categoryInvitationCodes } from '@/db/schema';
import type { Actor } from '@/lib/auth/sessions';
import { useDatabase } from '@/lib/database/process-database';
import { seedDemoForum } from '@/lib/demo/seed';
import { exportRegistrationsCsv } from '@/lib/registration/admin/export';
import { registrationFilterOptions } from '@/lib/registration/admin/filter-options';
import { filtersKeepingValid, registrationFilterSchema } from '@/lib/registration/admin/filters';
import { listRegistrations, registrationPageSchema } from '@/lib/registration/admin/list';
import { registerAttendee } from '@/lib/registration/register';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { venueBySlug } from '../helpers/registration';
import { EVENT, person } from '../helpers/registration';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let eventId: string;
let organiser: Actor;
let media: { id: string } | undefined;
let envoys: { id: string } | undefined;

async function register(n: string, overrides: Record<string, unknown>) {
  const result = await registerAttendee(t.db, EVENT, person(n, { mode: 'online', venue: null, ...overrides }), { now });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.registration.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org.category-output@forum.test', { eventSlug: EVENT, role: 'organiser' });
  const tokyo = await venueBySlug(t.db, 'tokyo');
  [media] = await t.db
    .insert(attendeeCategories)
    .values({ eventId, name: { en: '=Press', zh: '媒体' }, position: 90, allowedVenueIds: [tokyo.id] })
    .returning();
  [envoys] = await t.db
    .insert(attendeeCategories)
    .values({ eventId, name: { en: 'Special envoys', zh: '特使' }, visibility: 'invitation', position: 91 })
    .returning();
  await t.db
    .insert(categoryInvitationCodes)
    .values({ eventId, categoryId: envoys!.id, code: 'ENVOYS2345', maxUses: 5, expiresAt: new Date('2099-01-01T00:00:00Z') });
});
afterAll(() => t?.close());

describe('the category in the organisers’ list and export', () => {
  it('filters by category (or none) and shows the category’s name in each row', async () => {
    const pressId = await register('cat-press', { category: media!.id });
    const envoyId = await register('cat-envoy', { category: envoys!.id, code: 'ENVOYS2345' });
    const plainId = await register('cat-plain', {});
    const page = registrationPageSchema.parse({ size: '200' });
    const list = (query: Record<string, string>) => listRegistrations(t.db, organiser, EVENT, registrationFilterSchema.parse(query), page);

    const press = await list({ category: media!.id });
    expect(press.rows.map((r) => r.id)).toEqual([pressId]);
    expect(press.rows[0]!.category).toEqual({ en: '=Press', zh: '媒体' });
    expect(press.total).toBe(1);
    expect((await list({ category: envoys!.id })).rows.map((r) => r.id)).toEqual([envoyId]);
    const none = await list({ category: 'none' });
    expect(none.rows.map((r) => r.id)).toContain(plainId);
    expect(none.rows.every((r) => r.category === null)).toBe(true);
    const all = await list({});
    expect(all.rows.find((r) => r.id === envoyId)!.category!.en).toBe('Special envoys');

    // The filter menu offers hidden categories too; a bad value is named, the other filters still apply.
    const options = await registrationFilterOptions(t.db, organiser, EVENT);
    expect(options.categories.map((c) => c.id)).toEqual(expect.arrayContaining([media!.id, envoys!.id]));
    const kept = filtersKeepingValid({ category: 'press', mode: 'online' });
    expect(kept.problems).toEqual({ category: expect.any(String) });
    expect(kept.filters.mode).toBe('online');
    expect(kept.filters.category).toBeUndefined();
  });

  it('exports the category after the first release’s columns, formula-safe, filtered like the list', async () => {
    const { stream } = await exportRegistrationsCsv(t.db, organiser, EVENT, registrationFilterSchema.parse({ category: media!.id }));
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
    const [header, ...lines] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const columns = header!.split(',');
    // The first release's 17 columns keep their places.
    expect(columns.slice(0, 17)).toEqual([
      'id',
      'created_at_utc',
      'name',
      'email',
      'organisation',
      'job_title',
      'country',
      'participant_type',
      'mode',
      'venue',
      'status',
      'waitlist_position',
      'sessions',
      'needs',
      'locale',
      'checked_in_at_utc',
      'cancelled_at_utc',
    ]);
    expect(columns.slice(17, 21)).toEqual(['category', 'category_id', 'category_waitlist_position', 'decision']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(",'=Press,");
    expect(lines[0]).toContain(`,${media!.id},`);
  });
});

describe('categories in the public API', () => {
  const get = (query = '') =>
    categoriesGet(new NextRequest(`http://localhost/api/v1/events/${EVENT}/categories${query}`), {
      params: Promise.resolve({ slug: EVENT }),
    });

  it('lists the public categories with their rules; a valid code adds its hidden one, a wrong code answers like none', async () => {
    const plain = await (await get()).json();
    const ids = plain.categories.map((c: { id: string }) => c.id);
    expect(ids).toContain(media!.id);
    expect(ids).not.toContain(envoys!.id);
    const press = plain.categories.find((c: { id: string }) => c.id === media!.id);
    expect(press).toEqual({
      id: media!.id,
      name: { en: '=Press', zh: '媒体' },
      description: { en: '' },
      visibility: 'public',
      requiresApproval: false,
      allowedModes: ['in_person', 'online'],
      allowedVenues: ['tokyo'],
    });
    const withCode = await (await get('?code=envoys2345')).json();
    expect(withCode.categories.map((c: { id: string }) => c.id)).toContain(envoys!.id);
    expect(await (await get('?code=WRONGCODE9')).json()).toEqual(plain);
    expect(await (await get('?code=%3Cscript%3E')).json()).toEqual(plain);
    expect(
      (await categoriesGet(new NextRequest('http://localhost/x'), { params: Promise.resolve({ slug: 'no-such-forum' }) })).status,
    ).toBe(404);
  });
});
