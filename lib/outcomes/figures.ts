import { and, count, eq, sql } from 'drizzle-orm';
import { meetings, type OutcomeKind, type OutcomeParty, type Sector } from '@/db/schema';
import type { Db } from '@/db/types';

/** The meetings side of the figures: accepted meetings, and those whose outcome one side recorded. */
export type MeetingFigures = { accepted: number; withOutcome: number; mouIntended: number };

export async function meetingFigures(db: Db, eventId: string): Promise<MeetingFigures> {
  const [row] = await db
    .select({
      accepted: count(),
      withOutcome: count(meetings.outcome),
      mouIntended: sql<number>`count(*) filter (where ${meetings.outcome} = 'mou')`.mapWith(Number),
    })
    .from(meetings)
    .where(and(eq(meetings.eventId, eventId), eq(meetings.status, 'accepted')));
  return { accepted: row?.accepted ?? 0, withOutcome: row?.withOutcome ?? 0, mouIntended: row?.mouIntended ?? 0 };
}

export type Tally<K extends string> = { key: K; count: number }[];

/** Counts by key, most first, then by key so that equal counts keep one order. */
function tally<K extends string>(keys: K[]): Tally<K> {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, n]) => ({ key, count: n })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/**
 * The reported figures of a set of outcomes: how many of each kind, in each sector, and with each
 * country (an outcome counts once for every country among its parties, so a China–Thailand MoU
 * counts for both).
 */
export function outcomeFigures(rows: { kind: OutcomeKind; sector: Sector; parties: OutcomeParty[] }[]) {
  return {
    total: rows.length,
    byKind: tally(rows.map((r) => r.kind)),
    bySector: tally(rows.map((r) => r.sector)),
    byCountry: tally(rows.flatMap((r) => [...new Set(r.parties.map((p) => p.country))])),
  };
}
export type OutcomeFigures = ReturnType<typeof outcomeFigures>;
