import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { sessionInputSchema } from '@/lib/agenda/admin/session-input';
import { roomInputSchema } from '@/lib/agenda/admin/room-schema';
import { speakerInputSchema } from '@/lib/speakers/admin/speaker-schema';
import { venueInputSchema } from '@/lib/agenda/admin/venue-schema';
import { announcementSchema } from '@/lib/registration/admin/announcement';
import { registrationInputSchema } from '@/lib/registration/schema';
import { speakerProfileSchema } from '@/lib/speakers/profile-schema';
import { multiLineText, singleLineText } from '@/lib/validation/text';

// Every text field a person types that reaches a calendar file, a mail header or a CSV cell.
const oneLineFields: [string, z.ZodType, string[]][] = [
  ['registration', registrationInputSchema, ['name', 'organisation', 'jobTitle']],
  ['session', sessionInputSchema, ['title.en', 'title.zh', 'title.th']],
  ['venue', venueInputSchema, ['name.en', 'name.zh', 'name.th', 'city.en', 'city.ja', 'address']],
  ['room', roomInputSchema, ['name.en', 'name.zh', 'name.ja', 'name.ko', 'name.th']],
  ['speaker', speakerInputSchema, ['name', 'honorific', 'jobTitle', 'affiliation']],
  ['speaker profile', speakerProfileSchema, ['affiliation', 'jobTitle']],
  ['announcement', announcementSchema, ['subject']],
];
const multiLineFields: [string, z.ZodType, string[]][] = [
  ['registration', registrationInputSchema, ['needs']],
  ['session', sessionInputSchema, ['description.en', 'description.ja', 'description.th']],
  ['speaker', speakerInputSchema, ['bio.en', 'bio.zh', 'bio.ko']],
  ['speaker profile', speakerProfileSchema, ['bio.en', 'bio.ja', 'bio.th']],
  ['announcement', announcementSchema, ['body']],
];

const LINE_BREAKS = {
  CR: 'a\rb',
  LF: 'a\nb',
  CRLF: 'a\r\nb',
  NEL: 'a\u0085b',
  'line separator': 'a\u2028b',
  'paragraph separator': 'a\u2029b',
};
const CONTROLS = {
  NUL: 'a\u0000b',
  BEL: 'a\u0007b',
  ESC: 'a\u001b[31mb',
  DEL: 'a\u007fb',
  CSI: 'a\u009bb',
  'right-to-left override': 'a\u202eb',
  'left-to-right isolate': 'a\u2066b',
};

/** The message for this one field, or undefined when the field's value is accepted. */
function fieldMessage(schema: z.ZodType, field: string, value: string): string | undefined {
  // "name.th": one language of a localised field (lib/validation/localized-text-input.ts).
  const [top, locale] = field.split('.') as [string, string | undefined];
  const result = schema.safeParse({ [top]: locale ? { en: 'x', [locale]: value } : value });
  const path = locale ? [top, locale] : [top];
  return result.success ? undefined : result.error.issues.find((issue) => path.every((part, i) => issue.path[i] === part))?.message;
}

describe('text fields refuse control characters with a message written for people', () => {
  for (const [form, schema, fields] of oneLineFields) {
    for (const field of fields) {
      it(`${form} ${field}: one line, no control characters`, () => {
        expect(fieldMessage(schema, field, 'Nanning Hall · 南宁 — “ok”')).toBeUndefined();
        for (const [what, value] of Object.entries({ ...LINE_BREAKS, ...CONTROLS })) {
          expect(fieldMessage(schema, field, value), what).toBe('oneLine');
        }
      });
    }
  }
  for (const [form, schema, fields] of multiLineFields) {
    for (const field of fields) {
      it(`${form} ${field}: line breaks allowed, other control characters refused`, () => {
        for (const value of ['First\nsecond', 'First\r\nsecond', 'First\rsecond', 'Col\tumn'])
          expect(fieldMessage(schema, field, value), JSON.stringify(value)).toBeUndefined();
        for (const [what, value] of Object.entries(CONTROLS)) expect(fieldMessage(schema, field, value), what).toBe('controlChars');
        for (const what of ['NEL', 'line separator', 'paragraph separator'] as const)
          expect(fieldMessage(schema, field, LINE_BREAKS[what]), what).toBe('controlChars');
      });
    }
  }

  it('multi-line text keeps every line break as LF, whatever the browser sent', () => {
    expect(multiLineText(100).parse('  one\r\ntwo\rthree\nfour  ')).toBe('one\ntwo\nthree\nfour');
    expect(singleLineText(100).parse('  one line  ')).toBe('one line');
  });
});
