// An organiser sets up attendee categories and their invitation codes: what a save stores (times read
// in the event's zone, lists without repeats), what it refuses (another forum's venue, a capacity
// below the places held, a window that closes before it opens once read as instants), what the audit
// log says, the form's values read back, and the codes' CSV as a spreadsheet opens it.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendeeCategories, auditLog, categoryInvitationCodes, events, registrations, venues } from '@/db/schema';
import type { Actor } from '@/lib/auth/sessions';
import { seedDemoForum } from '@/lib/demo/seed';
import { categoryInputSchema } from '@/lib/registration/admin/categories/category-input';
import {
  generateInvitationCodes,
  invitationCodesCsv,
  listInvitationCodes,
} from '@/lib/registration/admin/categories/invitation-codes-admin';
import { categoryFormValues, createCategory, updateCategory } from '@/lib/registration/admin/categories/save-category';
import { actorFor } from '../helpers/actors';
import { anotherForum } from '../helpers/another-forum';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT, person, registeredId, venueBySlug } from '../helpers/registration';
import { fieldsOf } from '../helpers/results';

const now = new Date('2026-12-01T00:00:00Z');
const OTHER = 'category-settings-other';
let t: TestDatabase;
let eventId: string;
let organiser: Actor;
let viewer: Actor;
let other: { eventId: string; organiser: Actor };
let nanning: string;
let tokyo: string;

beforeAll(async () => {
  t = await createTestDatabase();
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'organiser.category-settings@forum.test', { eventSlug: EVENT, role: 'organiser' });
  viewer = await actorFor(t.db, 'viewer.category-settings@forum.test', { eventSlug: EVENT, role: 'viewer' });
  other = await anotherForum(t.db, OTHER);
  nanning = (await venueBySlug(t.db, 'nanning')).id;
  tokyo = (await venueBySlug(t.db, 'tokyo')).id;
});
afterAll(() => t?.close());

function form(name: string, values: Record<string, unknown> = {}) {
  return {
    name: { en: name },
    description: { en: '' },
    capacity: '',
    visibility: 'public',
    requiresApproval: false,
    visaSupport: false,
    opensAt: '',
    closesAt: '',
    allowedModes: ['in_person', 'online'],
    allowedVenueIds: [],
    position: '0',
    ...values,
  };
}

async function created(name: string, values: Record<string, unknown> = {}, slug = EVENT, actor = organiser): Promise<string> {
  const saved = await createCategory(t.db, actor, slug, form(name, values));
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  return saved.id;
}

const stored = async (id: string) => (await t.db.select().from(attendeeCategories).where(eq(attendeeCategories.id, id)))[0]!;
const auditsOf = (id: string, action: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, id), eq(auditLog.action, action)));
const categoriesOf = async (event: string) =>
  (await t.db.select({ id: attendeeCategories.id }).from(attendeeCategories).where(eq(attendeeCategories.eventId, event))).length;

describe('creating a category', () => {
  it('stores the window read in the event’s zone, each way and venue once (venues in one order), audited with its name and capacity', async () => {
    const id = await created('Government delegates', {
      name: { en: 'Government delegates', zh: '政府代表' },
      description: { en: 'Ministries and agencies' },
      capacity: '40',
      visibility: 'invitation',
      requiresApproval: true,
      visaSupport: true,
      opensAt: '2026-12-02T09:00',
      closesAt: '2026-12-20T18:30',
      allowedModes: ['in_person', 'in_person'],
      allowedVenueIds: [tokyo, nanning, tokyo].sort().reverse(),
      position: '3',
    });
    expect(await stored(id)).toMatchObject({
      eventId,
      name: { en: 'Government delegates', zh: '政府代表' },
      description: { en: 'Ministries and agencies' },
      capacity: 40,
      confirmedCount: 0,
      visibility: 'invitation',
      requiresApproval: true,
      visaSupport: true,
      // Nanning is UTC+8: 09:00 there is 01:00 UTC.
      opensAt: new Date('2026-12-02T01:00:00Z'),
      closesAt: new Date('2026-12-20T10:30:00Z'),
      allowedModes: ['in_person'],
      allowedVenueIds: [nanning, tokyo].sort(),
      position: 3,
    });
    const [audit] = await auditsOf(id, 'category.create');
    expect(audit).toMatchObject({
      eventId,
      actorUserId: organiser.userId,
      entity: 'category',
      details: { name: 'Government delegates', capacity: 40 },
    });
  });

  it('an open window and no capacity are stored as none', async () => {
    const id = await created('Open to all');
    expect(await stored(id)).toMatchObject({ capacity: null, opensAt: null, closesAt: null, allowedVenueIds: [] });
    expect((await auditsOf(id, 'category.create'))[0]!.details).toEqual({ name: 'Open to all', capacity: null });
  });

  it('refuses a venue of another forum (alone or beside its own), and one of its own named twice is no reason to refuse', async () => {
    const foreignId = await otherVenueId();
    const before = await categoriesOf(eventId);
    expect(fieldsOf(await createCategory(t.db, organiser, EVENT, form('Foreign', { allowedVenueIds: [foreignId] })))).toEqual({
      allowedVenueIds: 'venueNotInEvent',
    });
    expect(fieldsOf(await createCategory(t.db, organiser, EVENT, form('Mixed', { allowedVenueIds: [nanning, foreignId] })))).toEqual({
      allowedVenueIds: 'venueNotInEvent',
    });
    expect(await categoriesOf(eventId)).toBe(before);
    expect(fieldsOf(await createCategory(t.db, organiser, EVENT, form('Twice', { allowedVenueIds: [nanning, nanning] })))).toBe('ok');
  });

  it('refuses bad input field by field, writing nothing', async () => {
    const before = await categoriesOf(eventId);
    const refused = await createCategory(t.db, organiser, EVENT, form('', { capacity: '-1', visibility: 'secret', allowedModes: [] }));
    expect(Object.keys(fieldsOf(refused) as object).sort()).toEqual(['allowedModes', 'capacity', 'name', 'visibility']);
    expect(await categoriesOf(eventId)).toBe(before);
  });

  it('only the event’s organisers create: a viewer and another forum’s organiser are refused, nothing written', async () => {
    const before = await categoriesOf(eventId);
    await expect(createCategory(t.db, viewer, EVENT, form('By a viewer'))).rejects.toThrow();
    await expect(createCategory(t.db, other.organiser, EVENT, form('By a stranger'))).rejects.toThrow();
    await expect(createCategory(t.db, null, EVENT, form('By nobody'))).rejects.toThrow();
    expect(await categoriesOf(eventId)).toBe(before);
  });

  it('a window that closes before it opens once read as instants (a clock going forward) is refused by the database, as a field', async () => {
    // In London 01:30 on 28 March 2027 does not exist; it is read as 02:30 BST, after 02:10 BST.
    await t.db.update(events).set({ timeZone: 'Europe/London' }).where(eq(events.id, other.eventId));
    const window = { opensAt: '2027-03-28T01:30', closesAt: '2027-03-28T02:10' };
    expect(categoryInputSchema.safeParse(form('Spring', window)).success).toBe(true);
    const before = await categoriesOf(other.eventId);
    expect(fieldsOf(await createCategory(t.db, other.organiser, OTHER, form('Spring', window)))).toEqual({ closesAt: 'closesBeforeOpens' });
    expect(await categoriesOf(other.eventId)).toBe(before);
    const id = await created('Spring later', {}, OTHER, other.organiser);
    expect(fieldsOf(await updateCategory(t.db, other.organiser, OTHER, id, form('Spring later', window)))).toEqual({
      closesAt: 'closesBeforeOpens',
    });
    expect(await stored(id)).toMatchObject({ opensAt: null, closesAt: null });
    expect(await auditsOf(id, 'category.update')).toEqual([]);
  });
});

async function otherVenueId(): Promise<string> {
  const [venue] = await t.db.select({ id: venues.id }).from(venues).where(eq(venues.eventId, other.eventId));
  return venue!.id;
}

describe('editing a category', () => {
  it('writes and audits only what changed, with both values; a save that changes nothing writes and audits nothing', async () => {
    const id = await created('Researchers', { capacity: '10', allowedVenueIds: [nanning] });
    const saved = await updateCategory(t.db, organiser, EVENT, id, form('Researchers', { capacity: '12', allowedVenueIds: [nanning] }));
    expect(saved).toEqual({ ok: true, id });
    expect((await stored(id)).capacity).toBe(12);
    const [audit, ...more] = await auditsOf(id, 'category.update');
    expect(more).toEqual([]);
    expect(audit).toMatchObject({
      eventId,
      actorUserId: organiser.userId,
      entity: 'category',
      details: { name: 'Researchers', changes: { capacity: { from: 10, to: 12 } } },
    });
    const before = await stored(id);
    expect(await updateCategory(t.db, organiser, EVENT, id, categoryFormValues(before, 'Asia/Shanghai'))).toEqual({ ok: true, id });
    expect(await stored(id)).toEqual(before);
    expect(await auditsOf(id, 'category.update')).toHaveLength(1);
  });

  it('refuses a capacity below the places held, naming how many; the same number is allowed', async () => {
    const id = await created('Small', { capacity: '3', allowedModes: ['online'] });
    await registeredId(t.db, person('settings-held-1', { mode: 'online', venue: null, category: id }), now);
    await registeredId(t.db, person('settings-held-2', { mode: 'online', venue: null, category: id }), now);
    expect((await stored(id)).confirmedCount).toBe(2);
    expect(fieldsOf(await updateCategory(t.db, organiser, EVENT, id, form('Small', { capacity: '1', allowedModes: ['online'] })))).toEqual({
      capacity: 'categoryCapacityBelow?count=2',
    });
    expect((await stored(id)).capacity).toBe(3);
    expect(fieldsOf(await updateCategory(t.db, organiser, EVENT, id, form('Small', { capacity: '2', allowedModes: ['online'] })))).toBe(
      'ok',
    );
    expect((await stored(id)).capacity).toBe(2);
    // No limit at all is never below.
    expect(fieldsOf(await updateCategory(t.db, organiser, EVENT, id, form('Small', { capacity: '', allowedModes: ['online'] })))).toBe(
      'ok',
    );
  });

  it('places a larger capacity frees go to the first in the category’s line', async () => {
    const id = await created('Full', { capacity: '1', allowedModes: ['online'] });
    const first = await registeredId(t.db, person('settings-line-1', { mode: 'online', venue: null, category: id }), now);
    const waiting = await registeredId(t.db, person('settings-line-2', { mode: 'online', venue: null, category: id }), now);
    const statusOf = async (rid: string) => (await t.db.select().from(registrations).where(eq(registrations.id, rid)))[0]!;
    expect(await statusOf(waiting)).toMatchObject({ status: 'pending', categoryWaitlistPosition: 1 });
    expect(fieldsOf(await updateCategory(t.db, organiser, EVENT, id, form('Full', { capacity: '2', allowedModes: ['online'] })))).toBe(
      'ok',
    );
    expect(await statusOf(first)).toMatchObject({ status: 'confirmed' });
    expect(await statusOf(waiting)).toMatchObject({ status: 'confirmed', categoryWaitlistPosition: null });
    expect((await stored(id)).confirmedCount).toBe(2);
  });

  it('refuses another forum’s category, another forum’s venue and bad input, and keeps the category as it was', async () => {
    const id = await created('Kept', { capacity: '5' });
    const foreignCategory = await created('Theirs', {}, OTHER, other.organiser);
    const before = await stored(id);
    expect(await updateCategory(t.db, organiser, EVENT, foreignCategory, form('Taken over'))).toMatchObject({
      ok: false,
      code: 'not-found',
      error: 'No such category in this event',
    });
    expect((await stored(foreignCategory)).name).toEqual({ en: 'Theirs' });
    expect(fieldsOf(await updateCategory(t.db, organiser, EVENT, id, form('Kept', { allowedVenueIds: [await otherVenueId()] })))).toEqual({
      allowedVenueIds: 'venueNotInEvent',
    });
    expect(fieldsOf(await updateCategory(t.db, organiser, EVENT, id, form('', { allowedModes: [] })))).toMatchObject({
      allowedModes: 'allowedModes',
    });
    await expect(updateCategory(t.db, viewer, EVENT, id, form('By a viewer'))).rejects.toThrow();
    expect(await stored(id)).toEqual(before);
  });
});

describe('the category form’s values', () => {
  it('are the stored category in the event’s zone, and parse back to what is stored', async () => {
    const id = await created('Round trip', {
      name: { en: 'Round trip', ja: '往復' },
      description: { en: 'Both ways' },
      capacity: '7',
      visibility: 'invitation',
      requiresApproval: true,
      visaSupport: true,
      opensAt: '2026-12-02T08:05',
      closesAt: '2026-12-21T23:59',
      allowedModes: ['online'],
      allowedVenueIds: [tokyo],
      position: '12',
    });
    const values = categoryFormValues(await stored(id), 'Asia/Shanghai');
    expect(values).toMatchObject({
      capacity: '7',
      visibility: 'invitation',
      requiresApproval: true,
      visaSupport: true,
      opensAt: '2026-12-02T08:05',
      closesAt: '2026-12-21T23:59',
      allowedModes: ['online'],
      allowedVenueIds: [tokyo],
      position: '12',
    });
    expect(values.name).toMatchObject({ en: 'Round trip', ja: '往復' });
    expect(values.description).toMatchObject({ en: 'Both ways' });
    // The same instant read in Tokyo (UTC+9) is an hour later on the clock.
    expect(categoryFormValues(await stored(id), 'Asia/Tokyo')).toMatchObject({ opensAt: '2026-12-02T09:05', closesAt: '2026-12-22T00:59' });
    const open = categoryFormValues(await stored(await created('No limits')), 'Asia/Shanghai');
    expect(open).toMatchObject({ capacity: '', opensAt: '', closesAt: '', position: '0' });
  });
});

describe('invitation codes', () => {
  it('are made as many as asked, stored with their limit and their expiry read in the event’s zone, audited', async () => {
    const id = await created('Invited press', { visibility: 'invitation' });
    const made = await generateInvitationCodes(
      t.db,
      organiser,
      EVENT,
      id,
      { count: '4', maxUses: '3', expiresAt: '2026-12-20T18:00' },
      now,
    );
    if (!made.ok) throw new Error(JSON.stringify(made));
    expect(made.codes).toHaveLength(4);
    const stored = await t.db.select().from(categoryInvitationCodes).where(eq(categoryInvitationCodes.categoryId, id));
    expect(stored.map((c) => c.code).sort()).toEqual([...made.codes].sort());
    for (const code of stored)
      expect(code).toMatchObject({
        eventId,
        maxUses: 3,
        uses: 0,
        createdBy: organiser.userId,
        expiresAt: new Date('2026-12-20T10:00:00Z'),
      });
    const [audit, ...more] = await auditsOf(id, 'category.codes.create');
    expect(more).toEqual([]);
    expect(audit).toMatchObject({
      eventId,
      actorUserId: organiser.userId,
      entity: 'category',
      details: { name: 'Invited press', count: 4, maxUses: 3, expiresAt: '2026-12-20T10:00:00.000Z' },
    });
  });

  it('refuses a batch of none, of codes usable never, or without a date, making none', async () => {
    const id = await created('Bad batches', { visibility: 'invitation' });
    const batch = (values: Record<string, unknown>) => generateInvitationCodes(t.db, organiser, EVENT, id, values, now);
    expect(fieldsOf(await batch({ count: '0', maxUses: '0', expiresAt: '20 December' }))).toEqual({
      count: 'codeCount',
      maxUses: 'codeUses',
      expiresAt: 'date',
    });
    expect(await listInvitationCodes(t.db, organiser, EVENT, id)).toEqual([]);
  });

  it('an expiry at this very minute is already past; a minute later is not', async () => {
    const id = await created('Last minute', { visibility: 'invitation' });
    const at = new Date('2026-12-05T02:00:00Z'); // 10:00 in Nanning
    const batch = (expiresAt: string) => generateInvitationCodes(t.db, organiser, EVENT, id, { count: '1', maxUses: '1', expiresAt }, at);
    expect(fieldsOf(await batch('2026-12-05T10:00'))).toEqual({ expiresAt: 'expiryInPast' });
    expect(fieldsOf(await batch('2026-12-05T10:01'))).toBe('ok');
  });

  it('refuses another forum’s category and anyone but the event’s organisers, making none', async () => {
    const theirs = await created('Their invitees', { visibility: 'invitation' }, OTHER, other.organiser);
    const values = { count: '2', maxUses: '1', expiresAt: '2026-12-20T18:00' };
    expect(await generateInvitationCodes(t.db, organiser, EVENT, theirs, values, now)).toMatchObject({
      ok: false,
      code: 'not-found',
      error: 'No such category in this event',
    });
    const ours = await created('Our invitees', { visibility: 'invitation' });
    await expect(generateInvitationCodes(t.db, viewer, EVENT, ours, values, now)).rejects.toThrow();
    await expect(generateInvitationCodes(t.db, other.organiser, EVENT, ours, values, now)).rejects.toThrow();
    expect(await listInvitationCodes(t.db, organiser, EVENT, theirs)).toEqual([]);
    expect(await listInvitationCodes(t.db, other.organiser, OTHER, theirs)).toEqual([]);
    expect(await listInvitationCodes(t.db, organiser, EVENT, ours)).toEqual([]);
    await expect(listInvitationCodes(t.db, viewer, EVENT, ours)).rejects.toThrow();
  });

  it('download as CSV: a header, each code with the link that fills it in, its uses, its limit and its expiry in UTC', async () => {
    const id = await created('Exported', { visibility: 'invitation' });
    await t.db.insert(categoryInvitationCodes).values([
      { eventId, categoryId: id, code: 'BBBB222222', maxUses: 5, uses: 2, expiresAt: new Date('2026-12-20T10:00:00Z'), createdAt: now },
      { eventId, categoryId: id, code: 'AAAA333333', maxUses: 1, uses: 0, expiresAt: new Date('2026-12-21T10:00:00Z'), createdAt: now },
      {
        eventId,
        categoryId: id,
        code: 'CCCC444444',
        maxUses: 9,
        uses: 9,
        expiresAt: new Date('2026-12-22T10:00:00Z'),
        createdAt: new Date('2026-11-30T00:00:00Z'),
      },
    ]);
    const csv = await invitationCodesCsv(t.db, organiser, EVENT, id, 'https://forum.example');
    expect(csv.filename).toBe(`${EVENT}-invitation-codes.csv`);
    expect(csv.body).toBe(
      [
        '\uFEFFcode,link,uses,max_uses,expires_at_utc',
        `CCCC444444,https://forum.example/events/${EVENT}/register?code=CCCC444444,9,9,2026-12-22T10:00:00.000Z`,
        `AAAA333333,https://forum.example/events/${EVENT}/register?code=AAAA333333,0,1,2026-12-21T10:00:00.000Z`,
        `BBBB222222,https://forum.example/events/${EVENT}/register?code=BBBB222222,2,5,2026-12-20T10:00:00.000Z`,
        '',
      ].join('\r\n'),
    );
    await expect(invitationCodesCsv(t.db, viewer, EVENT, id, 'https://forum.example')).rejects.toThrow();
  });
});
