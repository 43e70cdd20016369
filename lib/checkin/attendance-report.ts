import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { registrations, rooms, sessionAttendance, sessions, venues, type LocalizedText } from '@/db/schema';
import type { Db } from '@/db/types';
import { scopedEvent } from '@/lib/admin/event-access';
import { READERS } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { formatSpan } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { translator } from '@/lib/i18n/translator';
import { CSV_BOM, csvRecord } from '@/lib/registration/admin/csv';

export type VenueAttendance = {
  id: string;
  slug: string;
  name: LocalizedText;
  city: LocalizedText;
  timeZone: string;
  /** Everyone holding a place here: confirmed or admitted. */
  expected: number;
  /** Admitted at the desk (an undone check-in no longer counts). */
  checkedIn: number;
};

export type SessionAttendance = {
  id: string;
  title: LocalizedText;
  venueId: string;
  startsAt: Date;
  endsAt: Date;
  /** The session's own seat limit, else its room's, else none. */
  capacity: number | null;
  /** Distinct people scanned at its door (session_attendance). */
  attended: number;
};

export type AttendanceReport = { venues: VenueAttendance[]; sessions: SessionAttendance[] };

/**
 * Attendance for organisers and readers: per venue, who was checked in against who was expected;
 * per session, how many came through its door against its capacity. A venue manager sees only
 * their venue; check-in staff have no reports.
 */
export async function attendanceReport(db: Db, actor: Actor | null, slug: string): Promise<AttendanceReport> {
  const { event, scope } = await scopedEvent(db, actor, slug, READERS);
  // The correlated counts name the outer tables themselves: Drizzle leaves a column of a one-table
  // query unqualified, and inside the subquery that would read the subquery's own column.
  const venueRows = await db
    .select({
      id: venues.id,
      slug: venues.slug,
      name: venues.name,
      city: venues.city,
      timeZone: venues.timeZone,
      expected: sql<number>`(select count(*)::int from ${registrations} r where r.venue_id = venues.id and r.status in ('confirmed', 'checked_in'))`,
      checkedIn: sql<number>`(select count(*)::int from ${registrations} r where r.venue_id = venues.id and r.checked_in_at is not null)`,
    })
    .from(venues)
    .where(and(eq(venues.eventId, event.id), sql`${venues.kind} <> 'online'`, scope ? inArray(venues.id, scope) : undefined))
    .orderBy(asc(venues.position));
  const sessionRows = await db
    .select({
      id: sessions.id,
      title: sessions.title,
      venueId: sessions.venueId,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      capacity: sql<number | null>`coalesce(${sessions.capacity}, ${rooms.capacity})`,
      attended: sql<number>`(select count(*)::int from ${sessionAttendance} a where a.session_id = sessions.id)`,
    })
    .from(sessions)
    .leftJoin(rooms, eq(sessions.roomId, rooms.id))
    .where(and(eq(sessions.eventId, event.id), scope ? inArray(sessions.venueId, scope) : undefined))
    .orderBy(asc(sessions.startsAt), asc(sessions.id));
  return { venues: venueRows, sessions: sessionRows.filter((s) => venueRows.some((v) => v.id === s.venueId)) };
}

export type ReportWords = {
  kindVenue: string;
  kindSession: string;
  headers: { kind: string; venue: string; session: string; when: string; capacity: string; expected: string; count: string };
};

/** A session's time in its venue's zone, the zone named: "Thu 24 Dec 2026 · 09:00–10:00 Bangkok, GMT+7". */
export function sessionWhen(session: SessionAttendance, venue: VenueAttendance, locale: Locale): string {
  return formatSpan(session.startsAt, session.endsAt, venue.timeZone, pick(venue.city, locale), locale);
}

/** The report as one CSV: a row per venue, then a row per session, each naming its venue. */
export function attendanceCsv(report: AttendanceReport, words: ReportWords, locale: Locale): string {
  const h = words.headers;
  let csv = CSV_BOM + csvRecord([h.kind, h.venue, h.session, h.when, h.capacity, h.expected, h.count]);
  const byId = new Map(report.venues.map((v) => [v.id, v]));
  for (const v of report.venues) csv += csvRecord([words.kindVenue, pick(v.name, locale), '', '', '', v.expected, v.checkedIn]);
  for (const s of report.sessions) {
    const venue = byId.get(s.venueId)!;
    csv += csvRecord([
      words.kindSession,
      pick(venue.name, locale),
      pick(s.title, locale),
      sessionWhen(s, venue, locale),
      s.capacity,
      '',
      s.attended,
    ]);
  }
  return csv;
}

/** The CSV download, its words from messages/<locale> (adminReports). */
export async function attendanceCsvResponse(db: Db, actor: Actor | null, slug: string, locale: Locale): Promise<Response> {
  const report = await attendanceReport(db, actor, slug);
  const t = translator(locale, 'adminReports');
  const csv = attendanceCsv(
    report,
    {
      kindVenue: t('kindVenue'),
      kindSession: t('kindSession'),
      headers: {
        kind: t('headers.kind'),
        venue: t('headers.venue'),
        session: t('headers.session'),
        when: t('headers.when'),
        capacity: t('headers.capacity'),
        expected: t('headers.expected'),
        count: t('headers.count'),
      },
    },
    locale,
  );
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="attendance-${slug}.csv"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
