import { z } from 'zod';
import { vmsg } from '@/lib/validation/message';
import { singleLineText } from '@/lib/validation/text';

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** The part of a public address that names a venue or speaker; unique within the event. */
export const slugField = z
  .string({ error: vmsg('text') })
  .trim()
  .max(80, vmsg('tooLong', { max: 80 }))
  .regex(SLUG, vmsg('slug'));

export const requiredText = (max: number) => singleLineText(max).pipe(z.string().min(1, vmsg('required')));

/**
 * A whole number of seats or a position, typed into a form (a string) or sent as a number. Empty
 * means "none" (null) where `optional`, and is an error otherwise.
 */
function count(max: number, optional: boolean) {
  return z
    .union([z.number(), z.string(), z.null()], { error: vmsg('wholeNumber') })
    .optional()
    .transform((raw, ctx) => {
      const text = typeof raw === 'string' ? raw.trim() : raw;
      if (text === '' || text === null || text === undefined) {
        if (optional) return null;
        ctx.addIssue({ code: 'custom', message: vmsg('required') });
        return z.NEVER;
      }
      const value = typeof text === 'number' ? text : /^[-+]?\d+$/.test(text) ? Number(text) : Number.NaN;
      if (!Number.isInteger(value)) ctx.addIssue({ code: 'custom', message: vmsg('wholeNumber') });
      else if (value < 0) ctx.addIssue({ code: 'custom', message: vmsg('tooSmall', { min: 0 }) });
      else if (value > max) ctx.addIssue({ code: 'custom', message: vmsg('tooBig', { max }) });
      else return value;
      return z.NEVER;
    });
}

export const optionalCount = (max: number) => count(max, true);
export const requiredCount = (max: number) => count(max, false) as z.ZodType<number, string | number | null | undefined>;
