import { z } from 'zod';
import { locales } from '@/lib/i18n/locales';
import { vmsg } from '@/lib/validation/message';
import { singleLineText } from '@/lib/validation/text';

/** What a registrant changes about themself from their manage link (the address has its own, confirmed, way). */
export const ownDetailsSchema = z.object({
  name: singleLineText(120).pipe(z.string().min(1, vmsg('required'))),
  organisation: singleLineText(200).default(''),
  locale: z.enum(locales, { error: vmsg('emailLanguage') }),
});

export type OwnDetailsValues = z.input<typeof ownDetailsSchema> & { answers?: Record<string, unknown> };
