import { z } from 'zod';
import { isValidTimeZone } from '@/lib/time/zones';

/** An IANA zone such as Asia/Tokyo, stored in the spelling Intl resolves it to ("asia/tokyo" → "Asia/Tokyo"). */
export const timeZoneField = z
  .string({ error: 'must be a time zone' })
  .trim()
  .max(64, 'must be an IANA time zone such as Asia/Tokyo')
  .refine(isValidTimeZone, 'must be an IANA time zone such as Asia/Tokyo')
  .transform((zone) => new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone);
