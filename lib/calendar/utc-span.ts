/** An event's start and end for the ics package, written as UTC times so no VTIMEZONE is needed. */
export function utcSpan(startsAt: Date, endsAt: Date) {
  return {
    start: startsAt.getTime(),
    end: endsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    endInputType: 'utc',
    endOutputType: 'utc',
  } as const;
}
