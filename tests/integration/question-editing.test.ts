// How organisers edit their registration form's questions, in the detail that answers depend on:
// where a new question goes, what an edit stores and raises, which conditions are refused, moving
// past retired questions, retiring, the audit trail, and the organisers' list with its answer counts.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, events, registrationQuestions } from '@/db/schema';
import type { Actor } from '@/lib/auth/sessions';
import { seedDemoForum } from '@/lib/demo/seed';
import { listQuestions } from '@/lib/registration/questions/admin/list-questions';
import { ownAnswersForForm } from '@/lib/registration/questions/own-answers';
import { createQuestion, moveQuestion, retireQuestion, updateQuestion } from '@/lib/registration/questions/admin/save-question';
import { registerAttendee } from '@/lib/registration/register';
import { actorFor } from '../helpers/actors';
import { anotherForum } from '../helpers/another-forum';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { fieldsOf } from '../helpers/results';
import { EVENT, person } from '../helpers/registration';

const now = new Date('2026-12-01T00:00:00Z');
const OTHER = 'qe-other-forum';
let t: TestDatabase;
let organiser: Actor;
let otherOrganiser: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org.qe@forum.test', { eventSlug: EVENT, role: 'organiser' });
  ({ organiser: otherOrganiser } = await anotherForum(t.db, OTHER));
});
afterAll(() => t?.close());

async function create(values: Record<string, unknown>, slug = EVENT, by = organiser) {
  const saved = await createQuestion(t.db, by, slug, values);
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  return saved.id;
}
const stored = async (id: string) => (await t.db.select().from(registrationQuestions).where(eq(registrationQuestions.id, id)))[0]!;
const audits = (id: string, action: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, id), eq(auditLog.action, action)));
async function askedIds(slug = EVENT) {
  return (await listQuestions(t.db, slug === EVENT ? organiser : otherOrganiser, slug)).asked.map((q) => q.id);
}
async function eventIdOf(slug: string) {
  const [row] = await t.db.select({ id: events.id }).from(events).where(eq(events.slug, slug));
  return row!.id;
}

describe('creating a question', () => {
  it('goes after every question, retired ones included; stores only what its kind uses; audits its label and kind', async () => {
    const first = await create({ kind: 'short_text', label: { en: 'First' } }, OTHER, otherOrganiser);
    // An empty form's first question takes place 1.
    expect((await stored(first)).position).toBe(1);
    const second = await create({ kind: 'short_text', label: { en: 'Second' } }, OTHER, otherOrganiser);
    expect((await stored(second)).position).toBe(2);
    expect((await retireQuestion(t.db, otherOrganiser, OTHER, second)).ok).toBe(true);
    const third = await create(
      {
        kind: 'number',
        label: { en: 'Third' },
        // A text kind keeps no options; no condition keeps no condition values; no category means every category.
        options: [{ label: { en: 'stray' } }],
        conditionValues: ['yes'],
        categoryIds: [],
      },
      OTHER,
      otherOrganiser,
    );
    expect(await stored(third)).toMatchObject({
      position: 3,
      eventId: await eventIdOf(OTHER),
      kind: 'number',
      options: [],
      conditionQuestionId: null,
      conditionValues: null,
      categoryIds: null,
      version: 1,
      retiredAt: null,
    });
    const [entry] = await audits(third, 'question.create');
    expect(entry).toMatchObject({
      actorUserId: otherOrganiser.userId,
      entity: 'question',
      eventId: await eventIdOf(OTHER),
      details: { label: { en: 'Third' }, kind: 'number' },
    });
  });

  it('refuses a condition on itself-to-be, a retired question, a retired option, no value, or a value yes/no does not have', async () => {
    const choice = await create({
      kind: 'single_choice',
      label: { en: 'Attend the gala?' },
      options: [{ label: { en: 'Gala' } }, { label: { en: 'Old' } }],
    });
    const [gala, old] = (await stored(choice)).options;
    // Retire the "Old" option by leaving it out of an edit.
    expect(
      (
        await updateQuestion(t.db, organiser, EVENT, choice, {
          kind: 'single_choice',
          label: { en: 'Attend the gala?' },
          options: [{ id: gala!.id, label: { en: 'Gala' } }],
        })
      ).ok,
    ).toBe(true);
    const yesNo = await create({ kind: 'yes_no', label: { en: 'Visa?' } });
    const retired = await create({ kind: 'yes_no', label: { en: 'Gone' } });
    await retireQuestion(t.db, organiser, EVENT, retired);
    const on = (conditionQuestionId: string, conditionValues: unknown) =>
      createQuestion(t.db, organiser, EVENT, { kind: 'short_text', label: { en: 'x' }, conditionQuestionId, conditionValues });
    expect(fieldsOf(await on(retired, ['yes']))).toEqual({ conditionQuestionId: 'choose' });
    expect(fieldsOf(await on(choice, [old!.id]))).toEqual({ conditionValues: 'choose' });
    expect(fieldsOf(await on(choice, [gala!.id, old!.id]))).toEqual({ conditionValues: 'choose' });
    expect(fieldsOf(await on(choice, []))).toEqual({ conditionValues: 'choose' });
    expect(fieldsOf(await on(yesNo, ['maybe']))).toEqual({ conditionValues: 'choose' });
    expect(fieldsOf(await on('00000000-0000-4000-8000-000000000000', ['yes']))).toEqual({ conditionQuestionId: 'choose' });
    // The accepted ones, for contrast: a yes/no's value, a choice's offered option.
    const onYes = await on(yesNo, 'yes');
    expect(onYes.ok).toBe(true);
    expect(await stored((onYes as { id: string }).id)).toMatchObject({ conditionQuestionId: yesNo, conditionValues: ['yes'] });
    expect((await on(choice, [gala!.id])).ok).toBe(true);
    // A question of another forum is no condition here.
    const foreign = await create({ kind: 'yes_no', label: { en: 'Elsewhere' } }, OTHER, otherOrganiser);
    expect(fieldsOf(await on(foreign, ['yes']))).toEqual({ conditionQuestionId: 'choose' });
  });

  it('refuses what the form schema refuses, beside its field, writing nothing; a new option gets a short id of its own', async () => {
    const before = (await t.db.select().from(registrationQuestions)).length;
    expect(fieldsOf(await createQuestion(t.db, organiser, EVENT, { kind: 'essay', label: { en: 'x' } }))).toEqual({ kind: 'choose' });
    const id = await create({
      kind: 'single_choice',
      label: { en: 'Shirt size' },
      options: [{ label: { en: 'S' } }, { label: { en: 'M' } }],
    });
    expect(fieldsOf(await updateQuestion(t.db, organiser, EVENT, id, { kind: 'single_choice', label: { en: '' } }))).toEqual({
      label: 'required',
    });
    expect((await t.db.select().from(registrationQuestions)).length).toBe(before + 1);
    const ids = (await stored(id)).options.map((o) => o.id);
    expect(ids.every((optionId) => /^[0-9a-f]{8}$/.test(optionId))).toBe(true);
    expect(new Set(ids).size).toBe(2);
  });

  it('a choice needs an option still offered', async () => {
    const saved = await createQuestion(t.db, organiser, EVENT, {
      kind: 'multiple_choice',
      label: { en: 'x' },
      options: [{ label: { en: 'Only retired' }, retired: true }],
    });
    expect(fieldsOf(saved)).toEqual({ options: 'required' });
    const choice = await create({ kind: 'multiple_choice', label: { en: 'Topics' }, options: [{ label: { en: 'AI' } }] });
    const [ai] = (await stored(choice)).options;
    const retiredAll = await updateQuestion(t.db, organiser, EVENT, choice, {
      kind: 'multiple_choice',
      label: { en: 'Topics' },
      options: [{ id: ai!.id, label: { en: 'AI' }, retired: true }],
    });
    expect(fieldsOf(retiredAll)).toEqual({ options: 'required' });
  });
});

describe('changing a question', () => {
  it('a question others depend on gets no condition of its own, until they are retired; nor may it depend on itself', async () => {
    const parent = await create({ kind: 'yes_no', label: { en: 'Parent' } });
    const gate = await create({ kind: 'yes_no', label: { en: 'Gate' } });
    const child = await create({ kind: 'short_text', label: { en: 'Child' }, conditionQuestionId: parent, conditionValues: ['yes'] });
    const withCondition = { kind: 'yes_no', label: { en: 'Parent' }, conditionQuestionId: gate, conditionValues: ['no'] };
    expect(fieldsOf(await updateQuestion(t.db, organiser, EVENT, parent, withCondition))).toEqual({ conditionQuestionId: 'choose' });
    expect(
      fieldsOf(
        await updateQuestion(t.db, organiser, EVENT, gate, {
          kind: 'yes_no',
          label: { en: 'Gate' },
          conditionQuestionId: gate,
          conditionValues: ['yes'],
        }),
      ),
    ).toEqual({ conditionQuestionId: 'choose' });
    expect((await retireQuestion(t.db, organiser, EVENT, child)).ok).toBe(true);
    expect(await updateQuestion(t.db, organiser, EVENT, parent, withCondition)).toEqual({ ok: true, id: parent });
    expect(await stored(parent)).toMatchObject({ conditionQuestionId: gate, conditionValues: ['no'] });
  });

  it('an edit that changes nothing writes nothing and audits nothing; help alone keeps the version; words and options raise it', async () => {
    const id = await create({
      kind: 'single_choice',
      label: { en: 'Lunch' },
      help: { en: 'Pick one' },
      options: [{ label: { en: 'Fish' } }, { label: { en: 'Rice' } }],
    });
    const before = await stored(id);
    const [fish, rice] = before.options;
    const form = {
      kind: 'single_choice',
      label: { en: 'Lunch' },
      help: { en: 'Pick one' },
      options: [
        { id: fish!.id, label: { en: 'Fish' } },
        { id: rice!.id, label: { en: 'Rice' } },
      ],
    };
    expect(await updateQuestion(t.db, organiser, EVENT, id, form)).toEqual({ ok: true, id });
    expect(await stored(id)).toEqual(before);
    expect(await audits(id, 'question.update')).toHaveLength(0);

    expect((await updateQuestion(t.db, organiser, EVENT, id, { ...form, help: { en: 'Pick one dish' } })).ok).toBe(true);
    const helped = await stored(id);
    expect(helped.version).toBe(before.version);
    expect(helped.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime() - 1);
    const [helpEntry] = await audits(id, 'question.update');
    expect(helpEntry).toMatchObject({
      actorUserId: organiser.userId,
      entity: 'question',
      details: { label: { en: 'Lunch' }, changes: { help: true } },
    });

    expect(
      (await updateQuestion(t.db, organiser, EVENT, id, { ...form, help: { en: 'Pick one dish' }, label: { en: 'Lunch on day 1' } })).ok,
    ).toBe(true);
    expect((await stored(id)).version).toBe(before.version + 1);
    // Options renamed (same ids) and one required: the version rises with the options, not with `required`.
    const soup = {
      ...form,
      help: { en: 'Pick one dish' },
      label: { en: 'Lunch on day 1' },
      options: [
        { id: fish!.id, label: { en: 'Fish soup' } },
        { id: rice!.id, label: { en: 'Rice' } },
      ],
    };
    expect((await updateQuestion(t.db, organiser, EVENT, id, { ...soup, required: true })).ok).toBe(true);
    const after = await stored(id);
    expect(after.version).toBe(before.version + 2);
    expect(after.required).toBe(true);
    expect(after.options.map((o) => o.id)).toEqual([fish!.id, rice!.id]);
    const entries = (await audits(id, 'question.update')).map((entry) => entry.details);
    expect(entries).toContainEqual({ label: { en: 'Lunch on day 1' }, changes: { label: true } });
    expect(entries).toContainEqual({ label: { en: 'Lunch on day 1' }, changes: { required: true, options: true } });
    // Only `required` changed: the version stays.
    expect((await updateQuestion(t.db, organiser, EVENT, id, { ...soup, required: false })).ok).toBe(true);
    expect((await stored(id)).version).toBe(before.version + 2);
  });

  it('an option sent with an unknown id is a new option; one left out is retired, kept last', async () => {
    const id = await create({
      kind: 'multiple_choice',
      label: { en: 'Tracks' },
      options: [{ label: { en: 'A' } }, { label: { en: 'B' } }],
    });
    const [a, b] = (await stored(id)).options;
    expect(
      (
        await updateQuestion(t.db, organiser, EVENT, id, {
          kind: 'multiple_choice',
          label: { en: 'Tracks' },
          options: [
            { label: { en: 'C' }, id: 'made-up' },
            { id: a!.id, label: { en: 'A' } },
          ],
        })
      ).ok,
    ).toBe(true);
    const options = (await stored(id)).options;
    expect(options).toHaveLength(3);
    expect(options[0]!.id).not.toBe('made-up');
    expect(options[0]).toMatchObject({ label: { en: 'C' } });
    expect(options[0]!.retired).toBeUndefined();
    expect(options[1]).toEqual({ id: a!.id, label: { en: 'A' } });
    expect(options[2]).toEqual({ ...b, retired: true });
  });

  it('an unknown, retired or another forum\'s question is "not found", and nothing changes', async () => {
    const retired = await create({ kind: 'short_text', label: { en: 'Retired' } });
    await retireQuestion(t.db, organiser, EVENT, retired);
    const foreign = await create({ kind: 'short_text', label: { en: 'Foreign' } }, OTHER, otherOrganiser);
    for (const id of [retired, foreign, '00000000-0000-4000-8000-000000000000']) {
      const before = (await t.db.select().from(registrationQuestions).where(eq(registrationQuestions.id, id)))[0];
      expect(await updateQuestion(t.db, organiser, EVENT, id, { kind: 'short_text', label: { en: 'Changed' } }), id).toMatchObject({
        ok: false,
        code: 'not-found',
      });
      expect(await moveQuestion(t.db, organiser, EVENT, id, 'up'), id).toEqual({
        ok: false,
        code: 'not-found',
        error: 'No such question in this event',
      });
      expect(await retireQuestion(t.db, organiser, EVENT, id), id).toMatchObject({ ok: false, code: 'not-found' });
      expect((await t.db.select().from(registrationQuestions).where(eq(registrationQuestions.id, id)))[0]).toEqual(before);
    }
    expect(await audits(retired, 'question.retire')).toHaveLength(1);
    expect(await audits(foreign, 'question.update')).toHaveLength(0);
  });
});

describe('moving and retiring', () => {
  it('moves one place past retired questions, stays put at either end, and audits only a real move', async () => {
    const slug = OTHER;
    const by = otherOrganiser;
    for (const id of await askedIds(slug)) await retireQuestion(t.db, by, slug, id);
    const a = await create({ kind: 'short_text', label: { en: 'A' } }, slug, by);
    const hidden = await create({ kind: 'short_text', label: { en: 'Hidden' } }, slug, by);
    const b = await create({ kind: 'short_text', label: { en: 'B' } }, slug, by);
    const c = await create({ kind: 'short_text', label: { en: 'C' } }, slug, by);
    await retireQuestion(t.db, by, slug, hidden);
    const hiddenAt = (await stored(hidden)).position;
    expect(await askedIds(slug)).toEqual([a, b, c]);

    expect(await moveQuestion(t.db, by, slug, a, 'up')).toEqual({ ok: true, id: a });
    expect(await moveQuestion(t.db, by, slug, c, 'down')).toEqual({ ok: true, id: c });
    expect(await askedIds(slug)).toEqual([a, b, c]);
    expect(await audits(a, 'question.move')).toHaveLength(0);
    expect(await audits(c, 'question.move')).toHaveLength(0);

    // B goes up past the retired question to A's place, and A takes B's.
    expect(await moveQuestion(t.db, by, slug, b, 'up')).toEqual({ ok: true, id: b });
    expect(await askedIds(slug)).toEqual([b, a, c]);
    expect((await stored(hidden)).position).toBe(hiddenAt);
    expect(await moveQuestion(t.db, by, slug, a, 'down')).toEqual({ ok: true, id: a });
    expect(await askedIds(slug)).toEqual([b, c, a]);
    const [moved] = await audits(b, 'question.move');
    expect(moved).toMatchObject({ actorUserId: by.userId, entity: 'question', details: { label: { en: 'B' }, direction: 'up' } });
    expect((await audits(a, 'question.move'))[0]).toMatchObject({ details: { label: { en: 'A' }, direction: 'down' } });
  });

  it('retiring takes the questions shown on its answer with it, none of another forum, and audits the label', async () => {
    const parent = await create({ kind: 'yes_no', label: { en: 'Bring a guest?' } });
    const child = await create({ kind: 'short_text', label: { en: 'Guest name' }, conditionQuestionId: parent, conditionValues: ['yes'] });
    const bystander = await create({ kind: 'short_text', label: { en: 'Bystander' } });
    expect(await retireQuestion(t.db, organiser, EVENT, parent)).toEqual({ ok: true, id: parent });
    const [p, c, s] = [await stored(parent), await stored(child), await stored(bystander)];
    expect(p.retiredAt).toBeInstanceOf(Date);
    expect(c.retiredAt).toEqual(p.retiredAt);
    expect(s.retiredAt).toBeNull();
    expect((await audits(parent, 'question.retire'))[0]).toMatchObject({
      actorUserId: organiser.userId,
      entity: 'question',
      details: { label: { en: 'Bring a guest?' } },
    });
    // Retired twice: "not found", and the first retirement's instant stays.
    expect(await retireQuestion(t.db, organiser, EVENT, parent)).toMatchObject({ ok: false, code: 'not-found' });
    expect((await stored(parent)).retiredAt).toEqual(p.retiredAt);
  });
});

describe("a registrant's own answers on the manage page", () => {
  it('the questions asked of their category with their answers as the form holds them (a number as text), in a language offered', async () => {
    const guests = await create({ kind: 'number', label: { en: 'Guests', zh: '客人' } });
    const zero = await create({ kind: 'number', label: { en: 'Cars' } });
    const note = await create({ kind: 'short_text', label: { en: 'Note' } });
    const unanswered = await create({ kind: 'yes_no', label: { en: 'Vegan?' } });
    const tracks = await create({
      kind: 'multiple_choice',
      label: { en: 'Tracks' },
      options: [{ label: { en: 'AI' } }, { label: { en: 'Energy' } }],
    });
    const trackIds = (await stored(tracks)).options.map((o) => o.id);
    const r = await registerAttendee(
      t.db,
      EVENT,
      person('qe-own', { mode: 'online', venue: null, answers: { [guests]: '2.5', [zero]: 0, [note]: 'Late', [tracks]: trackIds } }),
      { now },
    );
    if (!r.ok) throw new Error(JSON.stringify(r));
    const registration = {
      id: r.registration.id,
      eventId: await eventIdOf(EVENT),
      name: 'N',
      organisation: 'O',
      locale: 'fr',
      categoryId: null,
    };
    const { defaults, questions } = await ownAnswersForForm(t.db, registration, 'zh');
    expect(defaults.locale).toBe('en');
    expect(defaults.answers).toEqual({ [guests]: '2.5', [zero]: '0', [note]: 'Late', [tracks]: trackIds });
    expect(Object.hasOwn(defaults.answers ?? {}, unanswered)).toBe(false);
    expect(questions.find((q) => q.id === guests)!.text.label).toBe('客人');
    const th = await ownAnswersForForm(t.db, { ...registration, locale: 'th' }, 'th');
    expect(th.defaults.locale).toBe('th');
    for (const id of [guests, zero, note, unanswered, tracks]) await retireQuestion(t.db, organiser, EVENT, id);
  });
});

describe("the organisers' list", () => {
  it('the asked questions in order, then the retired ones, each with the count of answers to it in this forum', async () => {
    const slug = OTHER;
    const by = otherOrganiser;
    for (const id of await askedIds(slug)) await retireQuestion(t.db, by, slug, id);
    const answeredHere = await create({ kind: 'short_text', label: { en: 'Dietary needs' } });
    const x = await create({ kind: 'short_text', label: { en: 'X' } }, slug, by);
    const y = await create({ kind: 'short_text', label: { en: 'Y' } }, slug, by);
    await moveQuestion(t.db, by, slug, y, 'up');
    const list = await listQuestions(t.db, by, slug);
    expect(list.asked.map((q) => [q.id, q.answers])).toEqual([
      [y, 0],
      [x, 0],
    ]);
    expect(list.retired.length).toBeGreaterThan(0);
    expect(list.retired.every((q) => q.retiredAt !== null && q.answers === 0)).toBe(true);
    expect([...list.asked, ...list.retired].map((q) => q.id)).not.toContain(answeredHere);

    // Answers in the demo forum count there, per question.
    for (const n of [1, 2, 3]) {
      const r = await registerAttendee(
        t.db,
        EVENT,
        person(`qe-list-${n}`, { mode: 'online', venue: null, answers: n < 3 ? { [answeredHere]: 'Halal' } : {} }),
        { now },
      );
      expect(r.ok).toBe(true);
    }
    const here = await listQuestions(t.db, organiser, EVENT);
    expect(here.asked.find((q) => q.id === answeredHere)!.answers).toBe(2);
    expect(here.asked.filter((q) => q.id !== answeredHere).every((q) => q.answers === 0)).toBe(true);
    expect(here.asked.map((q) => q.position)).toEqual([...here.asked.map((q) => q.position)].sort((p, q) => p - q));
    // Retired with its answers: it moves to the retired list and keeps its count.
    await retireQuestion(t.db, organiser, EVENT, answeredHere);
    const after = await listQuestions(t.db, organiser, EVENT);
    expect(after.asked.map((q) => q.id)).not.toContain(answeredHere);
    expect(after.retired.find((q) => q.id === answeredHere)!.answers).toBe(2);
  });

  it("is for the forum's organisers only", async () => {
    const attendee = await actorFor(t.db, 'attendee.qe@example.org');
    await expect(listQuestions(t.db, attendee, EVENT)).rejects.toThrow();
    await expect(listQuestions(t.db, null, EVENT)).rejects.toThrow();
    await expect(listQuestions(t.db, organiser, OTHER)).rejects.toThrow();
    await expect(createQuestion(t.db, organiser, OTHER, { kind: 'short_text', label: { en: 'x' } })).rejects.toThrow();
    const foreign = await create({ kind: 'short_text', label: { en: 'Theirs' } }, OTHER, otherOrganiser);
    await expect(retireQuestion(t.db, organiser, OTHER, foreign)).rejects.toThrow();
    await expect(moveQuestion(t.db, null, OTHER, foreign, 'up')).rejects.toThrow();
    await expect(updateQuestion(t.db, attendee, OTHER, foreign, { kind: 'short_text', label: { en: 'x' } })).rejects.toThrow();
    expect((await stored(foreign)).retiredAt).toBeNull();
  });
});
