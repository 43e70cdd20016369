import { errorResponse } from '@/lib/errors/http';
import { NO_SUCH_FORUM } from '@/lib/edge/context';
import { eventRoute } from '@/lib/edge/route';
import { notFound } from '@/lib/errors/result';
import { outcomeJson } from '@/lib/outcomes/api-json';
import { eventOutcomes } from '@/lib/outcomes/public-outcomes';

export const dynamic = 'force-dynamic';

/** The public outcomes of a published forum (MoUs, agreements, transfers) with their figures; private ones are never here. */
export const GET = eventRoute(async ({ db, slug }) => {
  const found = await eventOutcomes(db, slug);
  if (!found) return errorResponse(notFound(NO_SUCH_FORUM));
  return Response.json({
    outcomes: found.outcomes.map(outcomeJson),
    figures: { ...found.figures, meetingsHeld: found.meetings.accepted, meetingsWithOutcome: found.meetings.withOutcome },
  });
});
