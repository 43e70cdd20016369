import fs from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditMessageKey } from '@/lib/audit/actions';
import { describeAudit, type AuditLookup, type AuditWords } from '@/lib/audit/describe-audit';
import type { Locale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import { sourceFiles } from '../helpers/source-files';

const lookup: AuditLookup = {
  venues: [
    {
      id: 'v-nanning',
      slug: 'nanning',
      name: { en: 'Nanning Convention Center', zh: '南宁会展中心' },
      city: { en: 'Nanning', zh: '南宁' },
      timeZone: 'Asia/Shanghai',
    },
    { id: 'v-tokyo', slug: 'tokyo', name: { en: 'Tokyo Hall', zh: '东京会馆' }, city: { en: 'Tokyo', zh: '东京' }, timeZone: 'Asia/Tokyo' },
  ],
  rooms: [{ id: 'r-1', name: { en: 'Hall A', zh: 'A 厅' } }],
  sessions: [{ id: 's-1', title: { en: 'Keynote', zh: '主旨演讲' } }],
  speakers: [{ id: 'sp-1', name: 'Tan Wei Ming' }],
  registrations: [
    { id: 'reg-1', name: 'Dao Thi Hoa', email: 'dao@example.org', erased: false },
    { id: 'reg-2', name: '', email: 'erased-reg-2@erased.invalid', erased: true },
  ],
  eventZone: 'Asia/Shanghai',
};

/** Details as each action records them (see the recordAudit calls), so every sentence is filled. */
const SAMPLES: Record<string, { entityId: string | null; details: Record<string, unknown> }> = {
  'agenda.publish': { entityId: '3', details: { version: 3, changes: 2, registrants: 5, speakers: 1 } },
  'announcement.queue': { entityId: null, details: { subject: 'Welcome', filters: {}, recipients: 12 } },
  'event.clone': { entityId: 'e', details: { from: 'forum-2025', shiftedDays: 364, copied: {} } },
  'event.settings': { entityId: 'e', details: { changed: ['theme', 'startsAt'], shiftedSessions: 4 } },
  'event.publish': { entityId: 'e', details: { from: 'draft', to: 'published' } },
  'question.create': { entityId: 'q-1', details: { label: { en: 'Dietary needs', zh: '饮食需求' }, kind: 'single_choice' } },
  'question.update': { entityId: 'q-1', details: { label: { en: 'Dietary needs', zh: '饮食需求' }, changes: { options: true } } },
  'question.move': { entityId: 'q-1', details: { label: { en: 'Dietary needs', zh: '饮食需求' }, direction: 'up' } },
  'question.retire': { entityId: 'q-1', details: { label: { en: 'Dietary needs' } } },
  'registration.details.self-change': { entityId: 'reg-1', details: { changed: ['name'] } },
  'registration.email.change': { entityId: 'reg-1', details: { from: 'old@example.org', to: 'new@example.org' } },
  'registration.edit': { entityId: 'reg-1', details: { changed: ['name', 'email'], category: { from: null, to: 'c-1' } } },
  'mail.resend': { entityId: 'm', details: { to: 'a@b.org', subject: 'Your registration', previousStatus: 'failed' } },
  'registration.create': { entityId: 'reg-1', details: { mode: 'in_person', venue: 'v-tokyo', status: 'waitlisted', sessions: 1 } },
  'registration.self-change': {
    entityId: 'reg-1',
    details: { mode: { from: 'in_person', to: 'online' }, venue: { from: 'v-tokyo', to: null }, added: ['s-1'], removed: [] },
  },
  'registration.self-cancel': { entityId: 'reg-1', details: { previousStatus: 'confirmed' } },
  'registration.cancel': { entityId: 'reg-1', details: { name: 'Dao Thi Hoa', email: 'dao@example.org', reason: 'Duplicate' } },
  'registration.promote': { entityId: 'reg-1', details: { venueId: 'v-nanning', previousPosition: 2 } },
  'registration.approve': { entityId: 'reg-1', details: { outcome: 'in-line', message: 'Welcome' } },
  'delegation.create': { entityId: 'd-1', details: { name: 'Lao Ministry of Science', members: 3, pending: true } },
  'delegation.approve': { entityId: 'd-1', details: { name: 'Lao Ministry of Science', members: 3 } },
  'delegation.check-in': { entityId: 'd-1', details: { name: 'Lao Ministry of Science', admitted: 3 } },
  'certificate.send': { entityId: 'e', details: { count: 120 } },
  'delegation.member.add': { entityId: 'reg-1', details: { delegation: 'Lao Ministry of Science' } },
  'delegation.member.change': { entityId: 'reg-1', details: { delegation: 'Lao Ministry of Science' } },
  'delegation.member.cancel': { entityId: 'reg-1', details: { delegation: 'Lao Ministry of Science' } },
  'registration.reject': { entityId: 'reg-1', details: { message: 'The delegation is full' } },
  'category.create': { entityId: 'c-1', details: { name: 'Government delegate', capacity: 120 } },
  'category.update': { entityId: 'c-1', details: { name: 'Government delegate', changes: { capacity: { from: 120, to: 150 } } } },
  'category.codes.create': { entityId: 'c-1', details: { name: 'Government delegate', count: 25, maxUses: 1 } },
  'registration.session.promote': { entityId: 'reg-1', details: { sessionId: 's-1', previousPosition: 1 } },
  'registration.check-in': { entityId: 'reg-1', details: { name: 'Dao Thi Hoa', venue: 'nanning' } },
  'registration.erase': { entityId: 'reg-1', details: { requestedBy: 'attendee', statusBefore: 'confirmed', statusAfter: 'cancelled' } },
  'retention.erase': { entityId: null, details: { count: 40, retentionDays: 90 } },
  'room.create': { entityId: 'r-1', details: { venue: 'nanning', name: 'Hall A', capacity: 300 } },
  'room.update': { entityId: 'r-1', details: { venue: 'nanning', changes: { capacity: { from: 300, to: 320 } } } },
  'room.delete': { entityId: 'r-1', details: { venue: 'nanning', name: 'Hall A', capacity: 300 } },
  'session.create': {
    entityId: 's-1',
    details: {
      title: 'Keynote',
      startsAt: '2026-12-24T01:00:00.000Z',
      endsAt: '2026-12-24T01:45:00.000Z',
      venueId: 'v-nanning',
      conflictsAcknowledged: [],
    },
  },
  'session.listings': { entityId: 's-1', details: { slug: 'keynote', title: 'Keynote', listings: ['l-1', 'l-2'] } },
  'session.update': {
    entityId: 's-1',
    details: {
      title: 'Keynote',
      startsAt: '2026-12-24T02:00:00.000Z',
      endsAt: '2026-12-24T02:45:00.000Z',
      venueId: 'v-nanning',
      was: { startsAt: '2026-12-24T01:00:00.000Z', endsAt: '2026-12-24T01:45:00.000Z' },
      cancelled: false,
      conflictsAcknowledged: ['room-double-booked'],
      promoted: 0,
    },
  },
  'exhibitor.create': { entityId: 'ex-1', details: { slug: 'siam-medtech', name: 'Siam MedTech' } },
  'exhibitor.update': {
    entityId: 'ex-1',
    details: {
      slug: 'siam-medtech',
      name: 'Siam MedTech',
      changes: { sectors: { from: ['big-health'], to: ['marine'] }, booth: { from: null, to: 'B-8' } },
    },
  },
  'exhibitor.approve': { entityId: 'ex-1', details: { slug: 'siam-medtech', name: 'Siam MedTech' } },
  'exhibitor.logo.update': { entityId: 'ex-1', details: { name: 'Siam MedTech', bytes: 20480 } },
  'exhibitor.logo.remove': { entityId: 'ex-1', details: { name: 'Siam MedTech' } },
  'listing.create': { entityId: 'l-1', details: { title: 'Portable ultrasound', kind: 'offer' } },
  'listing.publish': { entityId: 'l-1', details: { title: 'Portable ultrasound', from: 'pending' } },
  'listing.reject': { entityId: 'l-1', details: { title: 'Portable ultrasound', from: 'published' } },
  'outcome.create': { entityId: 'o-1', details: { title: 'MoU on a joint laboratory', kind: 'mou', public: true } },
  'outcome.update': { entityId: 'o-1', details: { title: 'MoU on a joint laboratory', changes: { public: { from: false, to: true } } } },
  'outcome.delete': { entityId: 'o-1', details: { title: 'MoU on a joint laboratory', kind: 'mou', public: false } },
  'listing.update': { entityId: 'l-1', details: { title: 'Portable ultrasound', from: 'published', byStaff: true } },
  'exhibitor.staff.invite': { entityId: 'ex-1', details: { email: 'somchai@siam-medtech.example', name: 'Siam MedTech' } },
  'exhibitor.staff.accept': { entityId: 'ex-1', details: { email: 'somchai@siam-medtech.example' } },
  'exhibitor.staff.remove': { entityId: 'ex-1', details: { email: 'somchai@siam-medtech.example', name: 'Siam MedTech' } },
  'exhibitor.staff.revoke': { entityId: 'ex-1', details: { email: 'somchai@siam-medtech.example', name: 'Siam MedTech' } },
  'meeting-slot.create': { entityId: 'ms-1', details: { label: 'Day 1 morning', tables: 12 } },
  'speaker.create': { entityId: 'sp-1', details: { slug: 'tan', name: 'Tan Wei Ming', email: 't@example.org' } },
  'speaker.update': { entityId: 'sp-1', details: { slug: 'tan', changes: { jobTitle: { from: 'a', to: 'b' } } } },
  'speaker.photo.update': { entityId: 'sp-1', details: { bytes: 2048 } },
  'speaker.photo.remove': { entityId: 'sp-1', details: {} },
  'speaker.profile.update': { entityId: 'sp-1', details: { fields: ['bio'] } },
  'stream.grant': { entityId: null, details: { email: 'a@b.org' } },
  'stream.revoke': { entityId: null, details: { email: 'a@b.org' } },
  'team.invite': { entityId: 'inv-1', details: { email: 'manager@bangkok.example', role: 'venue_manager', venueId: 'v-nanning' } },
  'team.invite.accept': { entityId: 'inv-1', details: { email: 'manager@bangkok.example', role: 'viewer', venueId: null } },
  'team.invite.revoke': { entityId: 'inv-1', details: { email: 'manager@bangkok.example', role: 'checkin' } },
  'team.member.remove': { entityId: 'u-1', details: { email: 'manager@bangkok.example', roles: ['venue_manager'] } },
  'venue.create': {
    entityId: 'v-tokyo',
    details: { slug: 'tokyo', name: 'Tokyo Hall', timeZone: 'Asia/Tokyo', kind: 'branch', capacity: 100 },
  },
  'venue.update': {
    entityId: 'v-tokyo',
    details: { slug: 'tokyo', changes: { timeZone: { from: 'Asia/Tokyo', to: 'Asia/Seoul' } }, shiftedSessions: 2 },
  },
};

function auditText(locale: Locale) {
  const t = createTranslator({
    locale,
    messages: loadMessages(locale),
    namespace: 'adminAudit' as never,
    onError: (error) => {
      throw error;
    },
  }) as unknown as ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };
  const words: AuditWords = {
    someone: t('someone'),
    online: t('online'),
    erased: t('erased'),
    field: (key) => (t.has(`fields.${key}`) ? t(`fields.${key}`) : key),
    conflict: (kind) => (t.has(`conflictKinds.${kind}`) ? t(`conflictKinds.${kind}`) : kind),
    change: (key, values) => t(`selfChange.${key}`, values),
  };
  return (action: string, sample = SAMPLES[action] ?? { entityId: null, details: {} }, actorName: string | null = 'Wang Fang') => {
    const { key, values } = describeAudit({ action, ...sample, actorName, actorEmail: null }, locale, lookup, words);
    return t(`sentences.${key}`, values);
  };
}

describe('the audit log in sentences', () => {
  for (const locale of ['en', 'zh'] as const) {
    it(`every recorded action has a sentence in ${locale}, filled, without internal names`, () => {
      const sentence = auditText(locale);
      for (const action of AUDIT_ACTIONS) {
        const text = sentence(action);
        expect(text, action).not.toMatch(/[{}]|undefined|NaN|\bnull\b|\[object/);
        // Nothing left blank: "the photo of ." or "更换了  的照片".
        expect(text, action).not.toMatch(/ {2}| [.,:;。，]|“”/);
        expect(text, action).not.toContain(action);
        // Internal codes never reach the reader: enum values, conflict kinds, field keys, ids.
        expect(text, action).not.toMatch(/in_person|room-double-booked|jobTitle|timeZone|v-tokyo|s-1\b/);
        if (locale === 'zh') expect(text, action).not.toMatch(/\b(the|was|and|registered|changed)\b/);
      }
    });
  }

  it('every action has its message key in both languages (a new action without wording fails here)', () => {
    for (const locale of ['en', 'zh'] as const) {
      const sentences = (loadMessages(locale).adminAudit as { sentences: Record<string, string> }).sentences;
      for (const action of AUDIT_ACTIONS) expect(sentences[auditMessageKey(action)], `${locale} ${action}`).toEqual(expect.any(String));
    }
  });

  it('reads as the organiser would say it', () => {
    const en = auditText('en');
    expect(en('stream.grant')).toBe('Wang Fang granted livestream access to a@b.org for every streamed session.');
    expect(en('session.update', undefined, 'Li Wei')).toBe(
      'Li Wei moved “Keynote” from Thu, 24 Dec 2026 · 09:00–09:45 Nanning, GMT+8 to Thu, 24 Dec 2026 · 10:00–10:45 Nanning, GMT+8, acknowledging a room double-booking.',
    );
    expect(en('registration.self-change')).toBe(
      'The registrant Dao Thi Hoa (dao@example.org) changed their registration: venue Tokyo Hall → Online; added “Keynote”.',
    );
    expect(en('registration.create')).toBe('Dao Thi Hoa (dao@example.org) registered to attend in person at Tokyo Hall, on the waitlist.');
    expect(en('agenda.publish')).toBe('Wang Fang published version 3 of the agenda with 2 changes; 5 registrants and 1 speaker mailed.');
    // An erased registration is not named, even where an older entry kept the name.
    expect(en('registration.cancel', { entityId: 'reg-2', details: { name: 'Old Name', email: 'old@example.org' } })).toBe(
      'Wang Fang cancelled the registration of (name erased).',
    );
    // An entry of an action this version does not know still shows, with its name.
    expect(en('legacy.thing')).toBe('Wang Fang: legacy.thing');
    const zh = auditText('zh');
    expect(zh('stream.grant')).toBe('Wang Fang 授予 a@b.org 观看所有直播场次的权限。');
  });

  it('every audit entry in lib/ is written through recordAudit, whose action type is the list above', () => {
    const files = [...sourceFiles(path.resolve('lib'), /\.tsx?$/), ...sourceFiles(path.resolve('app'), /\.tsx?$/)];
    const direct = files.filter(
      (file) => !file.includes(`${path.sep}audit${path.sep}`) && /insert\(auditLog\)/.test(fs.readFileSync(file, 'utf8')),
    );
    expect(direct).toEqual([]);
  });
});
