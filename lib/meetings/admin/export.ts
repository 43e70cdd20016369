import type { Db } from '@/db/types';
import type { Actor } from '@/lib/auth/sessions';
import { localDate, localTime } from '@/lib/time/zones';
import { CSV_BOM, csvRecord } from '@/lib/registration/admin/csv';
import { meetingsOverview } from './overview';

/**
 * The meetings as a spreadsheet: one line each, the slot's date and times on its venue's clock with
 * the zone named, both people, the table and the outcome. Text cells are made formula-safe.
 */
export async function exportMeetingsCsv(db: Db, actor: Actor | null, slug: string): Promise<{ filename: string; body: string }> {
  const { event, slots, meetings } = await meetingsOverview(db, actor, slug);
  const slotById = new Map(slots.map((s) => [s.id, s]));
  const header = [
    'slot',
    'venue',
    'date',
    'start',
    'end',
    'time_zone',
    'status',
    'table',
    'requester',
    'requester_organisation',
    'requester_country',
    'invitee',
    'invitee_organisation',
    'invitee_country',
    'listing',
    'outcome',
    'mode',
  ];
  const lines = meetings.map((m) => {
    const s = slotById.get(m.slotId)!;
    return csvRecord([
      s.label,
      s.venueName.en,
      localDate(s.startsAt, s.zone),
      localTime(s.startsAt, s.zone),
      localTime(s.endsAt, s.zone),
      s.zone,
      m.status,
      m.tableNo,
      m.requester.name,
      m.requester.organisation,
      m.requester.country,
      m.invitee.name,
      m.invitee.organisation,
      m.invitee.country,
      m.listingTitle?.en ?? '',
      m.outcome ?? '',
      m.online ? 'online' : 'on-site',
    ]);
  });
  return { filename: `${event.slug}-meetings.csv`, body: CSV_BOM + csvRecord(header) + lines.join('') };
}
