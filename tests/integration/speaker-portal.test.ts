import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as speakerFeedGet } from '@/app/[locale]/speaker/calendar/[file]/route';
import { DELETE as photoDelete, POST as photoPost } from '@/app/[locale]/speaker/photo/route';
import { useDatabase } from '@/lib/database/process-database';
import { eventMembers, sessions, speakers, users } from '@/db/schema';
import { demoAccounts, seedDemoAccounts } from '@/lib/demo/demo-accounts';
import { seedDemoForum } from '@/lib/demo/seed';
import { AuthorizationError } from '@/lib/auth/authorize';
import { actorForSession, openSession, type Actor } from '@/lib/auth/sessions';
import { upsertUser } from '@/lib/auth/users';
import { readBodyBytes } from '@/lib/http/body-bytes';
import { calendarFeedToken, regenerateCalendarFeed } from '@/lib/speakers/calendar-token';
import { speakerFeed } from '@/lib/speakers/feed';
import { MAX_PHOTO_BYTES, safePhotoSrc } from '@/lib/speakers/photo';
import { loadSpeakerPortal } from '@/lib/speakers/portal';
import { speakerProfileSchema } from '@/lib/speakers/profile-schema';
import { setSpeakerPhoto } from '@/lib/speakers/update-photo';
import { updateSpeakerProfile } from '@/lib/speakers/update-profile';
import { localizedFormValues } from '@/lib/validation/localized-text-input';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
let eventId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24' });
  await seedDemoAccounts(t.db, eventId, 'china-asean-tech-forum');
});
afterAll(() => t?.close());

async function actorFor(email: string, options: { verified?: boolean } = {}): Promise<Actor> {
  const id = await upsertUser(t.db, { email });
  if (options.verified ?? true) await t.db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, id));
  return (await actorForSession(t.db, await openSession(t.db, id)))!;
}

async function speakerBySlug(slug: string) {
  const [row] = await t.db
    .select()
    .from(speakers)
    .where(and(eq(speakers.eventId, eventId), eq(speakers.slug, slug)));
  return row!;
}

const validProfile = {
  bio: { en: 'Works on digital health.', zh: '从事数字健康研究。' },
  affiliation: 'Guangxi Medical University',
  jobTitle: 'Dean',
  timeZone: 'Asia/Shanghai',
};

// Smallest real images: a 1×1 PNG, a JPEG header (SOI + APP0/JFIF) and a lossless WebP header.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0'),
  Buffer.from([0xff, 0xd9]),
]);
const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([0x1a, 0, 0, 0]),
  Buffer.from('WEBPVP8L'),
  Buffer.from([0x0d, 0, 0, 0, 0x2f, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0x00]),
]);

describe('linking a signed-in user to their speaker record', () => {
  it('links the record with the same email on the first visit and makes the user a speaker of that event', async () => {
    const actor = await actorFor('Zhang-Min@speakers.hybrid-forum.example');
    expect((await speakerBySlug('zhang-min')).userId).toBeNull();
    const portal = await loadSpeakerPortal(t.db, actor);
    expect(portal.records.map((r) => r.slug)).toEqual(['zhang-min']);
    expect((await speakerBySlug('zhang-min')).userId).toBe(actor.userId);
    const roles = await t.db
      .select()
      .from(eventMembers)
      .where(and(eq(eventMembers.userId, actor.userId), eq(eventMembers.eventId, eventId)));
    expect(roles.map((r) => r.role)).toEqual(['speaker']);
  });

  it('does not link an account whose email was never verified', async () => {
    const actor = await actorFor('sok-dara@speakers.hybrid-forum.example', { verified: false });
    const portal = await loadSpeakerPortal(t.db, actor);
    expect(portal.records).toEqual([]);
    expect((await speakerBySlug('sok-dara')).userId).toBeNull();
  });
});

describe('the schedule', () => {
  it("lists the speaker's sessions with role, presence, room, relays, moderator and co-speakers", async () => {
    const lan = await actorFor('nguyen-thi-lan@speakers.hybrid-forum.example');
    const { schedule } = await loadSpeakerPortal(t.db, lan);
    expect(schedule.map((s) => s.slug)).toEqual(expect.arrayContaining(['panel-innovation-corridor', 'young-scientists-roundtable']));
    expect(schedule.map((s) => s.startsAt.getTime())).toEqual([...schedule.map((s) => s.startsAt.getTime())].sort((a, b) => a - b));

    const panel = schedule.find((s) => s.slug === 'panel-innovation-corridor')!;
    expect(panel).toMatchObject({
      role: 'panelist',
      presence: 'onsite',
      venue: { timeZone: 'Asia/Shanghai' },
      room: { en: expect.any(String) },
    });
    expect(panel.moderators.map((p) => p.name)).toEqual(['Maria Cristina Santos']);
    expect(panel.coSpeakers.map((p) => [p.name, p.presence])).toEqual(
      expect.arrayContaining([
        ['Emily Clarke', 'remote'],
        ['Arunee Chaiyasit', 'onsite'],
      ]),
    );
    expect(panel.coSpeakers.map((p) => p.name)).not.toContain('Nguyen Thi Lan');

    const roundtable = schedule.find((s) => s.slug === 'young-scientists-roundtable')!;
    expect(roundtable.role).toBe('moderator');
    expect(roundtable.moderators).toEqual([]);
  });

  it('shows where a session is relayed and marks a remote speaker as remote', async () => {
    const liWei = await actorFor(demoAccounts.speaker.email);
    const opening = (await loadSpeakerPortal(t.db, liWei)).schedule.find((s) => s.slug === 'opening-ceremony')!;
    expect(opening.relays.map((r) => r.venue.timeZone).sort()).toEqual(['Asia/Bangkok', 'Asia/Seoul', 'Asia/Tokyo']);

    const emily = await actorFor('emily-clarke@speakers.hybrid-forum.example');
    const emilySessions = (await loadSpeakerPortal(t.db, emily)).schedule;
    expect(emilySessions.length).toBeGreaterThan(0);
    expect(emilySessions.every((s) => s.presence === 'remote')).toBe(true);
  });
});

describe('editing a profile', () => {
  it('lets a speaker save their own profile, canonicalising the time zone', async () => {
    const zhang = await actorFor('zhang-min@speakers.hybrid-forum.example');
    const record = await speakerBySlug('zhang-min');
    expect(await updateSpeakerProfile(t.db, zhang, record.id, { ...validProfile, timeZone: 'europe/paris' })).toEqual({ ok: true });
    expect(await speakerBySlug('zhang-min')).toMatchObject({
      affiliation: 'Guangxi Medical University',
      jobTitle: 'Dean',
      timeZone: 'Europe/Paris',
      bio: { en: 'Works on digital health.', zh: '从事数字健康研究。' },
    });
  });

  it('saves the biography in Japanese, Korean and Thai from the portal, and the form reads them back', async () => {
    const zhang = await actorFor('zhang-min@speakers.hybrid-forum.example');
    const record = await speakerBySlug('zhang-min');
    const bio = {
      en: 'Works on digital health corridors.',
      zh: '从事数字健康研究。',
      ja: 'デジタルヘルスの研究者。',
      ko: '디지털 헬스 연구자.',
      th: 'นักวิจัยด้านสุขภาพดิจิทัล',
    };
    expect(await updateSpeakerProfile(t.db, zhang, record.id, { ...validProfile, bio })).toEqual({ ok: true });
    const stored = (await speakerBySlug('zhang-min')).bio;
    expect(stored).toEqual(bio);
    // What the portal page puts back into its form, and emptying one language drops it (it falls back to English).
    expect(localizedFormValues(stored)).toEqual({ ...localizedFormValues(null), ...bio });
    expect(await updateSpeakerProfile(t.db, zhang, record.id, { ...validProfile, bio: { ...bio, ko: '' } })).toEqual({ ok: true });
    expect((await speakerBySlug('zhang-min')).bio).not.toHaveProperty('ko');
  });

  it('refuses another speaker and anonymous visitors, and changes nothing', async () => {
    const liWei = await actorFor(demoAccounts.speaker.email);
    const record = await speakerBySlug('zhang-min');
    await expect(updateSpeakerProfile(t.db, liWei, record.id, { ...validProfile, affiliation: 'Hijacked' })).rejects.toMatchObject({
      reason: 'forbidden',
    });
    await expect(updateSpeakerProfile(t.db, null, record.id, { ...validProfile, affiliation: 'Hijacked' })).rejects.toBeInstanceOf(
      AuthorizationError,
    );
    await expect(setSpeakerPhoto(t.db, liWei, record.id, PNG)).rejects.toMatchObject({ reason: 'forbidden' });
    await expect(setSpeakerPhoto(t.db, null, record.id, PNG)).rejects.toMatchObject({ reason: 'signed-out' });
    // An unknown id answers like someone else's record: nothing to learn by probing.
    await expect(updateSpeakerProfile(t.db, liWei, '00000000-0000-4000-8000-000000000000', validProfile)).rejects.toMatchObject({
      reason: 'forbidden',
    });
    const after = await speakerBySlug('zhang-min');
    expect(after.affiliation).not.toBe('Hijacked');
    expect(after.photo).toBeNull();
  });

  it("lets an organiser of the event edit a speaker's profile", async () => {
    const organiser = await actorFor(demoAccounts.organiser.email);
    const record = await speakerBySlug('hla-myint');
    expect(
      await updateSpeakerProfile(t.db, organiser, record.id, { ...validProfile, affiliation: 'Yangon Technological University' }),
    ).toEqual({ ok: true });
  });

  it('names the field for invalid input and writes nothing', async () => {
    const zhang = await actorFor('zhang-min@speakers.hybrid-forum.example');
    const record = await speakerBySlug('zhang-min');
    const before = await speakerBySlug('zhang-min');
    const cases: [Record<string, unknown>, string][] = [
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      [{ timeZone: 'GMT+8' }, 'timeZone'],
      [{ affiliation: '' }, 'affiliation'],
      [{ affiliation: 'x'.repeat(201) }, 'affiliation'],
      [{ jobTitle: 'Dean\nof things' }, 'jobTitle'],
      [{ bio: { en: 'x'.repeat(2001) } }, 'bio'],
      [{ bio: { th: 'nul\u0000byte' } }, 'bio'],
      [{ bio: { en: 42 } }, 'bio'],
    ];
    for (const [change, field] of cases) {
      const result = await updateSpeakerProfile(t.db, zhang, record.id, { ...validProfile, ...change });
      expect(result.ok, field).toBe(false);
      expect(Object.keys((result as { fields: Record<string, string> }).fields)).toContain(field);
    }
    expect(await speakerBySlug('zhang-min')).toEqual(before);
  });

  it('shares one schema with the form: line breaks in a biography are kept, surrounding space trimmed', () => {
    const parsed = speakerProfileSchema.parse({ ...validProfile, bio: { en: '  First line\r\nSecond line  ', ja: ' 一行目\r\n二行目 ' } });
    expect(parsed.bio).toEqual({ en: 'First line\nSecond line', ja: '一行目\n二行目' });
  });
});

describe('photos', () => {
  it('accepts real PNG, JPEG and WebP images and stores them as data: URLs of the detected type', async () => {
    const zhang = await actorFor('zhang-min@speakers.hybrid-forum.example');
    const record = await speakerBySlug('zhang-min');
    for (const [bytes, type] of [
      [PNG, 'image/png'],
      [JPEG, 'image/jpeg'],
      [WEBP, 'image/webp'],
    ] as const) {
      expect(await setSpeakerPhoto(t.db, zhang, record.id, bytes)).toEqual({ ok: true });
      const photo = (await speakerBySlug('zhang-min')).photo!;
      expect(photo.startsWith(`data:${type};base64,`)).toBe(true);
      expect(safePhotoSrc(photo)).toBe(photo);
    }
    expect(await setSpeakerPhoto(t.db, zhang, record.id, null)).toEqual({ ok: true });
    expect((await speakerBySlug('zhang-min')).photo).toBeNull();
  });

  it('rejects SVG, HTML and other files dressed up as images, and anything over 1 MB', async () => {
    const zhang = await actorFor('zhang-min@speakers.hybrid-forum.example');
    const record = await speakerBySlug('zhang-min');
    const disguised: [string, Buffer][] = [
      ['svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>')],
      ['svg with xml prolog', Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
      ['html', Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>')],
      ['gif', Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!', 'latin1')],
      ['png signature only, html after', Buffer.concat([PNG.subarray(0, 8), Buffer.from('<html><script>alert(1)</script></html>')])],
      ['empty', Buffer.alloc(0)],
    ];
    for (const [name, bytes] of disguised) {
      const result = await setSpeakerPhoto(t.db, zhang, record.id, bytes);
      expect(result, name).toMatchObject({ ok: false, code: 'invalid', error: 'photoType' });
    }
    const oversized = Buffer.concat([PNG, Buffer.alloc(MAX_PHOTO_BYTES)]);
    expect(await setSpeakerPhoto(t.db, zhang, record.id, oversized)).toMatchObject({
      ok: false,
      code: 'too-large',
      error: 'photoTooBig',
    });
    expect((await speakerBySlug('zhang-min')).photo).toBeNull();
  });

  it('never renders a stored value that is not a PNG, JPEG or WebP data: URL', () => {
    expect(safePhotoSrc('data:image/svg+xml;base64,PHN2Zz4=')).toBeNull();
    expect(safePhotoSrc('javascript:alert(1)')).toBeNull();
    expect(safePhotoSrc('https://evil.example/x.png')).toBeNull();
    expect(safePhotoSrc('data:image/png;base64,AAAA" onerror="alert(1)')).toBeNull();
  });

  it('the upload route refuses a POST or DELETE from another site before reading it, and changes nothing', async () => {
    const record = await speakerBySlug('zhang-min');
    const zhang = await actorFor('zhang-min@speakers.hybrid-forum.example');
    expect(await setSpeakerPhoto(t.db, zhang, record.id, PNG)).toEqual({ ok: true });
    const stored = (await speakerBySlug('zhang-min')).photo;
    const request = (method: string, origin: string, speaker = record.id) =>
      new NextRequest(`http://localhost/speaker/photo?speaker=${speaker}`, {
        method,
        headers: { origin, host: 'localhost' },
        ...(method === 'POST' ? { body: JPEG } : {}),
      });
    for (const [method, handler] of [
      ['POST', photoPost],
      ['DELETE', photoDelete],
    ] as const) {
      const refused = await handler(request(method, 'https://evil.example'));
      expect(refused.status, method).toBe(403);
      expect(await refused.json()).toEqual({ error: 'cross-site request refused' });
      // The control: the same request from this site gets past the origin check (to the id check here).
      const sameSite = await handler(request(method, 'http://localhost', 'not-an-id'));
      expect(sameSite.status, method).toBe(422);
    }
    expect((await speakerBySlug('zhang-min')).photo).toBe(stored);
    await setSpeakerPhoto(t.db, zhang, record.id, null);
  });

  it('stops reading an upload body once it passes the limit', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 100) return controller.close();
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const request = new Request('http://localhost/speaker/photo', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(await readBodyBytes(request, MAX_PHOTO_BYTES)).toMatchObject({ ok: false, code: 'too-large' });
    expect(pulled).toBeLessThan(30);
  });
});

describe('the personal calendar feed', () => {
  it('carries every session of the speaker with UTC times, room, role and co-speakers, and no livestream link', async () => {
    const liWei = await actorFor(demoAccounts.speaker.email);
    const url = await regenerateCalendarFeed(t.db, liWei);
    expect(url).toMatch(/\/speaker\/calendar\/[0-9a-f-]{36}\.[A-Za-z0-9_-]+\.ics$/);
    const file = url.split('/').pop()!;
    const response = await speakerFeedGet(new NextRequest(url), { params: Promise.resolve({ file }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    expect(response.headers.get('cache-control')).toContain('private');
    const body = await response.text();
    expect(body).not.toContain('live.hybrid-forum.example');

    const calendar = new ICAL.Component(ICAL.parse(body));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const { schedule } = await loadSpeakerPortal(t.db, liWei);
    expect(events.map((e) => e.summary).sort()).toEqual(schedule.map((s) => s.title.en).sort());
    const [opening] = await t.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.eventId, eventId), eq(sessions.slug, 'opening-ceremony')));
    const openingEvent = events.find((e) => e.uid === `${opening!.id}@hybrid-forum`)!;
    expect(openingEvent.startDate.toJSDate().toISOString()).toBe(opening!.startsAt.toISOString());
    expect(openingEvent.startDate.zone?.tzid).toBe('UTC');
    expect(openingEvent.description).toContain('Your role: Host, on site in Nanning');
    expect(openingEvent.description).toContain('Chanthavy Phommachanh');
    expect(openingEvent.description).toContain('Shown live at: Tokyo, Seoul, Bangkok');
    expect(openingEvent.location).toContain('Nanning');
  });

  it('stops working for the old link when the speaker makes a new one, and refuses forged tokens', async () => {
    const liWei = await actorFor(demoAccounts.speaker.email);
    const first = (await regenerateCalendarFeed(t.db, liWei))
      .split('/')
      .pop()!
      .replace(/\.ics$/, '');
    expect(await speakerFeed(t.db, first)).not.toBeNull();
    const second = (await regenerateCalendarFeed(t.db, liWei))
      .split('/')
      .pop()!
      .replace(/\.ics$/, '');
    expect(await speakerFeed(t.db, first)).toBeNull();
    expect(await speakerFeed(t.db, second)).not.toBeNull();

    const [id, signature] = second.split('.') as [string, string];
    const other = await speakerBySlug('zhang-min');
    const forged = [
      `${other.id}.${signature}`,
      `${id}.${signature.slice(0, -2)}AA`,
      id,
      `${id}.${signature}.x`,
      'not-a-token',
      calendarFeedToken(id, 'guessed-nonce'),
    ];
    for (const token of forged) expect(await speakerFeed(t.db, token), token).toBeNull();
    const missing = await speakerFeedGet(new NextRequest('http://localhost/speaker/calendar/x.ics'), {
      params: Promise.resolve({ file: `${id}.${signature.slice(0, -2)}AA.ics` }),
    });
    expect(missing.status).toBe(404);
  });

  it('is only made for someone with a speaker record', async () => {
    const stranger = await actorFor('stranger@example.org');
    await expect(regenerateCalendarFeed(t.db, stranger)).rejects.toMatchObject({ reason: 'forbidden' });
    await expect(regenerateCalendarFeed(t.db, null)).rejects.toMatchObject({ reason: 'signed-out' });
  });
});
