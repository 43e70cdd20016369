import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { events, type LocalizedText } from './agenda';
import { registrations } from './registration';

import type { QuestionKind } from './question-kinds';

export { QUESTION_KINDS, type QuestionKind } from './question-kinds';

/**
 * One option of a choice question. Its id never changes and an option with answers is never
 * deleted: it is retired (no longer offered, still read back with its label).
 */
export type QuestionOption = { id: string; label: LocalizedText; retired?: boolean };

/**
 * A question an event's organisers ask on the registration form, beyond the built-in fields.
 * `version` grows whenever what an answer means could change (its labels or options); each answer
 * records the version it was given under.
 */
export const registrationQuestions = pgTable(
  'registration_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind').$type<QuestionKind>().notNull(),
    required: boolean('required').notNull().default(false),
    label: jsonb('label').$type<LocalizedText>().notNull(),
    help: jsonb('help').$type<LocalizedText>().notNull().default({ en: '' }),
    options: jsonb('options').$type<QuestionOption[]>().notNull().default([]),
    /** Shown only when this single-choice or yes/no question is answered with one of `conditionValues`. */
    conditionQuestionId: uuid('condition_question_id'),
    conditionValues: text('condition_values').array(),
    /**
     * The attendee categories it is asked of; null asks everyone. No foreign key: categories live in
     * their own module and a question outliving a removed category is asked of nobody in it.
     */
    categoryIds: uuid('category_ids').array(),
    version: integer('version').notNull().default(1),
    /** A retired question is no longer asked; its answers stay readable. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('registration_questions_event_idx').on(t.eventId, t.position),
    check(
      'registration_questions_kind_ck',
      sql`${t.kind} in ('short_text','long_text','single_choice','multiple_choice','yes_no','number','date','country','email','phone')`,
    ),
  ],
);

/**
 * One answer to one question, in the column of its type (the others null): filtering and sorting
 * compare numbers as numbers and dates as dates, and a text filter never matches a number's digits.
 */
export const registrationAnswers = pgTable(
  'registration_answers',
  {
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id')
      .notNull()
      .references(() => registrationQuestions.id, { onDelete: 'cascade' }),
    /** The question's version when this was answered. */
    questionVersion: integer('question_version').notNull(),
    textValue: text('text_value'),
    numberValue: numeric('number_value'),
    dateValue: date('date_value'),
    boolValue: boolean('bool_value'),
    /** Option ids, for single and multiple choice. */
    optionIds: text('option_ids').array(),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.questionId] }), index('registration_answers_question_idx').on(t.questionId)],
);
