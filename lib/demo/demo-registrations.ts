import { and, eq, inArray, sql } from 'drizzle-orm';
import { events, listings, registrations, sessionRelays, sessions, venues } from '../../db/schema';
import type { Db } from '../../db/types';
import { registerAttendee } from '../registration/register';

/**
 * A few dozen registrants for the embedded demo, so the organiser's table and dashboard have
 * something to show. They go through registerAttendee like real ones, so seat counts, waitlists
 * and confirmation mails (kept in the outbox) stay consistent. The young scientists' workshop
 * (30 seats) fills up to 24, leaving a few seats for people trying the registration form.
 */
export const DEMO_REGISTRATION_COUNT = 64;
const SPREAD_DAYS = 14;

const PEOPLE: { name: string; organisation: string; country: string; domain: string }[] = [
  { name: 'Wang Fang', organisation: 'Guangxi University', country: 'CN', domain: 'gxu.example.cn' },
  { name: 'Liu Yang', organisation: 'Guangxi Medical University', country: 'CN', domain: 'gxmu.example.cn' },
  { name: 'Zhao Lei', organisation: 'Nanning Digital Health Co.', country: 'CN', domain: 'nndh.example.com' },
  { name: 'Huang Mei', organisation: 'Chinese Academy of Sciences', country: 'CN', domain: 'cas.example.cn' },
  { name: 'Pham Minh Tuan', organisation: 'Vietnam National University', country: 'VN', domain: 'vnu.example.vn' },
  { name: 'Tran Thi Hoa', organisation: 'Ministry of Science and Technology', country: 'VN', domain: 'most.example.vn' },
  { name: 'Nattapong Srisuk', organisation: 'Mahidol University', country: 'TH', domain: 'mahidol.example.th' },
  { name: 'Kanya Wongsa', organisation: 'NSTDA', country: 'TH', domain: 'nstda.example.th' },
  { name: 'Ahmad Faizal', organisation: 'Universiti Teknologi Malaysia', country: 'MY', domain: 'utm.example.my' },
  { name: 'Dewi Lestari', organisation: 'BRIN', country: 'ID', domain: 'brin.example.id' },
  { name: 'Jose Reyes', organisation: 'University of the Philippines', country: 'PH', domain: 'up.example.ph' },
  { name: 'Lim Wen Jie', organisation: 'Nanyang Technological University', country: 'SG', domain: 'ntu.example.sg' },
  { name: 'Souksavanh Keo', organisation: 'National University of Laos', country: 'LA', domain: 'nuol.example.la' },
  { name: 'Chea Sophal', organisation: 'Royal University of Phnom Penh', country: 'KH', domain: 'rupp.example.kh' },
  { name: 'Aung Ko Ko', organisation: 'University of Yangon', country: 'MM', domain: 'uy.example.mm' },
  { name: 'Siti Aminah', organisation: 'Universiti Brunei Darussalam', country: 'BN', domain: 'ubd.example.bn' },
  { name: 'Yuki Tanaka', organisation: 'Kyoto University', country: 'JP', domain: 'kyoto.example.jp' },
  { name: 'Kim Min-seo', organisation: 'Seoul National University', country: 'KR', domain: 'snu.example.kr' },
  { name: 'Olivia Brown', organisation: 'University of Melbourne', country: 'AU', domain: 'unimelb.example.au' },
  { name: 'Liam Walker', organisation: 'Callaghan Innovation', country: 'NZ', domain: 'callaghan.example.nz' },
];
const TYPES = ['government', 'enterprise', 'research_institute', 'university', 'young_scientist', 'media', 'other'] as const;

/** Deterministic pseudo-random numbers, so every fresh demo looks the same. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedDemoRegistrations(db: Db, eventSlug: string, now = new Date()): Promise<number> {
  const [event] = await db.select({ id: events.id }).from(events).where(eq(events.slug, eventSlug));
  if (!event) throw new Error(`No event with slug ${eventSlug}`);
  const venueRows = await db
    .select({ id: venues.id, slug: venues.slug, kind: venues.kind })
    .from(venues)
    .where(eq(venues.eventId, event.id));
  const sessionRows = await db
    .select({ id: sessions.id, slug: sessions.slug, venueId: sessions.venueId, streamed: sessions.streamed })
    .from(sessions)
    .where(and(eq(sessions.eventId, event.id), sql`${sessions.status} <> 'cancelled'`));
  const relays = await db
    .select({ sessionId: sessionRelays.sessionId, venueId: sessionRelays.venueId })
    .from(sessionRelays)
    .where(
      inArray(
        sessionRelays.sessionId,
        sessionRows.map((s) => s.id),
      ),
    );
  const open = (venueId: string) =>
    sessionRows.filter((s) => s.venueId === venueId || relays.some((r) => r.sessionId === s.id && r.venueId === venueId)).map((s) => s.id);
  const venueBySlug = new Map(venueRows.map((v) => [v.slug, v]));
  const workshop = sessionRows.find((s) => s.slug === 'young-scientists-workshop');
  const onlineChoices = sessionRows.filter((s) => s.streamed).map((s) => s.id);

  // Registration opened two weeks before "now" in the demo story.
  const opened = new Date(now.getTime() - (SPREAD_DAYS + 1) * 86_400_000);
  await db.update(events).set({ registrationOpensAt: opened }).where(eq(events.id, event.id));

  const next = random(20_260_101);
  const pickSome = (ids: string[], max: number) => ids.filter(() => next() < max / Math.max(ids.length, 1)).slice(0, 6);
  let created = 0;
  for (let i = 0; i < DEMO_REGISTRATION_COUNT; i++) {
    const person = PEOPLE[i % PEOPLE.length]!;
    const takesWorkshop = Boolean(workshop) && i % 8 < 3;
    const roll = next();
    const venueSlug = takesWorkshop
      ? 'nanning'
      : roll < 0.4
        ? 'nanning'
        : roll < 0.5
          ? 'tokyo'
          : roll < 0.6
            ? 'seoul'
            : roll < 0.72
              ? 'bangkok'
              : null;
    const venue = venueSlug ? venueBySlug.get(venueSlug) : null;
    // Only the chosen few take the workshop, so it keeps free seats.
    const chosen = venue
      ? pickSome(
          open(venue.id).filter((id) => id !== workshop?.id),
          3,
        )
      : pickSome(onlineChoices, 3);
    if (takesWorkshop && workshop && !chosen.includes(workshop.id)) chosen.push(workshop.id);
    const suffix = Math.floor(i / PEOPLE.length);
    const [given] = person.name.toLowerCase().split(' ');
    const result = await registerAttendee(
      db,
      eventSlug,
      {
        name: suffix ? `${person.name} ${suffix + 1}` : person.name,
        email: `${given}.${i + 1}@${person.domain}`,
        organisation: person.organisation,
        jobTitle: takesWorkshop ? 'Researcher' : 'Delegate',
        country: person.country,
        participantType: takesWorkshop ? 'young_scientist' : TYPES[Math.floor(next() * TYPES.length)]!,
        mode: venue ? 'in_person' : 'online',
        venue: venue?.slug ?? null,
        sessions: chosen,
        locale: person.country === 'CN' ? 'zh' : 'en',
        consent: true,
      },
      { now },
    );
    if (!result.ok) throw new Error(`demo registration ${i} failed: ${result.error}`);
    // Spread sign-ups over the past two weeks, in the order they were made, busier towards today.
    const at = new Date(opened.getTime() + Math.sqrt((i + next()) / DEMO_REGISTRATION_COUNT) * SPREAD_DAYS * 86_400_000);
    await db.update(registrations).set({ createdAt: at, updatedAt: at, consentAt: at }).where(eq(registrations.id, result.registration.id));
    created += 1;
  }
  await seedDemoAttendeeNeed(db, event.id, now);
  return created;
}

/**
 * One need posted by a registered attendee (not an exhibitor), published, so the directory shows
 * both kinds of author: by the first confirmed registrant of Vietnam National University.
 */
async function seedDemoAttendeeNeed(db: Db, eventId: string, now: Date): Promise<void> {
  const [author] = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, eventId),
        eq(registrations.organisation, 'Vietnam National University'),
        eq(registrations.status, 'confirmed'),
      ),
    )
    .orderBy(registrations.createdAt)
    .limit(1);
  if (!author) return;
  await db.insert(listings).values({
    eventId,
    authorRegistrationId: author.id,
    kind: 'need',
    title: { en: 'Salt-tolerant rice varieties for the Mekong Delta', vi: 'Giống lúa chịu mặn cho Đồng bằng sông Cửu Long' },
    summary: {
      en: 'Our lab looks for partners to field-test salt-tolerant rice lines with farmers in the Mekong Delta.',
      vi: 'Phòng thí nghiệm của chúng tôi tìm đối tác thử nghiệm đồng ruộng các dòng lúa chịu mặn cùng nông dân.',
    },
    sector: 'modern-agriculture',
    trl: 4,
    ipStatus: 'know-how',
    cooperation: ['joint-research', 'joint-lab'],
    countries: ['CN', 'TH'],
    status: 'published',
    moderatedAt: now,
  });
}
