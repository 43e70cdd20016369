'use server';

import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { checkIn } from '@/lib/checkin/check-in';
import { checkInDelegation, type DeskDelegation, deskDelegationOf, deskDelegations } from '@/lib/checkin/delegation';
import { describeCheckIn, describeDelegationCheckIn, type CheckInView, type DelegationCheckInView } from '@/lib/checkin/describe';
import { deskSummary, deskVenueViews, type DeskVenueView } from '@/lib/checkin/desk-summary';
import { deskSearchSchema, queuedScanSchema } from '@/lib/checkin/schema';
import { type DeskMatch, searchDesk } from '@/lib/checkin/search';
import { printedShortCode } from '@/lib/tickets/short-code';
import { undoCheckIn, type UndoOutcome } from '@/lib/checkin/undo';
import { registerWalkIn } from '@/lib/checkin/walk-in';
import { eventAction } from '@/lib/edge/action';
import { countWrongTicketCode, overWrongTicketCodes } from '@/lib/edge/rate-limits';
import { DESK } from '@/lib/auth/authorize';
import { invalid, ok, type Result } from '@/lib/errors/result';
import type { Locale } from '@/lib/i18n/locales';
import { vmsg } from '@/lib/validation/message';

export async function checkInAction(slug: string, input: unknown): Promise<Result<{ view: CheckInView; delegations: DeskDelegation[] }>> {
  return eventAction(
    slug,
    'checkin',
    async ({ db, actor, event }) => {
      const parsed = queuedScanSchema.safeParse(input);
      if (!parsed.success) return invalid({ code: parsed.error.issues[0]?.message ?? vmsg('ticketCode') });
      const limited = await overWrongTicketCodes(actor!.userId);
      if (limited) return limited;
      const result = await checkIn(db, actor, event.slug, parsed.data.code, { scanKey: parsed.data.scanKey });
      if (result.outcome === 'unknown-code') await countWrongTicketCode(actor!.userId);
      const view = describeCheckIn(result, (await getLocale()) as Locale);
      // A delegation member at the door brings the offer to admit the rest of their delegation.
      const admitted = view.registrationId && (view.outcome === 'checked-in' || view.outcome === 'already');
      const delegations = admitted ? await deskDelegationOf(db, actor, event.slug, view.registrationId!) : [];
      return ok({ view, delegations });
    },
    DESK,
  );
}

export async function searchDeskAction(
  slug: string,
  input: unknown,
): Promise<Result<{ matches: DeskMatch[]; delegations: DeskDelegation[] }>> {
  return eventAction(
    slug,
    'checkin',
    async ({ db, actor, event }) => {
      const parsed = deskSearchSchema.safeParse(input);
      if (!parsed.success) return invalid({ query: parsed.error.issues[0]?.message ?? vmsg('invalid') });
      const matches = await searchDesk(db, actor, event.slug, parsed.data.query);
      const delegations = await deskDelegations(
        db,
        actor,
        event.slug,
        matches.flatMap((m) => (m.delegationId ? [m.delegationId] : [])),
      );
      return ok({ matches: matches.map((m) => ({ ...m, shortCode: printedShortCode(m.shortCode) })), delegations });
    },
    DESK,
  );
}

const undoSchema = z.object({ registrationId: z.uuid() });
const delegationSchema = z.object({ delegationId: z.uuid() });

/** Checks in every member of a found person's delegation at the desk's venue not yet checked in (lib/checkin/delegation.ts). */
export async function checkInDelegationAction(slug: string, input: unknown): Promise<Result<{ view: DelegationCheckInView }>> {
  return eventAction(
    slug,
    'checkin',
    async ({ db, actor, event }) => {
      const parsed = delegationSchema.safeParse(input);
      if (!parsed.success) return invalid({ delegationId: vmsg('invalid') });
      const result = await checkInDelegation(db, actor, event.slug, parsed.data.delegationId);
      return ok({ view: describeDelegationCheckIn(result) });
    },
    DESK,
  );
}

export async function undoCheckInAction(slug: string, input: unknown): Promise<Result<UndoOutcome>> {
  return eventAction(
    slug,
    'checkin',
    async ({ db, actor, event }) => {
      const parsed = undoSchema.safeParse(input);
      if (!parsed.success) return invalid({ registrationId: vmsg('invalid') });
      return ok(await undoCheckIn(db, actor, event.slug, parsed.data.registrationId));
    },
    DESK,
  );
}

export async function deskSummaryAction(slug: string): Promise<Result<{ venues: DeskVenueView[] }>> {
  return eventAction(
    slug,
    'checkin',
    async ({ db, actor, event }) => ok({ venues: deskVenueViews(await deskSummary(db, actor, event.slug), (await getLocale()) as Locale) }),
    DESK,
  );
}

export async function walkInAction(slug: string, input: unknown): Promise<Result<{ admitted: string | null; waitlisted: boolean }>> {
  return eventAction(
    slug,
    'checkin',
    async ({ db, actor, event }) => {
      const result = await registerWalkIn(db, actor, event.slug, input);
      if (!result.ok) return result;
      if ('waitlisted' in result) return ok({ admitted: null, waitlisted: true });
      return ok({ admitted: 'person' in result.checkIn ? result.checkIn.person.name : null, waitlisted: false });
    },
    DESK,
  );
}
