import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrationAnswers, registrationQuestions } from '@/db/schema';
import { QUESTION_KINDS, type QuestionKind } from '@/db/schema/question-kinds';
import { useDatabase } from '@/lib/database/process-database';
import { seedDemoForum } from '@/lib/demo/seed';
import { registerAttendee } from '@/lib/registration/register';
import { answersSchema } from '@/lib/registration/questions/answer-schema';
import type { QuestionDefinition } from '@/lib/registration/questions/definition';
import { createQuestion, moveQuestion, retireQuestion, updateQuestion } from '@/lib/registration/questions/admin/save-question';
import { eventQuestions } from '@/lib/registration/questions/load';
import { localizedFormValues } from '@/lib/validation/localized-text-input';
import type { Actor } from '@/lib/auth/sessions';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { actorFor } from '../helpers/actors';
import { counts, EVENT, person } from '../helpers/registration';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let organiser: Actor;
const q: Record<string, string> = {};
let options: Record<string, string>;

async function create(values: Record<string, unknown>) {
  const saved = await createQuestion(t.db, organiser, EVENT, values);
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  return saved.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org.questions@forum.test', { eventSlug: EVENT, role: 'organiser' });
  q.delegation = await create({
    kind: 'single_choice',
    required: true,
    label: { en: 'Do you travel with a delegation?', zh: '您是否随代表团出行？' },
    options: [{ label: { en: 'Yes, a ministry', zh: '是，部委' } }, { label: { en: 'No' } }],
  });
  const [delegation] = (await eventQuestions(t.db, await eventIdOf())).filter((row) => row.id === q.delegation);
  options = { ministry: delegation!.options[0]!.id, none: delegation!.options[1]!.id };
  q.ministry = await create({
    kind: 'short_text',
    required: true,
    label: { en: 'Which ministry?' },
    conditionQuestionId: q.delegation,
    conditionValues: [options.ministry],
  });
  q.visa = await create({ kind: 'yes_no', label: { en: 'Do you need a visa letter?' } });
  q.arrival = await create({ kind: 'date', label: { en: 'Arrival day' } });
  q.guests = await create({ kind: 'number', label: { en: 'Guests' } });
  q.topics = await create({
    kind: 'multiple_choice',
    label: { en: 'Topics' },
    options: [{ label: { en: 'Health' } }, { label: { en: 'AI' } }, { label: { en: 'Energy' } }],
  });
  q.phone = await create({ kind: 'phone', label: { en: 'Mobile' } });
  q.vip = await create({ kind: 'short_text', label: { en: 'Protocol officer' }, categoryIds: ['7d4f3c1e-5b1a-4c6e-9a38-2f0b1d9e8c77'] });
});
afterAll(() => t?.close());

async function eventIdOf(): Promise<string> {
  const [row] = await t.db.select({ eventId: registrationQuestions.eventId }).from(registrationQuestions).limit(1);
  return row!.eventId;
}

function valid(n: number, answers: Record<string, unknown> = {}) {
  return person(`q${n}`, { answers: { [q.delegation!]: options.none, ...answers } });
}

describe('answers are checked against the stored questions in the same request as the built-in fields', () => {
  it('stores each answer typed, with the question version it was given under', async () => {
    const result = await registerAttendee(
      t.db,
      EVENT,
      valid(1, {
        [q.delegation!]: options.ministry,
        [q.ministry!]: 'Ministry of Science',
        [q.visa!]: 'yes',
        [q.arrival!]: '2026-12-23',
        [q.guests!]: '2',
        [q.topics!]: [],
        [q.phone!]: '+66 2 123 4567',
      }),
      { now },
    );
    expect(result.ok).toBe(true);
    const rows = await t.db
      .select()
      .from(registrationAnswers)
      .where(eq(registrationAnswers.registrationId, result.ok ? result.registration.id : ''));
    const by = new Map(rows.map((row) => [row.questionId, row]));
    expect(by.get(q.delegation!)?.optionIds).toEqual([options.ministry]);
    expect(by.get(q.ministry!)?.textValue).toBe('Ministry of Science');
    expect(by.get(q.visa!)?.boolValue).toBe(true);
    expect(by.get(q.arrival!)?.dateValue).toBe('2026-12-23');
    expect(Number(by.get(q.guests!)?.numberValue)).toBe(2);
    expect(by.has(q.topics!)).toBe(false);
    expect(by.get(q.phone!)?.questionVersion).toBe(1);
  });

  it.each([
    ['a missing required answer', {}, () => ({ [q.delegation!]: '  ' }), 'delegation', 'required'],
    ['an unknown option', {}, () => ({ [q.delegation!]: 'nope' }), 'delegation', 'choose'],
    ['a number as text', {}, () => ({ [q.guests!]: 'two' }), 'guests', 'number'],
    ['a number too large', {}, () => ({ [q.guests!]: 1e13 }), 'guests', 'number'],
    ['a date that does not exist', {}, () => ({ [q.arrival!]: '2026-02-30' }), 'arrival', 'date'],
    ['too long a text', {}, () => ({ [q.delegation!]: options.ministry, [q.ministry!]: 'x'.repeat(201) }), 'ministry', 'tooLong?max=200'],
    [
      'a line break in a one-line answer',
      {},
      () => ({ [q.delegation!]: options.ministry, [q.ministry!]: 'a\r\nBcc: x@y.z' }),
      'ministry',
      'oneLine',
    ],
    ['the condition not met', {}, () => ({ [q.ministry!]: 'Ministry of Science' }), 'ministry', 'notAsked'],
    ['the conditional one left empty when asked', {}, () => ({ [q.delegation!]: options.ministry }), 'ministry', 'required'],
    ['another category', {}, () => ({ [q.vip!]: 'Someone' }), 'vip', 'notAsked'],
    ['a repeated option', {}, () => ({ [q.topics!]: ['x', 'x'] }), 'topics', 'choose'],
    ['a yes/no as a number', {}, () => ({ [q.visa!]: 1 }), 'visa', 'choose'],
    ['an object for a text', {}, () => ({ [q.phone!]: { toString: 'x' } }), 'phone', 'text'],
    ['letters for a phone', {}, () => ({ [q.phone!]: 'call me' }), 'phone', 'phone'],
  ])('%s → 422 naming answers.<question>, nothing stored', async (_, __, answers, name, message) => {
    const before = await counts(t.db);
    const result = await registerAttendee(t.db, EVENT, valid(2, answers()), { now });
    expect(!result.ok && result.code).toBe('invalid');
    if (!result.ok && result.code === 'invalid') expect(result.fields[`answers.${q[name]}`]).toBe(message);
    expect(await counts(t.db)).toEqual(before);
  });

  it('a question of one category is asked of a submission in that category: its answer is no longer “not asked”', async () => {
    const result = await registerAttendee(
      t.db,
      EVENT,
      { ...valid(4, { [q.vip!]: 'Someone' }), category: '7d4f3c1e-5b1a-4c6e-9a38-2f0b1d9e8c77' },
      { now },
    );
    // The category itself does not exist, and is refused as such, after the answers were found asked.
    expect(!result.ok && result.code === 'invalid' && result.fields).toEqual({ category: expect.any(String) });
  });

  it('names answer and built-in fields together in one 422', async () => {
    const result = await registerAttendee(t.db, EVENT, { ...valid(3), name: '', answers: { [q.guests!]: 'many' } }, { now });
    expect(!result.ok && result.code === 'invalid' && Object.keys(result.fields).sort()).toEqual(
      ['name', `answers.${q.delegation}`, `answers.${q.guests}`].sort(),
    );
  });

  it.each([
    ['a string', 'hello'],
    ['an array', [1, 2]],
    ['a number', 7],
    ['too many keys', Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, 'x']))],
    ['an unknown question', { 'not-a-question': 'x' }],
    ['a prototype key', JSON.parse('{"__proto__": {"polluted": true}}')],
  ])('hostile answers (%s) are refused without a 5xx and nothing is stored', async (_, answers) => {
    const before = await counts(t.db);
    const result = await registerAttendee(t.db, EVENT, { ...valid(4), answers }, { now });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toBe('invalid');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await counts(t.db)).toEqual(before);
  });
});

describe('organisers change questions without losing answers', () => {
  it('removing an answered option retires it, raises the version and keeps the old answer readable', async () => {
    const result = await registerAttendee(t.db, EVENT, valid(5, { [q.topics!]: [] }), { now });
    expect(result.ok).toBe(true);
    const [topics] = (await eventQuestions(t.db, await eventIdOf())).filter((row) => row.id === q.topics);
    const [health, ai] = topics!.options;
    const answered = await registerAttendee(t.db, EVENT, valid(6, { [q.topics!]: [health!.id, ai!.id] }), { now });
    expect(answered.ok).toBe(true);
    const saved = await updateQuestion(t.db, organiser, EVENT, q.topics!, {
      kind: 'multiple_choice',
      label: { en: 'Topics' },
      options: [{ id: health!.id, label: { en: 'Health' } }],
    });
    expect(saved.ok).toBe(true);
    const [after] = (await eventQuestions(t.db, await eventIdOf())).filter((row) => row.id === q.topics);
    expect(after!.version).toBe(2);
    expect(after!.options.find((option) => option.id === ai!.id)).toMatchObject({ retired: true, label: { en: 'AI' } });
    const [row] = await t.db
      .select()
      .from(registrationAnswers)
      .where(eq(registrationAnswers.registrationId, answered.ok ? answered.registration.id : ''));
    expect(row).toBeDefined();
    const retiredChoice = await registerAttendee(t.db, EVENT, valid(7, { [q.topics!]: [ai!.id] }), { now });
    expect(!retiredChoice.ok && retiredChoice.code === 'invalid' && retiredChoice.fields[`answers.${q.topics}`]).toBe('choose');
  });

  it('saves the label, help and options in Japanese, Korean and Thai side by side, and reads them back into the form', async () => {
    const label = { en: 'Arrival', zh: '抵达方式', ja: '到着方法', ko: '도착 방법', th: 'วิธีเดินทางมาถึง' };
    const help = { en: 'How you reach Nanning', ja: '南寧への交通手段', ko: '난닝까지 오는 방법', th: 'วิธีเดินทางมาหนานหนิง' };
    const plane = { en: 'Plane', ja: '飛行機', ko: '비행기', th: 'เครื่องบิน' };
    const saved = await createQuestion(t.db, organiser, EVENT, {
      kind: 'single_choice',
      label,
      help,
      options: [{ label: plane }, { label: { en: 'Train', th: 'รถไฟ' } }],
    });
    if (!saved.ok) throw new Error('question');
    const [row] = await t.db.select().from(registrationQuestions).where(eq(registrationQuestions.id, saved.id));
    expect(row!.label).toEqual(label);
    expect(row!.help).toEqual(help);
    expect(row!.options.map((o) => o.label)).toEqual([plane, { en: 'Train', th: 'รถไฟ' }]);
    // The form reads every language back (English and Chinese as before), and emptying one drops it.
    const form = {
      kind: 'single_choice',
      label: localizedFormValues(row!.label),
      help: { ...localizedFormValues(row!.help), ko: '' },
      options: row!.options.map((o) => ({ id: o.id, label: localizedFormValues(o.label) })),
    };
    expect(form.label).toEqual({ ...localizedFormValues(null), ...label });
    expect(form.options[0]!.label).toEqual({ ...localizedFormValues(null), ...plane });
    expect((await updateQuestion(t.db, organiser, EVENT, saved.id, form)).ok).toBe(true);
    const [after] = await t.db.select().from(registrationQuestions).where(eq(registrationQuestions.id, saved.id));
    expect(after!.label).toEqual(label);
    expect(after!.help).toEqual({ en: 'How you reach Nanning', ja: '南寧への交通手段', th: 'วิธีเดินทางมาหนานหนิง' });
    expect(after!.options.map((o) => o.label)).toEqual([plane, { en: 'Train', th: 'รถไฟ' }]);
    // Nothing but the help changed, so answers given to this version still name it.
    expect(after!.version).toBe(row!.version);
    await retireQuestion(t.db, organiser, EVENT, saved.id);
  });

  it('a kind never changes, a condition is one level deep and on a choice', async () => {
    expect(await updateQuestion(t.db, organiser, EVENT, q.guests!, { kind: 'short_text', label: { en: 'Guests' } })).toMatchObject({
      ok: false,
      fields: { kind: 'invalid' },
    });
    const nested = await createQuestion(t.db, organiser, EVENT, {
      kind: 'short_text',
      label: { en: 'x' },
      conditionQuestionId: q.ministry,
      conditionValues: ['yes'],
    });
    expect(nested).toMatchObject({ ok: false, fields: { conditionQuestionId: 'choose' } });
    const onText = await createQuestion(t.db, organiser, EVENT, {
      kind: 'short_text',
      label: { en: 'x' },
      conditionQuestionId: q.guests,
      conditionValues: ['1'],
    });
    expect(onText).toMatchObject({ ok: false, fields: { conditionQuestionId: 'choose' } });
    const noOptions = await createQuestion(t.db, organiser, EVENT, { kind: 'single_choice', label: { en: 'x' }, options: [] });
    expect(noOptions).toMatchObject({ ok: false, fields: { options: 'required' } });
  });

  it('moves by one place and retires with the questions that depend on it', async () => {
    const ordered = async () => (await eventQuestions(t.db, await eventIdOf())).map((row) => row.id);
    const before = await ordered();
    expect((await moveQuestion(t.db, organiser, EVENT, q.visa!, 'up')).ok).toBe(true);
    const after = await ordered();
    expect(after.indexOf(q.visa!)).toBe(before.indexOf(q.visa!) - 1);
    expect((await retireQuestion(t.db, organiser, EVENT, q.delegation!)).ok).toBe(true);
    const asked = await ordered();
    expect(asked).not.toContain(q.delegation);
    expect(asked).not.toContain(q.ministry);
    const result = await registerAttendee(t.db, EVENT, person('q9', { answers: { [q.delegation!]: options.ministry } }), { now });
    expect(!result.ok && result.code === 'invalid' && result.fields[`answers.${q.delegation}`]).toBe('notAsked');
  });

  it('refuses someone who is not the organiser of this event', async () => {
    const attendee = await actorFor(t.db, 'someone@example.org');
    await expect(createQuestion(t.db, attendee, EVENT, { kind: 'short_text', label: { en: 'x' } })).rejects.toThrow();
  });
});

// Any stored definition yields a schema that accepts its valid answers and refuses invalid ones.
const optionIds = fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 5 });
const definition = fc.record({
  kind: fc.constantFrom<QuestionKind>(...QUESTION_KINDS),
  required: fc.boolean(),
  optionIds,
  retiredFirst: fc.boolean(),
});
function asQuestion(d: { kind: QuestionKind; required: boolean; optionIds: string[]; retiredFirst: boolean }): QuestionDefinition {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    kind: d.kind,
    required: d.required,
    options: d.optionIds.map((id, i) => ({
      id,
      label: { en: id },
      ...(i === 0 && d.retiredFirst && d.optionIds.length > 1 ? { retired: true } : {}),
    })),
    conditionQuestionId: null,
    conditionValues: null,
    categoryIds: null,
    version: 1,
  };
}
const offered = (question: QuestionDefinition) => question.options.filter((o) => !o.retired).map((o) => o.id);
function validAnswer(question: QuestionDefinition): fc.Arbitrary<unknown> {
  switch (question.kind) {
    case 'short_text':
      return fc.stringMatching(/^[A-Za-z0-9À-ž一-龥 ,.'-]{1,200}$/).filter((s) => s.trim() !== '');
    case 'long_text':
      return fc.stringMatching(/^[A-Za-z0-9 \n,.]{1,2000}$/).filter((s) => s.trim() !== '');
    case 'email':
      return fc.constantFrom('a@example.org', 'Li.Wei@Research.CN');
    case 'phone':
      return fc.stringMatching(/^\+?[0-9]{4}[0-9 ]{0,20}$/);
    case 'country':
      return fc.constantFrom('CN', 'th', 'JP', 'VN');
    case 'date':
      return fc
        .date({ min: new Date('1950-01-01'), max: new Date('2150-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'number':
      return fc.oneof(fc.integer(), fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 999 }).map(String));
    case 'yes_no':
      return fc.constantFrom('yes', 'no', true, false);
    case 'single_choice':
      return fc.constantFrom(...offered(question));
    case 'multiple_choice':
      return fc.subarray(offered(question), { minLength: 1 });
  }
}
function invalidAnswer(question: QuestionDefinition): fc.Arbitrary<unknown> {
  const retired = question.options.filter((o) => o.retired).map((o) => o.id);
  switch (question.kind) {
    case 'single_choice':
      return fc.constantFrom('not-an-option', ...retired, 42);
    case 'multiple_choice':
      return fc.constantFrom(['not-an-option'], 'x', [offered(question)[0], offered(question)[0]], ...retired.map((id) => [id]));
    case 'number':
      return fc.constantFrom('1e999', 'NaN', 'two', 1e13, Number.POSITIVE_INFINITY, {});
    case 'date':
      return fc.constantFrom('2026-02-30', '31/12/2026', '2026-13-01', 20261201);
    case 'yes_no':
      return fc.constantFrom('maybe', 1, ['yes']);
    case 'short_text':
      return fc.constantFrom('x'.repeat(201), 'a\nb', 'a\u0000b', 5);
    case 'long_text':
      return fc.constantFrom('x'.repeat(2001), 'a\u0007b', {});
    default:
      return fc.constantFrom('x'.repeat(300), 'not valid at all ::', ['a'], 12);
  }
}

describe('the schema built from any stored definition', () => {
  it('accepts the valid answers to it', () => {
    fc.assert(
      fc.property(
        definition.map(asQuestion).chain((question) => fc.tuple(fc.constant(question), validAnswer(question))),
        ([question, answer]) => {
          const parsed = answersSchema([question]).safeParse({ [question.id]: answer });
          expect(parsed.success, JSON.stringify({ question, answer, issues: parsed.error?.issues })).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
  it('refuses invalid answers, and a missing required one, naming the question', () => {
    fc.assert(
      fc.property(
        definition.map(asQuestion).chain((question) => fc.tuple(fc.constant(question), invalidAnswer(question))),
        ([question, answer]) => {
          const parsed = answersSchema([question]).safeParse({ [question.id]: answer });
          expect(parsed.success, JSON.stringify({ question, answer })).toBe(false);
          expect(parsed.error?.issues[0]?.path).toEqual([question.id]);
          const empty = answersSchema([question]).safeParse({});
          expect(empty.success).toBe(!question.required);
        },
      ),
      { numRuns: 300 },
    );
  });
});
