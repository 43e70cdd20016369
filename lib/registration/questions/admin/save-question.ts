import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { type QuestionOption, registrationQuestions } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import { changedFields } from '@/lib/admin/changes';
import { saveAudited } from '@/lib/audit/save-audited';
import type { Actor } from '@/lib/auth/sessions';
import { invalid, notFound, ok, type Result } from '@/lib/errors/result';
import { parseInput } from '@/lib/validation/field-errors';
import { vmsg } from '@/lib/validation/message';
import { CHOICE_KINDS, CONDITION_KINDS, YES_NO } from '../definition';
import type { QuestionRow } from '../load';
import { type QuestionInput, questionInputSchema } from '../question-schema';

export type SavedQuestion = Result<{ id: string }>;

const noSuchQuestion = () => notFound('No such question in this event');

async function lockedQuestions(tx: Db, eventId: string): Promise<QuestionRow[]> {
  return tx
    .select()
    .from(registrationQuestions)
    .where(eq(registrationQuestions.eventId, eventId))
    .orderBy(registrationQuestions.position)
    .for('update');
}

/**
 * The options after an edit: existing ones keep their id (answers name it); an existing option left
 * out of the form is retired, never deleted, so answers that chose it still read.
 */
function mergedOptions(before: QuestionOption[], input: QuestionInput): QuestionOption[] {
  const known = new Map(before.map((option) => [option.id, option]));
  const kept = input.options.map((option): QuestionOption => {
    const id = option.id && known.has(option.id) ? option.id : randomUUID().slice(0, 8);
    return { id, label: option.label, ...(option.retired ? { retired: true } : {}) };
  });
  const sent = new Set(kept.map((option) => option.id));
  return [...kept, ...before.filter((option) => !sent.has(option.id)).map((option) => ({ ...option, retired: true as const }))];
}

/** The checks that need the other questions: choices have options, a condition points one level up at a choice. */
function checkAgainstOthers(input: QuestionInput, options: QuestionOption[], others: QuestionRow[], selfId: string | null) {
  const fields: Record<string, string> = {};
  if (CHOICE_KINDS.includes(input.kind) && !options.some((option) => !option.retired)) fields.options = vmsg('required');
  if (input.conditionQuestionId) {
    const on = others.find((q) => q.id === input.conditionQuestionId && q.id !== selfId && !q.retiredAt);
    const values = on?.kind === 'yes_no' ? [...YES_NO] : (on?.options ?? []).filter((option) => !option.retired).map((option) => option.id);
    if (!on || !CONDITION_KINDS.includes(on.kind) || on.conditionQuestionId) fields.conditionQuestionId = vmsg('choose');
    else if (!input.conditionValues.length || !input.conditionValues.every((value) => values.includes(value)))
      fields.conditionValues = vmsg('choose');
    // One level: a question others depend on cannot itself depend on another.
    if (selfId && others.some((q) => q.conditionQuestionId === selfId && !q.retiredAt)) fields.conditionQuestionId = vmsg('choose');
  }
  return fields;
}

function stored(input: QuestionInput, options: QuestionOption[]) {
  return {
    required: input.required,
    label: input.label,
    help: input.help,
    options: CHOICE_KINDS.includes(input.kind) ? options : [],
    conditionQuestionId: input.conditionQuestionId,
    conditionValues: input.conditionQuestionId ? input.conditionValues : null,
    categoryIds: input.categoryIds.length ? input.categoryIds : null,
  };
}

/** An organiser adds a question at the end of their event's form. */
export async function createQuestion(db: Db, actor: Actor | null, slug: string, values: unknown): Promise<SavedQuestion> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = parseInput(questionInputSchema, values);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  return saveAudited(db, { eventId: event.id, actor }, {}, async (tx, audit): Promise<SavedQuestion> => {
    const others = await lockedQuestions(tx, event.id);
    const options = mergedOptions([], input);
    const fields = checkAgainstOthers(input, options, others, null);
    if (Object.keys(fields).length) return invalid(fields);
    const position = Math.max(0, ...others.map((q) => q.position)) + 1;
    const [row] = await tx
      .insert(registrationQuestions)
      .values({ eventId: event.id, position, kind: input.kind, ...stored(input, options) })
      .returning({ id: registrationQuestions.id });
    await audit({
      action: 'question.create',
      entity: 'question',
      entityId: row!.id,
      details: { label: stored(input, options).label, kind: input.kind },
    });
    return ok({ id: row!.id });
  });
}

/**
 * An organiser changes a question. Its kind stays (answers were given as that kind); a change of
 * words or options raises its version, which each answer records.
 */
export async function updateQuestion(
  db: Db,
  actor: Actor | null,
  slug: string,
  questionId: string,
  values: unknown,
): Promise<SavedQuestion> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = parseInput(questionInputSchema, values);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  return saveAudited(db, { eventId: event.id, actor }, {}, async (tx, audit): Promise<SavedQuestion> => {
    const all = await lockedQuestions(tx, event.id);
    const current = all.find((q) => q.id === questionId);
    if (!current || current.retiredAt) return noSuchQuestion();
    if (current.kind !== input.kind) return invalid({ kind: vmsg('invalid') });
    const options = mergedOptions(current.options, input);
    const fields = checkAgainstOthers(input, options, all, questionId);
    if (Object.keys(fields).length) return invalid(fields);
    const next = stored(input, options);
    const changes = changedFields(current, next);
    if (!Object.keys(changes).length) return ok({ id: questionId });
    const reworded = 'label' in changes || 'options' in changes;
    await tx
      .update(registrationQuestions)
      .set({ ...next, version: reworded ? current.version + 1 : current.version, updatedAt: new Date() })
      .where(eq(registrationQuestions.id, questionId));
    await audit({
      action: 'question.update',
      entity: 'question',
      entityId: questionId,
      details: { label: next.label, changes: Object.fromEntries(Object.keys(changes).map((key) => [key, true])) },
    });
    return ok({ id: questionId });
  });
}

/** An organiser moves a question one place up or down the form. */
export async function moveQuestion(
  db: Db,
  actor: Actor | null,
  slug: string,
  questionId: string,
  direction: 'up' | 'down',
): Promise<SavedQuestion> {
  const event = await organiserEvent(db, actor, slug);
  return saveAudited(db, { eventId: event.id, actor }, {}, async (tx, audit): Promise<SavedQuestion> => {
    const asked = (await lockedQuestions(tx, event.id)).filter((q) => !q.retiredAt);
    const index = asked.findIndex((q) => q.id === questionId);
    if (index < 0) return noSuchQuestion();
    const other = asked[direction === 'up' ? index - 1 : index + 1];
    if (!other) return ok({ id: questionId });
    const self = asked[index]!;
    await tx.update(registrationQuestions).set({ position: other.position }).where(eq(registrationQuestions.id, self.id));
    await tx.update(registrationQuestions).set({ position: self.position }).where(eq(registrationQuestions.id, other.id));
    await audit({ action: 'question.move', entity: 'question', entityId: questionId, details: { label: self.label, direction } });
    return ok({ id: questionId });
  });
}

/**
 * An organiser stops asking a question. It stays with its answers (the registrations' detail and the
 * export still read them); questions shown only on its answer are retired with it.
 */
export async function retireQuestion(db: Db, actor: Actor | null, slug: string, questionId: string): Promise<SavedQuestion> {
  const event = await organiserEvent(db, actor, slug);
  return saveAudited(db, { eventId: event.id, actor }, {}, async (tx, audit): Promise<SavedQuestion> => {
    const all = await lockedQuestions(tx, event.id);
    const current = all.find((q) => q.id === questionId && !q.retiredAt);
    if (!current) return noSuchQuestion();
    const now = new Date();
    await tx
      .update(registrationQuestions)
      .set({ retiredAt: now, updatedAt: now })
      .where(
        and(
          eq(registrationQuestions.eventId, event.id),
          sql`(${registrationQuestions.id} = ${questionId} or ${registrationQuestions.conditionQuestionId} = ${questionId})`,
        ),
      );
    await audit({ action: 'question.retire', entity: 'question', entityId: questionId, details: { label: current.label } });
    return ok({ id: questionId });
  });
}
