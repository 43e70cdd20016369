// What the organisers' category and registration pages read: each category with how many await a
// decision and how many wait in its line, the registrations awaiting a decision (oldest first), one
// category with the venues its form offers, the organisers' edit form as stored, and the questions the
// public API lists (retired options left out, never anyone's answers), and what the registration filters' menus offer.
import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as questionsGet } from '@/app/api/v1/events/[slug]/questions/route';
import { type attendeeCategories, registrations, venues } from '@/db/schema';
import type { Actor } from '@/lib/auth/sessions';
import { useDatabase } from '@/lib/database/process-database';
import { seedDemoForum } from '@/lib/demo/seed';
import { approveRegistrations } from '@/lib/registration/admin/categories/decide';
import {
  categoryForEdit,
  listAwaitingApproval,
  listCategories,
  venuesForCategories,
} from '@/lib/registration/admin/categories/list-categories';
import { registrationDetail } from '@/lib/registration/admin/detail';
import { organiserEditForm } from '@/lib/registration/admin/edit-form';
import { registrationFilterOptions } from '@/lib/registration/admin/filter-options';
import { createQuestion, retireQuestion, updateQuestion } from '@/lib/registration/questions/admin/save-question';
import { eventQuestions } from '@/lib/registration/questions/load';
import { actorFor } from '../helpers/actors';
import { anotherForum } from '../helpers/another-forum';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { insertCategory, onlinePerson } from '../helpers/delegations';
import { EVENT, registeredId } from '../helpers/registration';

const now = new Date('2026-12-01T00:00:00Z');
const OTHER = 'category-admin-reads-other';
let t: TestDatabase;
let eventId: string;
let organiser: Actor;
let viewer: Actor;
let other: Awaited<ReturnType<typeof anotherForum>>;

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'organiser.admin-reads@forum.test', { eventSlug: EVENT, role: 'organiser' });
  viewer = await actorFor(t.db, 'viewer.admin-reads@forum.test', { eventSlug: EVENT, role: 'viewer' });
  other = await anotherForum(t.db, OTHER);
});
afterAll(() => t?.close());

const category = (name: string, values: Partial<typeof attendeeCategories.$inferInsert> = {}, forEvent = eventId) =>
  insertCategory(t.db, forEvent, name, values);
const online = onlinePerson;
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe('the categories page', () => {
  it('lists the event’s categories by position, then age, each with its awaiting decisions and its line', async () => {
    const second = await category('Listed second', { position: 2, createdAt: at(1) });
    const first = await category('Listed first', { position: 1, createdAt: at(5), requiresApproval: true });
    const beside = await category('Listed third', { position: 2, createdAt: at(2), capacity: 1 });
    await category('Not ours', { position: 0 }, other.eventId);
    // Two await a decision in `first`; one of them is approved and waits for nothing more.
    const a = await registeredId(t.db, online('reads-a', { category: first.id }), at(10));
    await registeredId(t.db, online('reads-b', { category: first.id }), at(11));
    await approveRegistrations(t.db, organiser, EVENT, { ids: [a] });
    // `Listed third` holds one place and has two in its line, one of whom cancels.
    await registeredId(t.db, online('reads-c', { category: beside.id }), at(12));
    await registeredId(t.db, online('reads-d', { category: beside.id }), at(13));
    const leaving = await registeredId(t.db, online('reads-e', { category: beside.id }), at(14));
    await t.db
      .update(registrations)
      .set({ status: 'cancelled', cancelledAt: now, categoryWaitlistPosition: null })
      .where(eq(registrations.id, leaving));
    const listed = (await listCategories(t.db, organiser, EVENT)).filter((c) => c.name.en?.startsWith('Listed'));
    expect(listed.map((c) => [c.name.en, c.awaitingApproval, c.inLine, c.confirmedCount])).toEqual([
      ['Listed first', 1, 0, 1],
      ['Listed second', 0, 0, 0],
      ['Listed third', 0, 1, 1],
    ]);
    expect(listed[1]).toMatchObject({ id: second.id, eventId, position: 2 });
    expect((await listCategories(t.db, organiser, EVENT)).some((c) => c.name.en === 'Not ours')).toBe(false);
    await expect(listCategories(t.db, viewer, EVENT)).rejects.toThrow();
  });

  it('lists the registrations awaiting a decision, oldest first, without those approved into a line or outside every category', async () => {
    const approval = await category('Awaiting', { requiresApproval: true, capacity: 1 });
    const older = await registeredId(t.db, online('await-older', { category: approval.id, country: 'TH', organisation: 'NSTDA' }), at(30));
    const newer = await registeredId(t.db, online('await-newer', { category: approval.id }), at(31));
    const approved = await registeredId(t.db, online('await-approved', { category: approval.id }), at(29));
    const seated = await registeredId(t.db, online('await-seated', { category: approval.id }), at(28));
    await approveRegistrations(t.db, organiser, EVENT, { ids: [seated] });
    await approveRegistrations(t.db, organiser, EVENT, { ids: [approved] });
    expect((await t.db.select().from(registrations).where(eq(registrations.id, approved)))[0]).toMatchObject({
      status: 'pending',
      decision: 'approved',
    });
    const stray = await registeredId(t.db, online('await-stray', { category: approval.id }), at(27));
    await t.db.update(registrations).set({ categoryId: null }).where(eq(registrations.id, stray));
    const mine = (await listAwaitingApproval(t.db, organiser, EVENT)).filter((r) => r.categoryId === approval.id || r.id === stray);
    expect(mine).toEqual([
      {
        id: older,
        name: 'Participant await-older',
        email: 'pawait-older@example.org',
        organisation: 'NSTDA',
        country: 'TH',
        categoryId: approval.id,
        createdAt: expect.any(Date),
      },
      expect.objectContaining({ id: newer }),
    ]);
    await expect(listAwaitingApproval(t.db, viewer, EVENT)).rejects.toThrow();
    expect(await listAwaitingApproval(t.db, other.organiser, OTHER)).toEqual([]);
  });

  it('opens one of the event’s categories with the event and its in-person venues in order; another forum’s is none', async () => {
    const mine = await category('For editing');
    const theirs = await category('Theirs to edit', {}, other.eventId);
    const opened = await categoryForEdit(t.db, organiser, EVENT, mine.id);
    expect(opened?.event.id).toBe(eventId);
    expect(opened?.category).toEqual(mine);
    const all = await t.db.select().from(venues).where(eq(venues.eventId, eventId));
    const inPerson = all.filter((v) => v.kind !== 'online');
    // The demo forum has an online venue; the form offers only the halls a category may be limited to.
    expect(inPerson.length).toBeLessThan(all.length);
    expect(opened?.venues).toEqual([...inPerson].sort((a, b) => a.position - b.position).map((v) => ({ id: v.id, name: v.name })));
    expect(await venuesForCategories(t.db, eventId)).toEqual(opened?.venues);
    expect(await categoryForEdit(t.db, organiser, EVENT, theirs.id)).toBeNull();
    await expect(categoryForEdit(t.db, viewer, EVENT, mine.id)).rejects.toThrow();
  });
});

describe('the organisers’ edit form of a registration', () => {
  it('holds the registration as stored and its answers as the form takes them; an unknown language reads English', async () => {
    const asked = async (values: Record<string, unknown>) => {
      const saved = await createQuestion(t.db, organiser, EVENT, values);
      if (!saved.ok) throw new Error(JSON.stringify(saved));
      return saved.id;
    };
    const nights = await asked({ kind: 'number', label: { en: 'Hotel nights' } });
    const lunch = await asked({ kind: 'yes_no', label: { en: 'Lunch' } });
    const unanswered = await asked({ kind: 'short_text', label: { en: 'Unanswered' } });
    const topics = await asked({
      kind: 'multiple_choice',
      label: { en: 'Topics' },
      options: [{ label: { en: 'Marine' } }, { label: { en: 'Energy' } }],
    });
    const topicIds = (await eventQuestions(t.db, eventId)).find((q) => q.id === topics)!.options.map((o) => o.id);
    const id = await registeredId(
      t.db,
      online('edit-form', { answers: { [nights]: '3', [lunch]: 'no', [topics]: topicIds }, needs: 'Wheelchair access' }),
      now,
    );
    const [row] = await t.db.select().from(registrations).where(eq(registrations.id, id));
    const form = await organiserEditForm(t.db, row!, 'zh');
    expect(form.defaults).toEqual({
      name: 'Participant edit-form',
      email: 'pedit-form@example.org',
      organisation: 'Guangxi University',
      jobTitle: 'Researcher',
      country: 'CN',
      participantType: 'young_scientist',
      needs: 'Wheelchair access',
      locale: 'en',
      category: '',
      // The number as the form's text box holds it; the choices as the checkboxes do, a list.
      answers: { [nights]: '3', [lunch]: 'no', [topics]: topicIds },
    });
    // A registration that answered nothing has no answers on the form.
    const silent = await registeredId(t.db, online('edit-form-silent'), now);
    const [silentRow] = await t.db.select().from(registrations).where(eq(registrations.id, silent));
    expect((await organiserEditForm(t.db, silentRow!, 'en')).defaults.answers).toEqual({});
    expect((await registrationDetail(t.db, organiser, EVENT, silent))?.answers).toEqual([]);
    expect(form.questions.map((q) => q.id)).toEqual(expect.arrayContaining([nights, lunch, unanswered]));
    const press = await category('Edit form category');
    const odd = await organiserEditForm(t.db, { ...row!, locale: 'fr', categoryId: press.id }, 'en');
    expect(odd.defaults).toMatchObject({ locale: 'en', category: press.id });
    expect((await organiserEditForm(t.db, { ...row!, locale: 'th' }, 'en')).defaults.locale).toBe('th');
  });
});

describe('the registration filters’ menus', () => {
  it('offer the in-person venues in order, each country once in order, and every question, retired ones too', async () => {
    await registeredId(t.db, online('menus-vn', { country: 'VN' }), now);
    await registeredId(t.db, online('menus-th', { country: 'TH' }), now);
    await registeredId(t.db, online('menus-th2', { country: 'TH' }), now);
    const retired = await createQuestion(t.db, organiser, EVENT, { kind: 'short_text', label: { en: 'Dietary needs', zh: '饮食' } });
    if (!retired.ok) throw new Error(JSON.stringify(retired));
    await retireQuestion(t.db, organiser, EVENT, retired.id);
    const options = await registrationFilterOptions(t.db, viewer, EVENT);
    const all = await t.db.select().from(venues).where(eq(venues.eventId, eventId));
    expect(options.venues).toEqual(
      all
        .filter((v) => v.kind !== 'online')
        .sort((a, b) => a.position - b.position)
        .map((v) => ({ slug: v.slug, name: v.name })),
    );
    const countries = (
      await t.db.select({ country: registrations.country }).from(registrations).where(eq(registrations.eventId, eventId))
    ).map((r) => r.country);
    expect(options.countries).toEqual([...new Set(countries)].sort());
    expect(options.countries).toEqual(expect.arrayContaining(['TH', 'VN']));
    expect(options.questions).toContainEqual({ id: retired.id, label: { en: 'Dietary needs', zh: '饮食' } });
    await expect(registrationFilterOptions(t.db, other.organiser, EVENT)).rejects.toThrow();
  });
});

describe('the questions in the public API', () => {
  it('lists what the form asks, in order, without retired options or questions, and no answers', async () => {
    const get = (slug: string) =>
      questionsGet(new NextRequest(`http://localhost/api/v1/events/${slug}/questions`), { params: Promise.resolve({ slug }) });
    const choice = await createQuestion(t.db, organiser, EVENT, {
      kind: 'single_choice',
      required: true,
      label: { en: 'Excursion', zh: '考察' },
      help: { en: 'Pick one' },
      options: [{ label: { en: 'Science park' } }, { label: { en: 'Old town' } }],
    });
    if (!choice.ok) throw new Error(JSON.stringify(choice));
    const before = (await (await get(EVENT)).json()).questions.find((q: { id: string }) => q.id === choice.id);
    const [kept] = before.options;
    expect(
      await updateQuestion(t.db, organiser, EVENT, choice.id, {
        kind: 'single_choice',
        required: true,
        label: { en: 'Excursion', zh: '考察' },
        help: { en: 'Pick one' },
        options: [{ id: kept.id, label: { en: 'Science park' } }],
      }),
    ).toMatchObject({ ok: true });
    const follow = await createQuestion(t.db, organiser, EVENT, {
      kind: 'short_text',
      label: { en: 'Which hotel?' },
      conditionQuestionId: choice.id,
      conditionValues: [kept.id],
    });
    if (!follow.ok) throw new Error(JSON.stringify(follow));
    const gone = await createQuestion(t.db, organiser, EVENT, { kind: 'short_text', label: { en: 'Gone' } });
    if (!gone.ok) throw new Error(JSON.stringify(gone));
    await retireQuestion(t.db, organiser, EVENT, gone.id);
    const { questions } = await (await get(EVENT)).json();
    const ids = questions.map((q: { id: string }) => q.id);
    expect(ids).not.toContain(gone.id);
    expect(ids.indexOf(follow.id)).toBeGreaterThan(ids.indexOf(choice.id));
    const listed = questions.find((q: { id: string }) => q.id === choice.id);
    expect(listed).toEqual({
      id: choice.id,
      position: listed.position,
      kind: 'single_choice',
      required: true,
      label: { en: 'Excursion', zh: '考察' },
      help: { en: 'Pick one' },
      options: [{ id: kept.id, label: { en: 'Science park' } }],
      condition: null,
      // Asked of everyone.
      categoryIds: null,
      version: 2,
    });
    expect(questions.find((q: { id: string }) => q.id === follow.id)).toMatchObject({
      condition: { questionId: choice.id, values: [kept.id] },
      options: [],
    });
    expect((await get('no-such-forum')).status).toBe(404);
    expect((await get(OTHER)).status).toBe(404);
  });
});
