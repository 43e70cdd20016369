import { z } from 'zod';
import { vmsg } from './message';
import { isValidTimeZone } from '@/lib/time/zones';

/** An IANA zone such as Asia/Tokyo, stored in the spelling Intl resolves it to ("asia/tokyo" → "Asia/Tokyo"). */
export const timeZoneField = z
  .string({ error: vmsg('timeZone') })
  .trim()
  .max(64, vmsg('timeZone'))
  .refine(isValidTimeZone, vmsg('timeZone'))
  .transform((zone) => new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone);
