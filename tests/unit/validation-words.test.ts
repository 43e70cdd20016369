import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { sessionInputSchema } from '@/lib/agenda/admin/session-input';
import { roomInputSchema } from '@/lib/agenda/admin/room-schema';
import { speakerInputSchema } from '@/lib/speakers/admin/speaker-schema';
import { venueInputSchema } from '@/lib/agenda/admin/venue-schema';
import { magicLinkRequestSchema, passwordSignInSchema } from '@/lib/auth/schemas';
import { checkInInputSchema } from '@/lib/checkin/schema';
import { cloneEventSchema } from '@/lib/events/admin/clone-event-input';
import { createEventSchema } from '@/lib/events/admin/create-event-input';
import { loadMessages } from '@/lib/i18n/messages';
import type { PlainMessages } from '@/lib/i18n/plain-translator';
import { streamGrantInputSchema } from '@/lib/livestream/grants';
import { announcementSchema } from '@/lib/registration/admin/announcement';
import { registrationChangeSchema } from '@/lib/registration/manage';
import { registrationInputSchema } from '@/lib/registration/schema';
import { speakerProfileSchema } from '@/lib/speakers/profile-schema';
import { isValidationMessage, VALIDATION_KEYS } from '@/lib/validation/message';
import { validationTranslator } from '@/lib/validation/translate-validation';
import { wordProblems } from '../helpers/words-guard';

const long = (n: number) => 'x'.repeat(n);
const bad = {
  name: long(5000),
  email: 'not-an-address',
  organisation: 'a\u0007b',
  jobTitle: long(500),
  country: 'Narnia',
  participantType: 'astronaut',
  mode: 'teleport',
  venue: 'Not A Slug!',
  sessions: ['nope'],
  needs: long(600),
  locale: 'fr',
  consent: 'maybe',
  slug: 'Bad Slug',
  title: { en: 'x' },
  kind: 'party',
  segment: 'nowhere',
  venueId: 'x',
  roomId: 'x',
  date: 'tomorrow',
  start: '25:00',
  end: '24:61',
  capacity: '-3.5',
  streamed: 'yes',
  livestreamUrl: 'http://plain.example',
  languages: ['xx'],
  relayVenueIds: ['x'],
  speakers: [{ speakerId: 'x', role: 'boss', presence: 'astral' }],
  cancelled: 'no',
  acknowledgeConflicts: 'no',
  nameEn: '',
  cityEn: long(300),
  timeZone: 'Mars/Olympus',
  position: 'first',
  affiliation: '',
  bio: { en: long(3000) },
  code: long(400),
  password: '',
  subject: '',
  body: '',
  requestId: 'x',
  firstDay: '2026-13-40',
  lastDay: 'soon',
  venueNameEn: '',
  venueCountry: 'ZZ',
  venueTimeZone: 'Nowhere',
  venueCapacity: 'many',
};

/** Every schema a person's input goes through, by the form it belongs to. */
const forms: Record<string, z.ZodType> = {
  registration: registrationInputSchema,
  'manage page': registrationChangeSchema,
  'sign in': passwordSignInSchema,
  'sign-in link': magicLinkRequestSchema,
  'speaker profile': speakerProfileSchema,
  'session editor': sessionInputSchema,
  'venue editor': venueInputSchema,
  'room editor': roomInputSchema,
  'speaker editor': speakerInputSchema,
  'livestream grant': streamGrantInputSchema,
  'check-in desk': checkInInputSchema,
  announcement: announcementSchema,
  'new forum': createEventSchema,
  'next edition': cloneEventSchema,
};

function issueMessages(schema: z.ZodType, input: unknown): string[] {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}

describe('validation messages are written for people, in their language', () => {
  for (const [form, schema] of Object.entries(forms)) {
    for (const [what, input] of [
      ['empty', {}],
      ['blank', Object.fromEntries(Object.keys(bad).map((k) => [k, '']))],
      ['bad values', bad],
      ['not an object', 'hello'],
    ] as const) {
      it(`${form}, ${what}: every message is a key, and reads well in en and zh`, () => {
        const messages = issueMessages(schema, input);
        expect(messages.length, 'the input is refused').toBeGreaterThan(0);
        for (const message of messages) expect(isValidationMessage(message), `raw message ${JSON.stringify(message)}`).toBe(true);
        for (const locale of ['en', 'zh'] as const) {
          const words = validationTranslator(loadMessages(locale).validation as PlainMessages);
          for (const message of messages) {
            const text = words(message);
            expect(text, `${message} has words in ${locale}`).not.toMatch(/[{}]|^\w+(\?.*)?$/);
            expect(wordProblems(text, locale)).toEqual([]);
          }
        }
      });
    }
  }

  it('has words for every key in every language, free of the problems above', () => {
    for (const locale of ['en', 'zh'] as const) {
      const words = validationTranslator(loadMessages(locale).validation as PlainMessages);
      for (const key of VALIDATION_KEYS) {
        const text = words(`${key}?max=5&min=1&count=2&session=Opening&sessionZh=开幕式`);
        expect(text, `${locale} ${key}`).not.toBe(key);
        expect(wordProblems(text, locale)).toEqual([]);
      }
    }
  });

  it('refuses a name over 120 characters with a message, and does not cut it (issue 15, point 12)', () => {
    const parsed = registrationInputSchema.safeParse({ name: long(5000) });
    expect(parsed.success).toBe(false);
    const name = parsed.error?.issues.find((issue) => issue.path[0] === 'name');
    const en = validationTranslator(loadMessages('en').validation as PlainMessages);
    const zh = validationTranslator(loadMessages('zh').validation as PlainMessages);
    expect(en(name?.message)).toBe('Use at most 120 characters.');
    expect(zh(name?.message)).toBe('最多 120 个字符。');
  });

  it('shows no raw text it does not know: anything else reads as a general message', () => {
    const en = validationTranslator(loadMessages('en').validation as PlainMessages);
    expect(en('must be one of: government, enterprise')).toBe(en('invalid'));
  });
});
