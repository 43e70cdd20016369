import { and, eq, sql } from 'drizzle-orm';
import { attendeeCategories, delegations, registrations, registrationSessions, sessions, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { scopedEvent } from '@/lib/admin/event-access';
import { AuthorizationError, type EventRole, READERS } from '@/lib/auth/authorize';
import type { AuditAction } from '@/lib/audit/actions';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Actor } from '@/lib/auth/sessions';
import { afterCursor, createdAtCursorText, keysetOrder, type Cursor } from './cursor';
import { CSV_BOM, csvRecord } from './csv';
import { registrationConditions, type RegistrationFilters } from './filters';
import { eventQuestions, type QuestionRow } from '../questions/load';
import { answersOf, answerText } from '../questions/read-answers';

const BATCH = 1000;

export const CSV_COLUMNS = [
  'id',
  'created_at_utc',
  'name',
  'email',
  'organisation',
  'job_title',
  'country',
  'participant_type',
  'mode',
  'venue',
  'status',
  'waitlist_position',
  'sessions',
  'needs',
  'locale',
  'checked_in_at_utc',
  'cancelled_at_utc',
  // Appended after the first release's columns so readers that count columns keep working.
  'category',
  'category_id',
  'category_waitlist_position',
  'decision',
  // Delegations (docs/delegations.md), after the categories' columns and before the answers.
  'delegation',
  'delegation_id',
  'delegation_head',
] as const;

export type RegistrationCsv = { filename: string; stream: ReadableStream<Uint8Array> };

/**
 * Columns another domain adds at the end when asked for by name (the visa letters' passport fields,
 * lib/visa/passport-export.ts: lib/registration does not depend on lib/visa). Never by default; only
 * for `readers`, anyone else is refused; the export is then audited as `auditAction`.
 */
export type ExtraCsvColumns = {
  readers: readonly EventRole[];
  auditAction: AuditAction;
  header: readonly string[];
  values: (db: Db, registrationIds: string[]) => Promise<Map<string, string[]>>;
};
export type RegistrationCsvOptions = { extra?: ExtraCsvColumns };

/**
 * The registrations matching `filters` as CSV, oldest first. Authorization and the audit entry
 * happen before the first byte; rows are then read in keyset batches as the client takes them (one
 * batch read ahead), so memory stays flat and the work stays linear however many rows there are.
 */
export async function exportRegistrationsCsv(
  db: Db,
  actor: Actor | null,
  slug: string,
  filters: RegistrationFilters,
  options: RegistrationCsvOptions = {},
): Promise<RegistrationCsv> {
  const { event, scope, roles } = await scopedEvent(db, actor, slug, READERS);
  const extra = options.extra ?? null;
  if (extra && !roles.some((role) => extra.readers.includes(role))) throw new AuthorizationError('forbidden');
  await recordAudit(db, {
    eventId: event.id,
    actorUserId: actor!.userId,
    action: extra ? extra.auditAction : 'registration.export',
    entity: 'registration',
    details: { filters, ...(scope ? { venueIds: scope } : {}), ...(extra ? { columns: [...extra.header] } : {}) },
  });
  const where = registrationConditions(event.id, filters, { scope });
  // One column per question, retired ones too (their answers stay), headed by its English label.
  const questions = await eventQuestions(db, event.id, { withRetired: true });
  const encoder = new TextEncoder();
  const read = (after: Cursor | null) => {
    const batch = readBatch(db, after ? and(where, afterCursor(after, 'asc'))! : where, questions, extra);
    // Read ahead while the client takes the batch before it; a failure surfaces when awaited in pull.
    batch.catch(() => {});
    return batch;
  };
  let next: ReturnType<typeof read> | null = null;
  let started = false;

  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        next = read(null);
        controller.enqueue(
          encoder.encode(CSV_BOM + csvRecord([...CSV_COLUMNS, ...questions.map((q) => `answer: ${q.label.en}`), ...(extra?.header ?? [])])),
        );
        return;
      }
      if (!next) return;
      const batch = await next;
      // One batch ahead at most: memory stays at two batches however many rows there are.
      next = batch.records.length === BATCH && batch.last ? read(batch.last) : null;
      if (batch.records.length) controller.enqueue(encoder.encode(batch.records.join('')));
      if (!next) controller.close();
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return { filename: `registrations-${event.slug}-${stamp}.csv`, stream };
}

async function readBatch(db: Db, where: ReturnType<typeof and>, questions: QuestionRow[], extra: ExtraCsvColumns | null) {
  const rows = await db
    .select({
      id: registrations.id,
      createdAt: registrations.createdAt,
      cursor: createdAtCursorText,
      name: registrations.name,
      email: registrations.email,
      organisation: registrations.organisation,
      jobTitle: registrations.jobTitle,
      country: registrations.country,
      participantType: registrations.participantType,
      mode: registrations.mode,
      venue: venues.slug,
      status: registrations.status,
      waitlistPosition: registrations.waitlistPosition,
      needs: registrations.needs,
      locale: registrations.locale,
      checkedInAt: registrations.checkedInAt,
      cancelledAt: registrations.cancelledAt,
      category: attendeeCategories.name,
      categoryId: registrations.categoryId,
      categoryWaitlistPosition: registrations.categoryWaitlistPosition,
      decision: registrations.decision,
      delegation: delegations.name,
      delegationId: registrations.delegationId,
      delegationHead: registrations.delegationHead,
      // The sessions chosen, in start order, as the cell shows them: in the same query, so a batch is one round trip.
      sessions: sql<string | null>`(
        select string_agg(
          case when ${registrationSessions.status} = 'waitlisted'
            then ${sessions.slug} || ' (waitlist ' || ${registrationSessions.waitlistPosition} || ')' else ${sessions.slug} end,
          '; ' order by ${sessions.startsAt}, ${sessions.slug})
        from ${registrationSessions} join ${sessions} on ${sessions.id} = ${registrationSessions.sessionId}
        where ${registrationSessions.registrationId} = ${registrations.id})`,
    })
    .from(registrations)
    .leftJoin(venues, eq(registrations.venueId, venues.id))
    .leftJoin(attendeeCategories, eq(registrations.categoryId, attendeeCategories.id))
    .leftJoin(delegations, eq(registrations.delegationId, delegations.id))
    .where(where)
    .orderBy(...keysetOrder('asc'))
    .limit(BATCH);
  const answers = questions.length
    ? await answersOf(
        db,
        rows.map((r) => r.id),
      )
    : new Map();
  const extraValues = extra
    ? await extra.values(
        db,
        rows.map((r) => r.id),
      )
    : null;
  const noExtra = extra?.header.map(() => '') ?? [];
  const records = rows.map((r) =>
    csvRecord([
      r.id,
      r.createdAt,
      r.name,
      r.email,
      r.organisation,
      r.jobTitle,
      r.country,
      r.participantType,
      r.mode,
      r.venue,
      r.status,
      r.waitlistPosition,
      r.sessions ?? '',
      r.needs,
      r.locale,
      r.checkedInAt,
      r.cancelledAt,
      r.category?.en ?? '',
      r.categoryId,
      r.categoryWaitlistPosition,
      r.decision,
      r.delegation ?? '',
      r.delegationId,
      r.delegationId ? (r.delegationHead ? 'yes' : 'no') : '',
      ...questions.map((q) => answerText(q, answers.get(r.id)?.get(q.id), 'en', { yes: 'yes', no: 'no' })),
      ...(extraValues ? (extraValues.get(r.id) ?? noExtra) : []),
    ]),
  );
  const lastRow = rows[rows.length - 1];
  return { records, last: lastRow ? { createdAt: lastRow.cursor, id: lastRow.id } : null };
}
