// An answer's round trip through its stored row, and how it reads for people, the API and the form;
// the question form's schema in the detail an organiser's browser sends.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUESTION_KINDS, type QuestionKind } from '@/db/schema/question-kinds';
import { answerRow, answerRows, answerValue } from '@/lib/registration/questions/answer-rows';
import { ANSWER_LIMITS, answersFieldSchema, answersSchema } from '@/lib/registration/questions/answer-schema';
import type { QuestionDefinition } from '@/lib/registration/questions/definition';
import type { QuestionRow } from '@/lib/registration/questions/load';
import { questionsOnForm } from '@/lib/registration/questions/on-form';
import { questionInputSchema } from '@/lib/registration/questions/question-schema';
import { answersForApi, answerText, type StoredAnswer } from '@/lib/registration/questions/read-answers';

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function question(kind: QuestionKind, overrides: Partial<QuestionRow> = {}): QuestionRow {
  return {
    id: ID(1),
    eventId: ID(99),
    position: 1,
    kind,
    required: false,
    label: { en: `A ${kind}`, zh: `一个 ${kind}` },
    help: { en: 'Help', th: 'ช่วย' },
    options: [
      { id: 'fish', label: { en: 'Fish', zh: '鱼' } },
      { id: 'rice', label: { en: 'Rice' } },
      { id: 'old', label: { en: 'Old dish', zh: '旧菜' }, retired: true },
    ],
    conditionQuestionId: null,
    conditionValues: null,
    categoryIds: null,
    version: 3,
    retiredAt: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...overrides,
  } as QuestionRow;
}
const empty = { textValue: null, numberValue: null, dateValue: null, boolValue: null, optionIds: null };
const stored = (q: QuestionDefinition, value: Parameters<typeof answerRow>[1]): StoredAnswer => answerRow(q, value);
const yesNo = { yes: 'Oui', no: 'Non' };

describe('an answer as stored and read back', () => {
  it('each kind writes its own column only, with the question id and version', () => {
    expect(answerRow(question('number'), 12.5)).toEqual({ questionId: ID(1), questionVersion: 3, ...empty, numberValue: '12.5' });
    expect(answerRow(question('date'), '2026-12-24')).toEqual({ questionId: ID(1), questionVersion: 3, ...empty, dateValue: '2026-12-24' });
    expect(answerRow(question('yes_no'), 'yes')).toMatchObject({ ...empty, boolValue: true });
    expect(answerRow(question('yes_no'), 'no')).toMatchObject({ ...empty, boolValue: false });
    expect(answerRow(question('single_choice'), 'fish')).toMatchObject({ ...empty, optionIds: ['fish'] });
    expect(answerRow(question('multiple_choice'), ['rice', 'fish'])).toMatchObject({ ...empty, optionIds: ['rice', 'fish'] });
    for (const kind of ['short_text', 'long_text', 'phone', 'email', 'country'] as const)
      if ((QUESTION_KINDS as readonly string[]).includes(kind))
        expect(answerRow(question(kind), 'Halal')).toEqual({ questionId: ID(1), questionVersion: 3, ...empty, textValue: 'Halal' });
  });

  it('a multiple choice row is a copy: changing the submitted array later does not change it', () => {
    const chosen = ['fish'];
    const row = answerRow(question('multiple_choice'), chosen);
    chosen.push('rice');
    expect(row.optionIds).toEqual(['fish']);
  });

  it('reads back what it stored, for every kind (property)', () => {
    const answersOfKind: Record<QuestionKind, fc.Arbitrary<unknown>> = Object.fromEntries(
      QUESTION_KINDS.map((kind) => [kind, fc.string({ minLength: 1, maxLength: 20 })]),
    ) as Record<QuestionKind, fc.Arbitrary<unknown>>;
    answersOfKind.number = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
    answersOfKind.yes_no = fc.constantFrom('yes', 'no');
    answersOfKind.single_choice = fc.constantFrom('fish', 'rice');
    answersOfKind.multiple_choice = fc.subarray(['fish', 'rice', 'old']);
    answersOfKind.date = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.constantFrom(...QUESTION_KINDS).chain((kind) => fc.tuple(fc.constant(kind), answersOfKind[kind])),
        ([kind, value]) => {
          const q = question(kind);
          const read = answerValue(q, answerRow(q, value as never));
          expect(read).toEqual(kind === 'number' ? Number(String(value)) : value);
        },
      ),
    );
  });

  it('an empty column reads as no answer (a multiple choice as none chosen)', () => {
    for (const kind of QUESTION_KINDS) {
      const expected = kind === 'multiple_choice' ? [] : null;
      expect(answerValue(question(kind), empty), kind).toEqual(expected);
    }
    // Zero and "no" are answers.
    expect(answerValue(question('number'), { ...empty, numberValue: '0' })).toBe(0);
    expect(answerValue(question('yes_no'), { ...empty, boolValue: false })).toBe('no');
    expect(answerValue(question('single_choice'), { ...empty, optionIds: [] })).toBeNull();
  });

  it("the rows of a submission follow the questions' order and skip the unanswered", () => {
    const a = question('short_text', { id: ID(1) });
    const b = question('number', { id: ID(2) });
    const c = question('yes_no', { id: ID(3) });
    const rows = answerRows([a, b, c], { [ID(3)]: 'no', [ID(1)]: 'x' });
    expect(rows.map((r) => r.questionId)).toEqual([ID(1), ID(3)]);
    // Only own keys count: an inherited "answer" is none.
    expect(answerRows([a], Object.create({ [ID(1)]: 'inherited' }))).toEqual([]);
  });
});

describe('an answer for people, in their language', () => {
  it('options by their label in the reader\'s language (a retired one too, an unknown id as itself), joined by "; "', () => {
    const multi = question('multiple_choice');
    expect(answerText(multi, stored(multi, ['fish', 'old', 'gone']), 'zh', yesNo)).toBe('鱼; 旧菜; gone');
    expect(answerText(multi, stored(multi, ['rice', 'fish']), 'th', yesNo)).toBe('Rice; Fish');
    const single = question('single_choice');
    expect(answerText(single, stored(single, 'fish'), 'zh', yesNo)).toBe('鱼');
  });

  it('yes and no in the words given; numbers, dates and text as given; nothing for no answer', () => {
    const yn = question('yes_no');
    expect(answerText(yn, stored(yn, 'yes'), 'en', yesNo)).toBe('Oui');
    expect(answerText(yn, stored(yn, 'no'), 'en', yesNo)).toBe('Non');
    const n = question('number');
    expect(answerText(n, stored(n, 0), 'en', yesNo)).toBe('0');
    expect(answerText(n, stored(n, 2.5), 'en', yesNo)).toBe('2.5');
    const d = question('date');
    expect(answerText(d, stored(d, '2026-12-24'), 'en', yesNo)).toBe('2026-12-24');
    const text = question('short_text');
    expect(answerText(text, stored(text, '<b>x</b>'), 'en', yesNo)).toBe('<b>x</b>');
    expect(answerText(text, undefined, 'en', yesNo)).toBe('');
    expect(answerText(yn, { ...stored(yn, 'yes'), boolValue: null }, 'en', yesNo)).toBe('');
  });
});

describe('answers for the API', () => {
  it("in the questions' order, with the version each was given under; no entry for an unanswered question or an empty column", () => {
    const a = question('number', { id: ID(1) });
    const b = question('yes_no', { id: ID(2) });
    const c = question('short_text', { id: ID(3) });
    const d = question('multiple_choice', { id: ID(4) });
    const answers = new Map<string, StoredAnswer>([
      [ID(2), { ...stored(b, 'no'), questionVersion: 1 }],
      [ID(1), stored(a, 0)],
      [ID(3), { ...stored(c, 'x'), textValue: null }],
      [ID(4), stored(d, [])],
    ]);
    expect(answersForApi([a, b, c, d], answers)).toEqual([
      { questionId: ID(1), questionVersion: 3, value: 0 },
      { questionId: ID(2), questionVersion: 1, value: 'no' },
      { questionId: ID(4), questionVersion: 3, value: [] },
    ]);
    expect(answersForApi([a, b], undefined)).toEqual([]);
  });
});

describe('a question on the registration form', () => {
  it("offers only current options, in the page's language, and keeps the definition the form checks with", () => {
    const q = question('single_choice', { conditionQuestionId: ID(7), conditionValues: ['yes'], categoryIds: [ID(8)], required: true });
    const [onForm] = questionsOnForm([q], 'zh');
    expect(onForm).toEqual({
      id: ID(1),
      kind: 'single_choice',
      required: true,
      options: [
        { id: 'fish', label: { en: 'Fish', zh: '鱼' } },
        { id: 'rice', label: { en: 'Rice' } },
      ],
      conditionQuestionId: ID(7),
      conditionValues: ['yes'],
      categoryIds: [ID(8)],
      version: 3,
      text: {
        label: '一个 single_choice',
        help: 'Help',
        options: [
          { id: 'fish', label: '鱼' },
          { id: 'rice', label: 'Rice' },
        ],
      },
    });
    expect(questionsOnForm([q], 'th')[0]!.text.help).toBe('ช่วย');
  });
});

describe('the question form as a browser sends it', () => {
  const base = { kind: 'short_text', label: { en: 'Label' } };
  const parse = (values: Record<string, unknown>) => questionInputSchema.safeParse({ ...base, ...values });
  const issues = (values: Record<string, unknown>) => {
    const r = parse(values);
    return r.success ? [] : r.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
  };

  it('fills what a form leaves out: not required, no options, no condition, every category', () => {
    const r = parse({});
    expect(r.success && r.data).toEqual({
      kind: 'short_text',
      required: false,
      label: { en: 'Label' },
      help: { en: '' },
      options: [],
      conditionQuestionId: null,
      conditionValues: [],
      categoryIds: [],
    });
  });

  it('an empty condition select is no condition; one checkbox is a list of one; an unticked one is none', () => {
    const empty = parse({ conditionQuestionId: '' });
    expect(empty.success && empty.data.conditionQuestionId).toBeNull();
    const one = parse({ conditionQuestionId: ID(1), conditionValues: 'yes' });
    expect(one.success && [one.data.conditionQuestionId, one.data.conditionValues]).toEqual([ID(1), ['yes']]);
    const unticked = parse({ conditionValues: false });
    expect(unticked.success && unticked.data.conditionValues).toEqual([]);
    const many = parse({ conditionValues: ['a', 'b'] });
    expect(many.success && many.data.conditionValues).toEqual(['a', 'b']);
  });

  it('an option keeps its id and retirement; a new one has an empty id and is offered', () => {
    const r = parse({ kind: 'single_choice', options: [{ id: 'ab_C-1', label: { en: 'A' }, retired: true }, { label: { en: 'B' } }] });
    expect(r.success && r.data.options).toEqual([
      { id: 'ab_C-1', label: { en: 'A' }, retired: true },
      { id: '', label: { en: 'B' }, retired: false },
    ]);
  });

  it('refuses, in words the form shows, what a tampered form sends', () => {
    expect(issues({ kind: 'essay' })).toEqual([['kind', 'choose']]);
    expect(issues({ label: { en: '' } })).toEqual([['label.en', 'required']]);
    expect(issues({ options: [{ id: 'bad id!', label: { en: 'A' } }] })).toEqual([['options.0.id', 'invalid']]);
    expect(issues({ options: [{ id: 'x'.repeat(65), label: { en: 'A' } }] })[0]![0]).toBe('options.0.id');
    expect(issues({ options: Array.from({ length: 51 }, () => ({ label: { en: 'A' } })) })[0]).toEqual(['options', 'tooMany?max=50']);
    expect(issues({ options: Array.from({ length: 50 }, () => ({ label: { en: 'A' } })) })).toEqual([]);
    expect(issues({ conditionQuestionId: 'not-a-uuid' })[0]![0]).toBe('conditionQuestionId');
    expect(issues({ conditionValues: Array.from({ length: 51 }, () => 'a') })[0]![0]).toBe('conditionValues');
    expect(issues({ conditionValues: ['x'.repeat(65)] })[0]![0]).toBe('conditionValues.0');
    expect(issues({ categoryIds: ['nope'] })[0]![0]).toBe('categoryIds.0');
    expect(issues({ categoryIds: Array.from({ length: 101 }, (_, n) => ID(n)) })[0]![0]).toBe('categoryIds');
    expect(issues({ categoryIds: Array.from({ length: 100 }, (_, n) => ID(n)) })).toEqual([]);
    expect(issues({ label: { en: 'x'.repeat(301) } })[0]![0]).toBe('label.en');
    expect(issues({ help: { en: 'x'.repeat(501) } })[0]![0]).toBe('help.en');
    expect(issues({ options: [{ label: { en: 'x'.repeat(201) } }] })[0]![0]).toBe('options.0.label.en');
  });
});

describe('one answer checked by its kind, in the words the form shows', () => {
  const one = (kind: QuestionKind, value: unknown) => {
    const q = question(kind);
    const r = answersSchema([q]).safeParse({ [q.id]: value });
    return r.success ? { ok: true, value: r.data[q.id] } : { ok: false, issues: r.error.issues.map((i) => [i.path.join('.'), i.message]) };
  };
  const refused = (_kind: QuestionKind, message: string) => ({ ok: false, issues: [[ID(1), message]] });

  it('a date is a real day between 1900 and 2200, spaces around it ignored', () => {
    expect(one('date', '1900-01-01')).toEqual({ ok: true, value: '1900-01-01' });
    expect(one('date', '2200-12-31')).toEqual({ ok: true, value: '2200-12-31' });
    expect(one('date', ' 2026-12-24 ')).toEqual({ ok: true, value: '2026-12-24' });
    for (const bad of ['1899-12-31', '2201-01-01', '2026-02-30', '2026-13-01', '24/12/2026', '2026-12-24T00:00'])
      expect(one('date', bad), bad).toEqual(refused('date', 'date'));
    expect(one('date', 20261224)).toEqual(refused('date', 'date'));
  });

  it('a number is digits with an optional sign and decimals, up to 10^12 either way', () => {
    expect(one('number', ' 12 ')).toEqual({ ok: true, value: 12 });
    expect(one('number', '-1.25')).toEqual({ ok: true, value: -1.25 });
    expect(one('number', 7)).toEqual({ ok: true, value: 7 });
    expect(one('number', ANSWER_LIMITS.number)).toEqual({ ok: true, value: 1e12 });
    expect(one('number', String(-ANSWER_LIMITS.number))).toEqual({ ok: true, value: -1e12 });
    for (const bad of ['12abc', 'abc12', '1.', '.5', '1e3', '1,5', '1.x', 1e12 + 1, Number.POSITIVE_INFINITY, '1000000000001'])
      expect(one('number', bad), String(bad)).toEqual(refused('number', 'number'));
  });

  it('a phone number has at least four digits and only the usual signs', () => {
    expect(one('phone', '+66 (2) 123-4567')).toEqual({ ok: true, value: '+66 (2) 123-4567' });
    expect(one('phone', '1234')).toEqual({ ok: true, value: '1234' });
    for (const bad of ['+1-2', '12 3', 'call me', '+66 2 123 4567 ext. 9'])
      expect(one('phone', bad), bad).toEqual(refused('phone', 'phone'));
  });

  it('a multiple choice names offered options, each once; a single choice one offered option', () => {
    expect(one('multiple_choice', ['rice', 'fish'])).toEqual({ ok: true, value: ['rice', 'fish'] });
    expect(one('multiple_choice', ['fish', 'bogus'])).toEqual(refused('multiple_choice', 'choose'));
    expect(one('multiple_choice', ['fish', 'old'])).toEqual(refused('multiple_choice', 'choose'));
    expect(one('multiple_choice', ['fish', 'fish'])).toEqual(refused('multiple_choice', 'choose'));
    expect(one('multiple_choice', 'fish')).toEqual(refused('multiple_choice', 'choose'));
    expect(one('single_choice', 'old')).toEqual(refused('single_choice', 'choose'));
    expect(one('yes_no', true)).toEqual({ ok: true, value: 'yes' });
    expect(one('yes_no', false)).toEqual({ ok: true, value: 'no' });
    expect(one('yes_no', 'maybe')).toEqual(refused('yes_no', 'choose'));
  });

  it('answers that are not an object of at most 200, or name no question, are refused without echoing what was sent', () => {
    const q = question('short_text');
    const issuesOf = (raw: unknown) => {
      const r = answersSchema([q]).safeParse(raw);
      return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
    };
    for (const raw of ['text', ['x'], 42, new Date(0)]) expect(issuesOf(raw), String(raw)).toEqual([['', 'answers']]);
    const many = Object.fromEntries(Array.from({ length: 201 }, (_, n) => [ID(n + 100), '']));
    expect(issuesOf(many)).toEqual([['', 'answers']]);
    expect(issuesOf(Object.fromEntries(Array.from({ length: 200 }, (_, n) => [ID(n + 100), ''])))).toEqual([]);
    expect(issuesOf(undefined)).toEqual([]);
    expect(issuesOf({ '<script>alert(1)</script>': 'x' })).toEqual([['unknown', 'notAsked']]);
    expect(issuesOf({ [ID(5)]: 'x' })).toEqual([[ID(5), 'notAsked']]);
    expect(issuesOf({ [ID(5).toUpperCase()]: 'x' })).toEqual([[ID(5).toUpperCase(), 'notAsked']]);
  });

  it('the forms check the answers under `answers`, each issue beside its question', () => {
    const q = question('number', { required: true });
    const r = answersFieldSchema([q]).safeParse({ answers: { [q.id]: 'many' } });
    expect(r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([[`answers.${q.id}`, 'number']]);
    const missing = answersFieldSchema([q]).safeParse({});
    expect(missing.success ? [] : missing.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [`answers.${q.id}`, 'required'],
    ]);
  });
});
