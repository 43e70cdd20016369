import { eq, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { meetings, registrations } from '@/db/schema';

/** The other person of each of someone's meetings: join it on `joinOn`, filter with `involving`. */
export function otherParty(personId: string): {
  other: ReturnType<typeof alias<typeof registrations, 'other'>>;
  joinOn: SQL;
  involving: SQL;
} {
  const other = alias(registrations, 'other');
  return {
    other,
    joinOn: sql`${other.id} = case when ${meetings.requesterId} = ${personId} then ${meetings.inviteeId} else ${meetings.requesterId} end`,
    involving: or(eq(meetings.requesterId, personId), eq(meetings.inviteeId, personId))!,
  };
}
