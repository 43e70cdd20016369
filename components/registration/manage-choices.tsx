'use client';

import { useState } from 'react';
import type { FormOptions } from '@/lib/agenda/form-options';

type Labels = {
  attendance: string;
  inPerson: string;
  venue: string;
  online: string;
  sessions: string;
  noSessions: string;
  /** "{sessions}" and "{place}" are filled in here. */
  cannotFollow: string;
};

type Props = {
  options: Pick<FormOptions, 'venues' | 'sessionsFor'>;
  mode: 'in_person' | 'online';
  venue: string | null;
  chosen: string[];
  labels: Labels;
};

/**
 * The attendance and session part of the manage form: switching venue or mode shows the sessions
 * open to the new choice at once, and names the chosen ones that cannot follow (they are dropped on
 * save), instead of a refusal from the server after the click.
 */
export function ManageChoices({ options, mode: initialMode, venue: initialVenue, chosen: initialChosen, labels }: Props) {
  const [mode, setMode] = useState(initialMode);
  const [venue, setVenue] = useState(initialVenue ?? '');
  const [chosen, setChosen] = useState(initialChosen);
  const key = mode === 'online' ? 'online' : venue;
  const available = options.sessionsFor[key] ?? [];
  const open = new Set(available.map((s) => s.id));
  const titles = new Map(Object.values(options.sessionsFor).flatMap((list) => list.map((s) => [s.id, s.title] as const)));
  const left = chosen.filter((id) => !open.has(id));
  const place = mode === 'online' ? labels.online : (options.venues.find((v) => v.slug === venue)?.label ?? '');

  return (
    <>
      <fieldset>
        <legend>{labels.attendance}</legend>
        <label className="check">
          <input type="radio" name="mode" value="in_person" checked={mode === 'in_person'} onChange={() => setMode('in_person')} />{' '}
          {labels.inPerson}
        </label>
        <select
          name="venue"
          aria-label={labels.venue}
          value={venue}
          onChange={(e) => {
            setVenue(e.target.value);
            setMode('in_person');
          }}
        >
          <option value="">—</option>
          {options.venues.map((v) => (
            <option key={v.slug} value={v.slug}>
              {v.label}
            </option>
          ))}
        </select>
        <label className="check">
          <input type="radio" name="mode" value="online" checked={mode === 'online'} onChange={() => setMode('online')} /> {labels.online}
        </label>
      </fieldset>
      <fieldset>
        <legend>{labels.sessions}</legend>
        <div aria-live="polite">
          {left.length > 0 && key !== '' && (
            <p className="notice bad" data-testid="cannot-follow">
              {labels.cannotFollow
                .replace('{place}', place)
                .replace('{sessions}', left.map((id) => `“${titles.get(id) ?? id}”`).join(', '))}
            </p>
          )}
        </div>
        {available.length === 0 && <p className="muted">{labels.noSessions}</p>}
        {available.map((s) => (
          <label key={s.id} className="check">
            <input
              type="checkbox"
              name="sessions"
              value={s.id}
              checked={chosen.includes(s.id)}
              onChange={(e) => setChosen(e.target.checked ? [...chosen, s.id] : chosen.filter((id) => id !== s.id))}
            />
            <span>
              {s.title}{' '}
              <span className="muted">
                · {s.day} · {s.time}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
    </>
  );
}
