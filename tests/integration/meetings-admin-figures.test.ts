// The organisers' figures on a known fixture: accepted meetings by day on the venue's clock (a slot
// at 00:30 in Bangkok is the 28th there and the 27th in UTC), by venue with its tables, by sector;
// what waits in the exhibition; and the exhibitor and listing CSVs (formula-safe, organisers only).
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingSlots } from '@/db/schema';
import { AuthorizationError } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { seedDemoForum } from '@/lib/demo/seed';
import { exportExhibitorsCsv, exportListingsCsv } from '@/lib/exhibition/admin/export';
import { createExhibitor } from '@/lib/exhibition/admin/save-exhibitor';
import { createAttendeeListing } from '@/lib/exhibition/attendee/save-attendee-listing';
import { meetingsOverview } from '@/lib/meetings/admin/overview';
import { createMeetingSlot } from '@/lib/meetings/admin/save-slot';
import { answerMeeting } from '@/lib/meetings/answer-meeting';
import { requestMeeting } from '@/lib/meetings/request-meeting';
import { saveMatchmakingProfile } from '@/lib/meetings/save-profile';
import { registerAttendee } from '@/lib/registration/register';
import { manageTokenFor } from '@/lib/registration/manage-token';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT, person, venueBySlug } from '../helpers/registration';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let organiser: Actor;
let bangkokId: string;
let nanningId: string;

async function slot(venueId: string, date: string, start: string, end: string, tables: number) {
  const saved = await createMeetingSlot(t.db, organiser, EVENT, { venueId, label: `Figures ${date} ${start}`, date, start, end, tables });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  return saved.id;
}

async function participant(tag: string, venue: string, country: string, sectors: string[]) {
  const r = await registerAttendee(t.db, EVENT, person(tag, { venue, country, email: `${tag}@example.org` }), { now });
  if (!r.ok) throw new Error(JSON.stringify(r));
  expect((await saveMatchmakingProfile(t.db, r.registration.id, { sectors, interests: '' })).ok).toBe(true);
  return r.registration.id;
}

async function meet(from: string, to: string, slotId: string, accept = true) {
  const asked = await requestMeeting(t.db, from, { with: `person:${to}`, slotId, message: '', online: '' }, { now });
  if (!asked.ok) throw new Error(JSON.stringify(asked));
  if (accept) expect(await answerMeeting(t.db, to, asked.id, 'accept', { now })).toMatchObject({ ok: true });
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  await seedDemoForum(t.db, { slug: 'other-forum', firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'organiser.figures@forum.test', { eventSlug: EVENT, role: 'organiser' });
  bangkokId = (await venueBySlug(t.db, 'bangkok')).id;
  nanningId = (await venueBySlug(t.db, 'nanning')).id;
  const afternoon = await slot(bangkokId, '2026-12-27', '14:00', '14:30', 2);
  const midnight = await slot(bangkokId, '2026-12-28', '00:30', '01:00', 1);
  const morning = await slot(nanningId, '2026-12-27', '09:00', '09:30', 3);
  const [a, b] = [
    await participant('fig-a', 'bangkok', 'TH', ['big-health', 'marine']),
    await participant('fig-b', 'bangkok', 'VN', ['big-health']),
  ];
  const [c, d] = [await participant('fig-c', 'bangkok', 'TH', ['marine']), await participant('fig-d', 'bangkok', 'CN', ['new-energy'])];
  const [g, h] = [
    await participant('fig-g', 'nanning', 'CN', ['digital-technology']),
    await participant('fig-h', 'nanning', 'CN', ['digital-technology']),
  ];
  await meet(a, b, afternoon); // big-health (shared), Bangkok, the 27th
  await meet(c, d, midnight); // no shared sector, Bangkok, the 28th on the venue's clock
  await meet(g, h, morning); // digital-technology, Nanning, the 27th
  await meet(d, a, morning, false); // pending: in no figure but the requests
});
afterAll(() => t?.close());

describe('the organisers’ meeting figures', () => {
  it('count accepted meetings by the venue’s day, by venue with its tables, and by sector', async () => {
    const { stats, toModerate } = await meetingsOverview(t.db, organiser, EVENT);
    expect(stats.byStatus).toEqual({ pending: 1, accepted: 3, declined: 0, cancelled: 0 });
    expect(stats.byDay).toEqual([
      { day: '2026-12-27', count: 2 },
      { day: '2026-12-28', count: 1 },
    ]);
    const tablesAt = async (venueId: string) =>
      Number(
        (
          await t.db
            .select({ n: sql<number>`sum(${meetingSlots.tables})::int` })
            .from(meetingSlots)
            .where(eq(meetingSlots.venueId, venueId))
        )[0]!.n,
      );
    const bangkok = stats.byVenue.find((v) => v.venueId === bangkokId)!;
    const nanning = stats.byVenue.find((v) => v.venueId === nanningId)!;
    expect(bangkok).toMatchObject({ meetings: 2, tablesTaken: 2, tables: await tablesAt(bangkokId), online: false });
    expect(nanning).toMatchObject({ meetings: 1, tablesTaken: 1, tables: await tablesAt(nanningId) });
    expect(bangkok.tables).toBeGreaterThanOrEqual(3);
    expect(stats.byVenue.filter((v) => v.online).every((v) => v.tables === 0 && v.meetings === 0)).toBe(true);
    expect(stats.bySector).toEqual([
      { sector: 'big-health', count: 1 },
      { sector: 'digital-technology', count: 1 },
      { sector: 'unspecified', count: 1 },
    ]);
    // The demo exhibition: java-solar awaits approval, one listing awaits moderation.
    expect(toModerate).toEqual({ exhibitors: 1, listings: 1 });
  });
});

describe('the exhibitor and listing CSVs', () => {
  it('list every exhibitor and listing, formula-safe, with the contacts for organisers', async () => {
    const created = await createExhibitor(t.db, organiser, EVENT, {
      slug: 'formula-co',
      name: { en: '=HYPERLINK("http://evil.example","x")' },
      description: { en: '' },
      country: 'th',
      sectors: ['marine'],
      website: '',
      contactName: '@boss',
      contactEmail: 'boss@formula.example',
      contactPhone: '+66 1',
      venueId: '',
      hall: '',
      booth: '',
    });
    expect(created.ok).toBe(true);
    const exhibitorsCsv = await exportExhibitorsCsv(t.db, organiser, EVENT);
    expect(exhibitorsCsv.filename).toBe(`${EVENT}-exhibitors.csv`);
    const lines = exhibitorsCsv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('slug,name,country,sectors,status,venue,hall,booth,website,contact_name,contact_email,contact_phone,created_at');
    expect(lines).toHaveLength(1 + 5); // the four demo exhibitors and formula-co
    const formula = lines.find((l) => l.startsWith('formula-co'))!;
    expect(formula).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(formula).toContain(`'@boss`);
    expect(formula).toContain(`'+66 1`);
    expect(lines.find((l) => l.startsWith('java-solar'))).toContain(',pending,');

    // An attendee's own listing is in the sheet too, with its author instead of an exhibitor.
    const author = await registerAttendee(t.db, EVENT, person('sheet-author', { name: '=Nguyen Sheet', organisation: 'Hanoi Lab' }), {
      now,
    });
    if (!author.ok) throw new Error(JSON.stringify(author));
    const posted = await createAttendeeListing(t.db, manageTokenFor(author.registration.id), {
      kind: 'need',
      title: 'Cold-chain sensors',
      titleEn: '',
      summary: 'For vaccines',
      sector: 'big-health',
      trl: '4',
      ipStatus: 'none',
      cooperation: ['joint-research'],
      countries: [],
    });
    expect(posted.ok).toBe(true);
    const listingsCsv = (await exportListingsCsv(t.db, organiser, EVENT)).body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(listingsCsv[0]).toBe(
      'id,exhibitor,exhibitor_name,author_name,author_organisation,kind,title,sector,trl,ip_status,cooperation,partner_countries,status,created_at',
    );
    expect(
      listingsCsv
        .slice(1)
        .map((l) => l.split(',').at(-2))
        .sort(),
    ).toEqual(['pending', 'pending', 'published', 'published', 'published']);
    const attendeeLine = listingsCsv.find((l) => l.includes('Cold-chain sensors'))!;
    expect(attendeeLine.split(',').slice(1, 5)).toEqual(['', '', "'=Nguyen Sheet", 'Hanoi Lab']);
  });

  it('are refused to everyone but the event’s organisers', async () => {
    const otherOrganiser = await actorFor(t.db, 'org.other.figures@forum.test', { eventSlug: 'other-forum', role: 'organiser' });
    const viewer = await actorFor(t.db, 'viewer.figures@forum.test', { eventSlug: EVENT, role: 'viewer' });
    const checkin = await actorFor(t.db, 'checkin.figures@forum.test', { eventSlug: EVENT, role: 'checkin' });
    for (const actor of [null, otherOrganiser, viewer, checkin]) {
      await expect(exportExhibitorsCsv(t.db, actor, EVENT)).rejects.toBeInstanceOf(AuthorizationError);
      await expect(exportListingsCsv(t.db, actor, EVENT)).rejects.toBeInstanceOf(AuthorizationError);
      await expect(meetingsOverview(t.db, actor, EVENT)).rejects.toBeInstanceOf(AuthorizationError);
    }
  });
});
