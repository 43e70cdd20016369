import { vmsg } from '@/lib/validation/message';
import { and, eq, ne, sql } from 'drizzle-orm';
import { events, sessions, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Actor } from '@/lib/auth/sessions';
import { daysBetween, shiftWallClock } from '@/lib/time/shift-wall-clock';
import { addDays, localDate, localTime, zonedToUtc } from '@/lib/time/zones';
import { invalid, ok, type Result } from '@/lib/errors/result';
import { parseInput } from '@/lib/validation/field-errors';
import { type EventSettingsInput, eventSettingsSchema } from './event-settings-input';
import { sameValue } from '@/lib/admin/changes';
import { localizedFormValues } from '@/lib/validation/localized-text-input';

/** What was saved, or field errors keyed by the form's fields (sessions left outside the dates among them). */
export type EventSettingsResult = Result<{ shiftedSessions: number; changed: string[] }>;

const splitLocal = (value: string) => [value.slice(0, 10), value.slice(11, 16)] as const;

/** The values the settings form starts from, in the event's own zone. */
export async function eventSettingsValues(db: Db, actor: Actor | null, slug: string): Promise<EventSettingsInput> {
  const { id } = await organiserEvent(db, actor, slug);
  const [e] = await db.select().from(events).where(eq(events.id, id));
  const event = e!;
  const zone = event.timeZone;
  const local = (instant: Date | null) => (instant ? `${localDate(instant, zone)}T${localTime(instant, zone)}` : '');
  return {
    name: localizedFormValues(event.name),
    theme: localizedFormValues(event.theme),
    description: localizedFormValues(event.description),
    organiser: event.organiser,
    contactEmail: event.contactEmail,
    privacy: localizedFormValues(event.privacy),
    timeZone: zone,
    firstDay: localDate(event.startsAt, zone),
    lastDay: localDate(new Date(event.endsAt.getTime() - 1), zone),
    shiftSessions: true,
    registrationOpensAt: local(event.registrationOpensAt),
    registrationClosesAt: local(event.registrationClosesAt),
    retentionDays: event.retentionDays === null ? '' : String(event.retentionDays),
  };
}

/**
 * Saves an event's settings in one transaction. Moving the first day moves the sessions with it
 * (same wall-clock time in each venue) unless the organiser keeps them, and then only if none would
 * fall outside the new dates. Moved sessions are agenda changes like any other: they reach people
 * when the organiser publishes the programme.
 */
export async function updateEventSettings(db: Db, actor: Actor | null, slug: string, rawInput: unknown): Promise<EventSettingsResult> {
  const { id } = await organiserEvent(db, actor, slug);
  const parsed = parseInput(eventSettingsSchema, rawInput);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(events).where(eq(events.id, id)).for('update');
    const event = before!;
    const zone = input.timeZone;
    const startsAt = zonedToUtc(input.firstDay, '00:00', zone);
    const endsAt = zonedToUtc(addDays(input.lastDay, 1), '00:00', zone);
    const days = daysBetween(localDate(event.startsAt, event.timeZone), input.firstDay);
    const rows = await tx
      .select({ id: sessions.id, startsAt: sessions.startsAt, endsAt: sessions.endsAt, zone: venues.timeZone })
      .from(sessions)
      .innerJoin(venues, eq(sessions.venueId, venues.id))
      .where(and(eq(sessions.eventId, id), ne(sessions.status, 'cancelled')));
    const shift = days !== 0 && input.shiftSessions;
    const planned = rows.map((s) =>
      shift ? { id: s.id, startsAt: shiftWallClock(s.startsAt, s.zone, days), endsAt: shiftWallClock(s.endsAt, s.zone, days) } : s,
    );
    // Checked before anything is written: a refusal leaves the event as it was.
    const outside = planned.filter((s) => s.startsAt < startsAt || s.endsAt > endsAt).length;
    if (outside > 0) return invalid({ [shift ? 'lastDay' : 'firstDay']: vmsg('sessionsOutsideDates', { count: outside }) });
    if (shift) {
      for (const s of planned) {
        await tx
          .update(sessions)
          .set({ startsAt: s.startsAt, endsAt: s.endsAt, revision: sql`${sessions.revision} + 1`, updatedAt: new Date() })
          .where(eq(sessions.id, s.id));
      }
    }
    const shiftedSessions = shift ? planned.length : 0;

    const toInstant = (value: string) => (value ? zonedToUtc(...splitLocal(value), zone) : null);
    const next = {
      name: input.name,
      theme: input.theme,
      description: input.description,
      organiser: input.organiser ?? '',
      contactEmail: input.contactEmail ?? '',
      privacy: input.privacy,
      timeZone: zone,
      startsAt,
      endsAt,
      registrationOpensAt: toInstant(input.registrationOpensAt),
      registrationClosesAt: toInstant(input.registrationClosesAt),
      retentionDays: input.retentionDays ? Number(input.retentionDays) : null,
    };
    const changed = Object.entries(next)
      .filter(([key, value]) => !sameValue(value, event[key as keyof typeof event]))
      .map(([key]) => key);
    await tx.update(events).set(next).where(eq(events.id, id));
    await recordAudit(tx, {
      eventId: id,
      actorUserId: actor!.userId,
      action: 'event.settings',
      entity: 'event',
      entityId: id,
      details: { changed, shiftedSessions },
    });
    return ok({ shiftedSessions, changed });
  });
}
