'use client';

import { useEffect, useState, useTransition } from 'react';
import type { DeskMatch } from '@/lib/checkin/search';
import type { Result } from '@/lib/errors/result';

export type DeskSearchLabels = { search: string; hint: string; none: string; checkIn: string; checkedIn: string; waitlisted: string };
type Search = (input: { query: string }) => Promise<Result<{ matches: DeskMatch[] }>>;

/** Find someone by part of their name, email or organisation; "Check in" sends their short code to the desk. */
export function DeskSearch({ search, labels, onPick }: { search: Search; labels: DeskSearchLabels; onPick: (code: string) => void }) {
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<DeskMatch[] | null>(null);
  const [, startTransition] = useTransition();

  useEffect(() => {
    const typed = query.trim();
    if (typed.length < 2) {
      setMatches(null);
      return;
    }
    // Typing goes on between keys: ask once it pauses.
    const timer = setTimeout(
      () =>
        startTransition(async () => {
          try {
            const answer = await search({ query: typed });
            setMatches(answer.ok ? answer.matches : []);
          } catch {
            setMatches(null);
          }
        }),
      250,
    );
    return () => clearTimeout(timer);
  }, [query, search]);

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
