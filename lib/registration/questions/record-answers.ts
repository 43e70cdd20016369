import { sql } from 'drizzle-orm';
import type { Db } from '@/db/types';
import type { AnswerRow } from './answer-rows';

/**
 * Writes answers of several registrations in one statement (the caller's transaction: a registration
 * and its answers commit together). The rows travel as one JSON document, read back by
 * jsonb_to_recordset, because arrays of arrays (the option ids) cannot be sent as parameters.
 */
export async function insertAnswers(tx: Db, rows: readonly (AnswerRow & { registrationId: string })[]): Promise<void> {
  if (!rows.length) return;
  await tx.execute(sql`
    insert into registration_answers (registration_id, question_id, question_version, text_value, number_value, date_value, bool_value, option_ids)
    select a."registrationId", a."questionId", a."questionVersion", a."textValue", a."numberValue", a."dateValue", a."boolValue", a."optionIds"
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as a("registrationId" uuid, "questionId" uuid, "questionVersion" integer, "textValue" text, "numberValue" numeric, "dateValue" date, "boolValue" boolean, "optionIds" text[])`);
}

/**
 * Replaces a registration's answers to `questionIds` (the questions asked now) with these; answers to
 * questions no longer asked stay as they were given.
 */
export async function replaceAnswers(
  tx: Db,
  registrationId: string,
  questionIds: readonly string[],
  rows: readonly AnswerRow[],
): Promise<void> {
  if (questionIds.length)
    await tx.execute(
      sql`delete from registration_answers where registration_id = ${registrationId} and question_id = any(${sql.param([...questionIds])}::uuid[])`,
    );
  await insertAnswers(
    tx,
    rows.map((row) => ({ ...row, registrationId })),
  );
}
