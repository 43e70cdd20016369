import { z } from 'zod';
import { type Locale, locales } from '@/lib/i18n/locales';
import { vmsg } from '@/lib/validation/message';
import { sessionKind, speakerPresence, speakerRole } from '@/db/schema/enums';
import { slugSchema } from '@/lib/validation/common';
import { localizedTextInput } from '@/lib/validation/localized-text-input';

export const SEGMENTS = ['opening', 'main', 'young-scientists', 'exhibition', 'promotion', 'signing', 'branch'] as const;
export const SESSION_LANGUAGES = ['en', 'zh', 'ja', 'ko', 'th', 'vi', 'id', 'ms'] as const;

const optionalUrl = z
  .string()
  .trim()
  .max(2000, vmsg('tooLong', { max: 2000 }))
  .refine((v) => v === '' || /^https:\/\/[^\s]+$/.test(v), vmsg('https'))
  .transform((v) => v || null);
/**
 * Interpretation channels: a stream URL per language interpreted into (empty: not interpreted). The
 * languages are the interface's (lib/livestream/channels.ts); the floor is `livestreamUrl`.
 */
const interpretationUrls = z
  .object(
    Object.fromEntries(locales.map((language) => [language, optionalUrl.optional()])) as {
      [L in Locale]: z.ZodOptional<typeof optionalUrl>;
    },
  )
  .default({})
  .transform((urls) => Object.fromEntries(Object.entries(urls).filter(([, url]) => url)) as Record<string, string>);
const optionalId = z.union([z.uuid(), z.literal('')], { error: vmsg('choose') }).transform((v) => v || null);

/**
 * A session as an organiser enters it: times in the venue's own zone (the server turns them into
 * UTC with the venue's zone). The form and the server action both parse with this schema.
 */
export const sessionInputSchema = z
  .object({
    slug: slugSchema,
    /** Every offered language side by side (lib/validation/localized-text-input.ts); English at least two characters. */
    title: localizedTextInput(200).refine((text) => text.en.length >= 2, { path: ['en'], message: vmsg('required') }),
    description: localizedTextInput(5000, { multiline: true, optional: true }),
    kind: z.enum(sessionKind.enumValues, { error: vmsg('choose') }),
    segment: z.enum(SEGMENTS, { error: vmsg('choose') }),
    venueId: z.uuid({ error: vmsg('venue') }),
    roomId: optionalId,
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, vmsg('date')),
    start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, vmsg('time')),
    end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, vmsg('time')),
    capacity: z
      .union(
        [
          z.literal(''),
          z.coerce
            .number({ error: vmsg('wholeNumber') })
            .int(vmsg('wholeNumber'))
            .min(0, vmsg('tooSmall', { min: 0 }))
            .max(100_000, vmsg('tooBig', { max: 100_000 })),
        ],
        { error: vmsg('wholeNumber') },
      )
      .transform((v) => (v === '' ? null : v)),
    streamed: z.boolean(),
    livestreamUrl: optionalUrl,
    interpretationUrls,
    recordingUrl: optionalUrl,
    languages: z.array(z.enum(SESSION_LANGUAGES)).min(1, vmsg('languages')).max(SESSION_LANGUAGES.length),
    relayVenueIds: z.array(z.uuid()).max(20),
    speakers: z
      .array(z.object({ speakerId: z.uuid(), role: z.enum(speakerRole.enumValues), presence: z.enum(speakerPresence.enumValues) }))
      .max(30)
      .refine((list) => new Set(list.map((s) => s.speakerId)).size === list.length, vmsg('speakerTwice')),
    cancelled: z.boolean(),
    /** Set when the organiser has seen the conflict warnings and saves anyway. */
    acknowledgeConflicts: z.boolean(),
  })
  .refine((s) => s.end > s.start, { path: ['end'], message: vmsg('endAfterStart') })
  .refine((s) => !s.relayVenueIds.includes(s.venueId), { path: ['relayVenueIds'], message: vmsg('relayOwnVenue') });

export type SessionFormValues = z.input<typeof sessionInputSchema>;
export type SessionInput = z.output<typeof sessionInputSchema>;
