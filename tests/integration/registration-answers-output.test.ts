import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendeeCategories, registrationAnswers, registrationQuestions, registrations } from '@/db/schema';
import type { Actor } from '@/lib/auth/sessions';
import { useDatabase } from '@/lib/database/process-database';
import { seedDemoForum } from '@/lib/demo/seed';
import { registrationDetail } from '@/lib/registration/admin/detail';
import { exportRegistrationsCsv } from '@/lib/registration/admin/export';
import { registrationFilterSchema } from '@/lib/registration/admin/filters';
import { listRegistrations, registrationPageSchema } from '@/lib/registration/admin/list';
import { changeOwnDetails } from '@/lib/registration/change-details';
import { ownAnswersForForm } from '@/lib/registration/questions/own-answers';
import { createQuestion, updateQuestion } from '@/lib/registration/questions/admin/save-question';
import { eventQuestions } from '@/lib/registration/questions/load';
import { answerText } from '@/lib/registration/questions/read-answers';
import { registerAttendee } from '@/lib/registration/register';
import { eraseRegistrations } from '@/lib/retention/erase-registration';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT, person } from '../helpers/registration';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let organiser: Actor;
let note: string;
let diet: string;
let dietOptions: { id: string }[];

async function readCsv(): Promise<string> {
  const { stream } = await exportRegistrationsCsv(t.db, organiser, EVENT, registrationFilterSchema.parse({}));
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

async function register(n: string, answers: Record<string, unknown>) {
  const result = await registerAttendee(t.db, EVENT, person(n, { answers }), { now });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.registration.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org.answers@forum.test', { eventSlug: EVENT, role: 'organiser' });
  const saved = await createQuestion(t.db, organiser, EVENT, { kind: 'short_text', label: { en: '=HYPERLINK("x")', zh: '备注' } });
  if (!saved.ok) throw new Error('note');
  note = saved.id;
  const savedDiet = await createQuestion(t.db, organiser, EVENT, {
    kind: 'single_choice',
    label: { en: 'Diet' },
    options: [{ label: { en: 'Halal', zh: '清真' } }, { label: { en: 'Vegetarian' } }],
  });
  if (!savedDiet.ok) throw new Error('diet');
  diet = savedDiet.id;
  dietOptions = (await eventQuestions(t.db, await eventId())).find((q) => q.id === diet)!.options;
});
afterAll(() => t?.close());

async function eventId() {
  const [question] = await t.db.select({ eventId: registrationQuestions.eventId }).from(registrationQuestions).limit(1);
  return question!.eventId;
}

describe('answers in the export, the detail and the list', () => {
  it('the CSV has a column per question, formula-safe, with option labels, and a retired option still reads', async () => {
    await register('csv-formula', { [note]: '=cmd|"/c calc"!A1', [diet]: dietOptions[0]!.id });
    await register('csv-xss', { [note]: '<script>alert(1)</script>', [diet]: dietOptions[1]!.id });
    const retired = await updateQuestion(t.db, organiser, EVENT, diet, {
      kind: 'single_choice',
      label: { en: 'Diet' },
      options: [{ id: dietOptions[1]!.id, label: { en: 'Vegetarian' } }],
    });
    expect(retired.ok).toBe(true);
    const csv = await readCsv();
    const [header, ...lines] = csv.trim().split('\r\n');
    expect(header).toContain(`"answer: =HYPERLINK(""x"")"`);
    expect(header).not.toMatch(/,=HYPERLINK/);
    const formula = lines.find((line) => line.includes('pcsv-formula@example.org'))!;
    expect(formula).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(formula.endsWith(',Halal')).toBe(true);
    const xss = lines.find((line) => line.includes('pcsv-xss@example.org'))!;
    expect(xss).toContain('<script>alert(1)</script>');
  });

  it('the CSV says yes or no in English, and leaves every answer empty for a registration that answered nothing', async () => {
    const asked = await createQuestion(t.db, organiser, EVENT, { kind: 'yes_no', label: { en: 'Site visit?', zh: '参观？' } });
    if (!asked.ok) throw new Error(JSON.stringify(asked));
    await register('csv-yes', { [asked.id]: 'yes' });
    await register('csv-no', { [asked.id]: 'no' });
    await register('csv-silent', {});
    const [header, ...lines] = (await readCsv()).trim().split('\r\n');
    const column = header!.split(',').indexOf('answer: Site visit?');
    expect(column).toBeGreaterThan(0);
    const cellOf = (email: string) => lines.find((line) => line.includes(email))!.split(',')[column];
    expect([cellOf('pcsv-yes@example.org'), cellOf('pcsv-no@example.org'), cellOf('pcsv-silent@example.org')]).toEqual(['yes', 'no', '']);
    expect(lines.find((line) => line.includes('pcsv-silent@example.org'))!.endsWith(',,,')).toBe(true);
  });

  it('the detail shows each answer with its question, in the reader’s language, and an XSS answer is text', async () => {
    const id = await register('detail', { [note]: '<img src=x onerror=alert(1)>', [diet]: dietOptions[1]!.id });
    const detail = await registrationDetail(t.db, organiser, EVENT, id);
    const texts = detail!.answers.map(({ question, answer }) => [question.id, answerText(question, answer, 'zh', { yes: '是', no: '否' })]);
    expect(Object.fromEntries(texts)).toEqual({ [note]: '<img src=x onerror=alert(1)>', [diet]: 'Vegetarian' });
  });

  it('the list filters by question and answer (an option by its label, text by what it contains)', async () => {
    const list = async (query: Record<string, string>) =>
      (await listRegistrations(t.db, organiser, EVENT, registrationFilterSchema.parse(query), registrationPageSchema.parse({}))).rows
        .map((r) => r.email)
        .sort();
    expect(await list({ question: diet, answer: 'halal' })).toEqual(['pcsv-formula@example.org']);
    expect(await list({ question: note, answer: 'script' })).toEqual(['pcsv-xss@example.org']);
    expect(await list({ question: diet })).toEqual(['pcsv-formula@example.org', 'pcsv-xss@example.org', 'pdetail@example.org']);
    expect(await list({ question: diet, answer: '100%_' })).toEqual([]);
  });
});

describe('a registrant changes their details and answers from the manage page', () => {
  it('changes name, organisation, language and answers (an answer left empty is removed)', async () => {
    const id = await register('self', { [note]: 'first', [diet]: dietOptions[1]!.id });
    const result = await changeOwnDetails(t.db, id, {
      name: 'Renamed',
      organisation: 'CATTC',
      locale: 'zh',
      answers: { [note]: 'second' },
    });
    expect(result.ok).toBe(true);
    const [row] = await t.db.select().from(registrations).where(eq(registrations.id, id));
    expect(row).toMatchObject({ name: 'Renamed', organisation: 'CATTC', locale: 'zh' });
    const answers = await t.db.select().from(registrationAnswers).where(eq(registrationAnswers.registrationId, id));
    expect(answers.map((a) => a.textValue ?? a.optionIds?.[0]).sort()).toEqual(['second']);
  });

  it('a question asked only in the registrant’s category is on their form and can be changed there; not on anyone else’s', async () => {
    const [delegates] = await t.db
      .insert(attendeeCategories)
      .values({ eventId: await eventId(), name: { en: 'Ministry delegates' } })
      .returning();
    const saved = await createQuestion(t.db, organiser, EVENT, {
      kind: 'short_text',
      label: { en: 'Protocol officer' },
      categoryIds: [delegates!.id],
    });
    if (!saved.ok) throw new Error('question');
    const registered = await registerAttendee(
      t.db,
      EVENT,
      person('self-delegate', { category: delegates!.id, answers: { [saved.id]: 'Ms Chen' } }),
      { now },
    );
    if (!registered.ok) throw new Error(JSON.stringify(registered));
    const id = registered.registration.id;
    const [row] = await t.db.select().from(registrations).where(eq(registrations.id, id));
    const form = await ownAnswersForForm(t.db, row!, 'en');
    expect(form.questions.map((q) => q.id)).toContain(saved.id);
    expect(form.defaults.answers?.[saved.id]).toBe('Ms Chen');
    const values = { name: row!.name, organisation: row!.organisation, locale: 'en', answers: { [saved.id]: 'Mr Li' } };
    expect(await changeOwnDetails(t.db, id, values)).toEqual({ ok: true });
    const kept = await t.db.select().from(registrationAnswers).where(eq(registrationAnswers.registrationId, id));
    expect(kept.map((a) => a.textValue)).toEqual(['Mr Li']);
    // Someone outside the category neither sees it nor may answer it.
    const other = await register('self-outsider', {});
    const [outsider] = await t.db.select().from(registrations).where(eq(registrations.id, other));
    expect((await ownAnswersForForm(t.db, outsider!, 'en')).questions.map((q) => q.id)).not.toContain(saved.id);
    expect(await changeOwnDetails(t.db, other, { ...values, name: outsider!.name })).toMatchObject({
      ok: false,
      fields: { [`answers.${saved.id}`]: expect.any(String) },
    });
  });

  it('erasing a registration deletes its answers', async () => {
    const id = await register('erase-me', { [note]: 'private' });
    await t.db.transaction((tx) => eraseRegistrations(tx, [id], now));
    expect(await t.db.select().from(registrationAnswers).where(eq(registrationAnswers.registrationId, id))).toEqual([]);
  });

  it.each([
    ['an empty name', { name: ' ', organisation: '', locale: 'en' }, 'name'],
    ['a language not offered', { name: 'A', organisation: '', locale: 'fr' }, 'locale'],
    ['a retired option', { name: 'A', organisation: '', locale: 'en', answers: {} as Record<string, unknown> }, 'diet'],
    ['a line break in an answer', { name: 'A', organisation: '', locale: 'en', answers: {} as Record<string, unknown> }, 'note'],
  ])('refuses %s and changes nothing', async (what, values, field) => {
    const id = await register(`self-${what.replace(/\W/g, '')}`, { [note]: 'kept' });
    const input: Record<string, unknown> = { ...values };
    if (field === 'diet') input.answers = { [diet]: dietOptions[0]!.id };
    if (field === 'note') input.answers = { [note]: 'a\nb' };
    const before = await t.db.select().from(registrationAnswers).where(eq(registrationAnswers.registrationId, id));
    const result = await changeOwnDetails(t.db, id, input);
    expect(!result.ok && result.code).toBe('invalid');
    const key = field === 'diet' ? `answers.${diet}` : field === 'note' ? `answers.${note}` : field;
    expect(!result.ok && result.code === 'invalid' && Object.keys(result.fields)).toContain(key);
    expect(await t.db.select().from(registrationAnswers).where(eq(registrationAnswers.registrationId, id))).toEqual(before);
    const [row] = await t.db.select().from(registrations).where(eq(registrations.id, id));
    expect(row!.name).toBe(`Participant self-${what.replace(/\W/g, '')}`);
  });
});
