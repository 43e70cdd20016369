'use client';

import type { Locale } from '@/lib/i18n/locales';
import { useCallback, useState } from 'react';
import type { DeskDelegation } from '@/lib/checkin/delegation';
import type { DeskVenueView } from '@/lib/checkin/desk-summary';
import type { Result } from '@/lib/errors/result';
import { CheckInDesk, type CheckInLabels } from './check-in-desk';
import { DeskSearch, type DeskSearchLabels } from './desk-search';
import { WalkInForm, type WalkInLabels } from './walk-in-form';

export type DeskBoardLabels = { desk: CheckInLabels; search: DeskSearchLabels; walkIn: WalkInLabels; venueHeading: string; count: string };

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));

/** The desk's page: its venue and today's count at the top, the search, then the scanner and its answers. */
export function DeskBoard({
  slug,
  venues: initialVenues,
  labels,
  actions,
  badgeHref,
  locale,
  countries,
}: {
  locale: Locale;
  countries: { code: string; name: string }[];
  slug: string;
  venues: DeskVenueView[];
  labels: DeskBoardLabels;
  badgeHref: string;
  actions: {
    submit: Parameters<typeof CheckInDesk>[0]['submit'];
    undo: Parameters<typeof CheckInDesk>[0]['undo'];
    search: Parameters<typeof DeskSearch>[0]['search'];
    checkInDelegation: Parameters<typeof DeskSearch>[0]['checkInDelegation'];
    summary: () => Promise<Result<{ venues: DeskVenueView[] }>>;
    walkIn: Parameters<typeof WalkInForm>[0]['submit'];
  };
}) {
  const [venues, setVenues] = useState(initialVenues);
  const [pick, setPick] = useState<{ code: string; n: number } | null>(null);
  const [scannedDelegations, setScannedDelegations] = useState<DeskDelegation[]>([]);
  const refresh = useCallback(async () => {
    try {
      const answer = await actions.summary();
      if (answer.ok) setVenues((old) => answer.venues.map((v) => ({ ...v, name: old.find((o) => o.id === v.id)?.name ?? v.name })));
    } catch {
      // Offline: the counts catch up with the next answer.
    }
  }, [actions]);

  return (
    <div className="checkin-board">
      <ul className="desk-venues" data-testid="desk-venues">
        {venues.map((v) => (
          <li key={v.id}>
            <strong>{fill(labels.venueHeading, { venue: v.name })}</strong>{' '}
            <span data-testid="desk-count">{fill(labels.count, { checkedIn: v.checkedInToday, expected: v.expected })}</span>
          </li>
        ))}
      </ul>
      <DeskSearch
        search={actions.search}
        checkInDelegation={actions.checkInDelegation}
        labels={labels.search}
        offered={scannedDelegations}
        onPick={(code) => setPick((p) => ({ code, n: (p?.n ?? 0) + 1 }))}
        onChange={() => void refresh()}
      />
      <CheckInDesk
        slug={slug}
        submit={actions.submit}
        undo={actions.undo}
        badgeHref={badgeHref}
        labels={labels.desk}
        onChange={() => void refresh()}
        onDelegations={setScannedDelegations}
        pick={pick}
      />
      {venues.map((v) => (
        <WalkInForm
          key={v.id}
          venueId={v.id}
          locale={locale}
          countries={countries}
          labels={{ ...labels.walkIn, heading: fill(labels.walkIn.heading, { venue: v.name }) }}
          submit={actions.walkIn}
          onDone={() => void refresh()}
        />
      ))}
    </div>
  );
}
