'use client';

import { useEffect, useState, useTransition } from 'react';
import type { DeskDelegation } from '@/lib/checkin/delegation';
import type { DelegationCheckInView } from '@/lib/checkin/describe';
import type { DeskMatch } from '@/lib/checkin/search';
import type { Result } from '@/lib/errors/result';

export type DeskSearchLabels = {
  search: string;
  hint: string;
  none: string;
  checkIn: string;
  checkedIn: string;
  waitlisted: string;
  delegation: {
    /** "{name}", "{count}" */
    checkIn: string;
    allIn: string;
    done: string;
    nobody: string;
    already: string;
    otherVenue: string;
    unknown: string;
    failed: string;
  };
};
type Search = (input: { query: string }) => Promise<Result<{ matches: DeskMatch[]; delegations: DeskDelegation[] }>>;
type CheckInDelegation = (input: { delegationId: string }) => Promise<Result<{ view: DelegationCheckInView }>>;

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));

/**
 * Find someone by part of their name, email or organisation; "Check in" sends their short code to the
 * desk. A person of a delegation, found here or scanned at the desk (`offered`), brings the offer to check
 * in the whole delegation at this desk's venue.
 */
export function DeskSearch({
  search,
  checkInDelegation,
  labels,
  offered = [],
  onPick,
  onChange,
}: {
  search: Search;
  checkInDelegation: CheckInDelegation;
  labels: DeskSearchLabels;
  /** The delegation of the person last scanned at the desk. */
  offered?: DeskDelegation[];
  onPick: (code: string) => void;
  /** Told after a delegation's check-in (the counts at the top follow). */
  onChange?: () => void;
}) {
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<DeskMatch[] | null>(null);
  const [found, setFound] = useState<DeskDelegation[]>([]);
  const [scanned, setScanned] = useState<DeskDelegation[]>(offered);
  useEffect(() => setScanned(offered), [offered]);
  const delegations = [...scanned, ...found.filter((d) => !scanned.some((s) => s.id === d.id))];
  const [groupResult, setGroupResult] = useState<DelegationCheckInView | 'failed' | null>(null);
  const [round, setRound] = useState(0);
  const [busy, startTransition] = useTransition();

  useEffect(() => {
    const typed = query.trim();
    if (typed.length < 2) {
      setMatches(null);
      setFound([]);
      return;
    }
    // Typing goes on between keys: ask once it pauses.
    const timer = setTimeout(
      () =>
        startTransition(async () => {
          try {
            const answer = await search({ query: typed });
            setMatches(answer.ok ? answer.matches : []);
            setFound(answer.ok ? answer.delegations : []);
          } catch {
            setMatches(null);
          }
        }),
      round ? 0 : 250,
    );
    return () => clearTimeout(timer);
  }, [query, search, round]);

  const admitDelegation = (delegationId: string) =>
    startTransition(async () => {
      try {
        const answer = await checkInDelegation({ delegationId });
        setGroupResult(answer.ok ? answer.view : 'failed');
        // Everyone of it at this desk is in now: a scanned offer says so (a search offer is asked again below).
        if (answer.ok && answer.view.outcome === 'checked-in') {
          setScanned((list) => list.map((d) => (d.id === delegationId ? { ...d, notYet: 0 } : d)));
        }
      } catch {
        setGroupResult('failed');
      }
      // The matches and the offer follow: search again at once.
      setRound((n) => n + 1);
      onChange?.();
    });

  return (
    <div className="card desk-search">
      <label htmlFor="desk-search">{labels.search}</label>
      <input
        id="desk-search"
        type="search"
        autoComplete="off"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-describedby="desk-search-hint"
      />
      <p id="desk-search-hint" className="muted">
        {labels.hint}
      </p>
      {matches && matches.length === 0 && <p className="muted">{labels.none}</p>}
      {delegations.length > 0 && (
        <ul className="desk-delegations" data-testid="desk-delegations">
          {delegations.map((d) => (
            <li key={d.id}>
              {d.notYet > 0 ? (
                <button type="button" className="button" disabled={busy} onClick={() => admitDelegation(d.id)}>
                  {fill(labels.delegation.checkIn, { name: d.name, count: d.notYet })}
                </button>
              ) : (
                <span className="muted">{fill(labels.delegation.allIn, { name: d.name })}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {groupResult && (
        <div
          className="card"
          role="status"
          data-testid="delegation-result"
          data-outcome={groupResult === 'failed' ? 'failed' : groupResult.outcome}
        >
          {groupResult === 'failed' ? (
            <p>{labels.delegation.failed}</p>
          ) : groupResult.outcome === 'other-venue' ? (
            <p>{labels.delegation.otherVenue}</p>
          ) : groupResult.outcome === 'unknown' ? (
            <p>{labels.delegation.unknown}</p>
          ) : (
            <>
              <p>
                <strong>
                  {groupResult.admitted.length
                    ? fill(labels.delegation.done, { name: groupResult.name ?? '', count: groupResult.admitted.length })
                    : fill(labels.delegation.nobody, { name: groupResult.name ?? '' })}
                </strong>
              </p>
              {groupResult.admitted.length > 0 && (
                <ul data-testid="delegation-admitted">
                  {groupResult.admitted.map((name) => (
                    <li key={name}>{name}</li>
                  ))}
                </ul>
              )}
              {groupResult.already.length > 0 && (
                <ul data-testid="delegation-already">
                  {groupResult.already.map((m) => (
                    <li key={m.name}>{fill(labels.delegation.already, m)}</li>
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
      )}
      {matches && matches.length > 0 && (
        <ul className="desk-matches" data-testid="desk-matches">
          {matches.map((m) => (
            <li key={m.registrationId}>
              <span>
                <strong>{m.name}</strong>
                <span className="muted">
                  {' '}
                  · {m.organisation} · {m.shortCode}
                </span>
              </span>
              {m.status === 'confirmed' ? (
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => onPick(m.shortCode)}
                  aria-label={`${labels.checkIn}: ${m.name}`}
                >
                  {labels.checkIn}
                </button>
              ) : (
                <span className="muted">{m.status === 'checked_in' ? labels.checkedIn : labels.waitlisted}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
