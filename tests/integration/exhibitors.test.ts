import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, exhibitors } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { AuthorizationError } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { exhibitorForEdit, listExhibitors } from '@/lib/exhibition/admin/list-exhibitors';
import { approveExhibitor, createExhibitor, updateExhibitor } from '@/lib/exhibition/admin/save-exhibitor';
import { exhibitorDirectory, publicExhibitor } from '@/lib/exhibition/public-exhibitors';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT, venueBySlug } from '../helpers/registration';

let t: TestDatabase;
let organiser: Actor;

const newExhibitor = (overrides: Record<string, unknown> = {}) => ({
  slug: 'siam-telehealth',
  name: { en: 'Siam Telehealth Co., Ltd.', zh: '暹罗远程医疗有限公司' },
  description: { en: 'Remote diagnosis for rural clinics.' },
  country: 'th',
  sectors: ['big-health'],
  website: 'https://siam-telehealth.example',
  contactName: 'Ploy Suwan',
  contactEmail: 'Ploy@Siam-Telehealth.example',
  contactPhone: '+66 2 000 0000',
  venueId: '',
  hall: '',
  booth: '',
  ...overrides,
});

async function auditCount(action: string): Promise<number> {
  return (await t.db.select().from(auditLog).where(eq(auditLog.action, action))).length;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  await seedDemoForum(t.db, { slug: 'other-forum', firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org.exhibitors@forum.test', { eventSlug: EVENT, role: 'organiser' });
});
afterAll(() => t?.close());

describe('exhibitors', () => {
  it('are created pending, out of the public directory, and public once approved (audited)', async () => {
    const created = await createExhibitor(t.db, organiser, EVENT, newExhibitor());
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const [row] = await t.db.select().from(exhibitors).where(eq(exhibitors.id, created.id));
    expect(row).toMatchObject({
      status: 'pending',
      country: 'TH',
      contactEmail: 'ploy@siam-telehealth.example',
      venueId: null,
      hall: null,
    });
    expect(row!.name).toEqual({ en: 'Siam Telehealth Co., Ltd.', zh: '暹罗远程医疗有限公司' });
    expect((await exhibitorDirectory(t.db, EVENT))!.exhibitors.map((e) => e.slug)).not.toContain('siam-telehealth');
    expect(await publicExhibitor(t.db, EVENT, 'siam-telehealth')).toBeUndefined();

    expect((await approveExhibitor(t.db, organiser, EVENT, created.id)).ok).toBe(true);
    const listed = (await exhibitorDirectory(t.db, EVENT))!.exhibitors.find((e) => e.slug === 'siam-telehealth');
    expect(listed).toBeDefined();
    // Contacts are private: the public reads never carry them.
    expect(JSON.stringify(listed)).not.toContain('ploy@');
    expect(JSON.stringify(listed)).not.toContain('+66');
    expect(Object.keys(listed!)).not.toContain('contactEmail');
    expect(Object.keys(listed!)).not.toContain('contactPhone');
    expect(await auditCount('exhibitor.create')).toBe(1);
    expect(await auditCount('exhibitor.approve')).toBe(1);
    // Approving again changes nothing and records nothing.
    expect((await approveExhibitor(t.db, organiser, EVENT, created.id)).ok).toBe(true);
    expect(await auditCount('exhibitor.approve')).toBe(1);
  });

  it('refuse a taken slug, an unknown sector, half a booth, a booth online only, and a venue of another event, in words', async () => {
    const nanning = await venueBySlug(t.db, 'nanning');
    const other = await venueBySlug(t.db, 'nanning', 'other-forum');
    const refused = async (values: Record<string, unknown>) => {
      const result = await createExhibitor(t.db, organiser, EVENT, newExhibitor(values));
      expect(result.ok).toBe(false);
      return result.ok ? {} : (result.fields ?? {});
    };
    expect(await refused({})).toEqual({ slug: 'slugTaken' });
    expect(await refused({ slug: 'x1', sectors: ['space-mining'] })).toHaveProperty('sectors', 'sectors');
    expect(await refused({ slug: 'x2', sectors: [] })).toEqual({ sectors: 'sectors' });
    expect(await refused({ slug: 'x3', venueId: nanning.id, hall: 'A' })).toEqual({ booth: 'boothRequired' });
    expect(await refused({ slug: 'x4', hall: 'A', booth: '12' })).toEqual({ hall: 'boothOnline', booth: 'boothOnline' });
    expect(await refused({ slug: 'x5', venueId: other.id, hall: 'A', booth: '12' })).toEqual({ venueId: 'venueNotInEvent' });
    expect(await refused({ slug: 'x6', website: 'javascript:alert(1)' })).toEqual({ website: 'https' });
    expect(await refused({ slug: 'x7', name: { en: 'Siam', th: 'Line\nbreak' } })).toEqual({ name: 'oneLine' });
    expect(await t.db.select().from(exhibitors).where(eq(exhibitors.slug, 'x1'))).toEqual([]);
  });

  it('never give one booth at a venue to two exhibitors (case aside), by check and by the database', async () => {
    const nanning = await venueBySlug(t.db, 'nanning');
    const booth = { venueId: nanning.id, hall: 'Hall 3', booth: 'B-12' };
    const first = await createExhibitor(t.db, organiser, EVENT, newExhibitor({ slug: 'nanning-digital', ...booth }));
    expect(first.ok).toBe(true);
    const second = await createExhibitor(t.db, organiser, EVENT, newExhibitor({ slug: 'guangxi-ai', ...booth, hall: 'hall 3' }));
    expect(second).toMatchObject({ ok: false, fields: { booth: 'boothTaken' } });
    // The database refuses it too, whatever the code checks.
    await expect(
      t.db.insert(exhibitors).values({
        eventId: (await listExhibitors(t.db, organiser, EVENT)).event.id,
        slug: 'bypass',
        name: { en: 'Bypass' },
        country: 'CN',
        sectors: ['marine'],
        venueId: nanning.id,
        hall: 'HALL 3',
        booth: 'b-12',
      }),
    ).rejects.toThrow();
    // Racing saves for one booth: the database's unique index decides, as a field error.
    const results = await Promise.all(
      ['race-a', 'race-b', 'race-c'].map((slug) =>
        createExhibitor(t.db, organiser, EVENT, newExhibitor({ slug, venueId: nanning.id, hall: 'Hall 9', booth: '1' })),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok)) expect(r).toMatchObject({ fields: { booth: 'boothTaken' } });
  });

  it('saves the name and description in Japanese, Korean and Thai side by side, and reads them back into the form', async () => {
    const { exhibitors: list } = await listExhibitors(t.db, organiser, EVENT);
    const target = list.find((e) => e.slug === 'nanning-digital')!;
    const [before] = await t.db.select().from(exhibitors).where(eq(exhibitors.id, target.id));
    const edit = await exhibitorForEdit(t.db, organiser, EVENT, target.id);
    const name = { ...edit.values!.name, en: 'Nanning Digital Health', ja: '南寧デジタル', ko: '난닝 디지털', th: 'หนานหนิงดิจิทัล' };
    const description = { ...edit.values!.description, ko: '디지털 보건', th: 'สุขภาพดิจิทัล' };
    expect((await updateExhibitor(t.db, organiser, EVENT, target.id, { ...edit.values, name, description })).ok).toBe(true);
    const [after] = await t.db.select().from(exhibitors).where(eq(exhibitors.id, target.id));
    expect(after!.name).toMatchObject({ en: 'Nanning Digital Health', ja: '南寧デジタル', ko: '난닝 디지털', th: 'หนานหนิงดิจิทัล' });
    expect(after!.description).toMatchObject({ ko: '디지털 보건', th: 'สุขภาพดิจิทัล' });
    const reopened = (await exhibitorForEdit(t.db, organiser, EVENT, target.id)).values!;
    expect(reopened.name).toEqual(name);
    // Emptying Korean drops it (Korean readers then get English), and the other languages stay.
    expect((await updateExhibitor(t.db, organiser, EVENT, target.id, { ...reopened, name: { ...name, ko: '' } })).ok).toBe(true);
    const [emptied] = await t.db.select().from(exhibitors).where(eq(exhibitors.id, target.id));
    expect(emptied!.name).not.toHaveProperty('ko');
    expect(emptied!.name).toMatchObject({ ja: '南寧デジタル', th: 'หนานหนิงดิจิทัล' });
    await t.db.update(exhibitors).set({ name: before!.name, description: before!.description }).where(eq(exhibitors.id, target.id));
    await t.db.delete(auditLog).where(eq(auditLog.action, 'exhibitor.update'));
  });

  it('are edited by organisers with the changes audited, and refused to everyone else', async () => {
    const { exhibitors: list } = await listExhibitors(t.db, organiser, EVENT);
    const target = list.find((e) => e.slug === 'nanning-digital')!;
    const edit = await exhibitorForEdit(t.db, organiser, EVENT, target.id);
    const saved = await updateExhibitor(t.db, organiser, EVENT, target.id, {
      ...edit.values,
      sectors: ['digital-technology', 'big-health'],
    });
    expect(saved.ok).toBe(true);
    expect(await auditCount('exhibitor.update')).toBe(1);

    const otherOrganiser = await actorFor(t.db, 'org.other@forum.test', { eventSlug: 'other-forum', role: 'organiser' });
    const viewer = await actorFor(t.db, 'viewer.exhibitors@forum.test', { eventSlug: EVENT, role: 'viewer' });
    for (const actor of [null, otherOrganiser, viewer]) {
      await expect(createExhibitor(t.db, actor, EVENT, newExhibitor({ slug: 'intruder' }))).rejects.toBeInstanceOf(AuthorizationError);
      await expect(updateExhibitor(t.db, actor, EVENT, target.id, edit.values)).rejects.toBeInstanceOf(AuthorizationError);
      await expect(approveExhibitor(t.db, actor, EVENT, target.id)).rejects.toBeInstanceOf(AuthorizationError);
      await expect(listExhibitors(t.db, actor, EVENT)).rejects.toBeInstanceOf(AuthorizationError);
    }
    // Another event's organiser cannot reach this exhibitor through their own event either.
    expect(await approveExhibitor(t.db, otherOrganiser, 'other-forum', target.id)).toMatchObject({ ok: false, code: 'not-found' });
    const [row] = await t.db.select().from(exhibitors).where(eq(exhibitors.id, target.id));
    expect(row!.status).toBe('pending');
  });
});
