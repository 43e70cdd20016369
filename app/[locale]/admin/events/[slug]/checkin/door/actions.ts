'use server';

import { DESK } from '@/lib/auth/authorize';
import { doorScanSchema } from '@/lib/checkin/schema';
import { type DoorView, scanDoorView } from '@/lib/checkin/session-door';
import { eventAction } from '@/lib/edge/action';
import { countWrongTicketCode, overWrongTicketCodes } from '@/lib/edge/rate-limits';
import { invalid, ok, type Result } from '@/lib/errors/result';
import { vmsg } from '@/lib/validation/message';

/** A ticket scanned at a session's door: recorded once per person and session, only at the staff member's venues. */
export async function scanDoorAction(slug: string, input: unknown): Promise<Result<{ view: DoorView }>> {
  return eventAction(
    slug,
    'checkin',
    async ({ db, actor, event }) => {
      const parsed = doorScanSchema.safeParse(input);
      if (!parsed.success) return invalid({ code: parsed.error.issues[0]?.message ?? vmsg('ticketCode') });
      const limited = await overWrongTicketCodes(actor!.userId);
      if (limited) return limited;
      const view = await scanDoorView(db, actor, event.slug, parsed.data.sessionId, parsed.data.code);
      if (view.outcome === 'unknown-code') await countWrongTicketCode(actor!.userId);
      return ok({ view });
    },
    DESK,
  );
}
