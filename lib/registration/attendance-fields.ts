import { z } from 'zod';
import { vmsg } from '@/lib/validation/message';
import { ATTENDANCE_MODES } from './choices-lists';

/** How, where and for which sessions a person attends: the fields the registration form and the manage page share. */
export const attendanceFields = {
  mode: z.enum(ATTENDANCE_MODES, { error: vmsg('mode') }),
  venue: z
    .string({ error: vmsg('venue') })
    .trim()
    .max(80, vmsg('venue'))
    .regex(/^[a-z0-9-]*$/, vmsg('venue'))
    .nullish()
    .transform((v) => v || null),
  sessions: z
    .array(z.uuid({ error: vmsg('sessions') }), { error: vmsg('sessions') })
    .max(40, vmsg('tooMany', { max: 40 }))
    .default([])
    .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]),
};

/** In person needs a venue; online does not. */
export function requireVenueInPerson(value: { mode: string; venue: string | null }, ctx: z.RefinementCtx): void {
  if (value.mode === 'in_person' && !value.venue) ctx.addIssue({ code: 'custom', path: ['venue'], message: vmsg('venueRequired') });
}
