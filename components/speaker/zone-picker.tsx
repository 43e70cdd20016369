'use client';

import { useEffect, useState } from 'react';

type Props = { current: string | null; zones: string[]; labels: { pick: string; apply: string; browser: string } };

/**
 * Chooses the zone the speaker's own times are shown in (?tz=…). With no zone saved or chosen, the
 * browser's zone is used, as on the public agenda: only the browser knows it, so it reloads once.
 */
export function ZonePicker({ current, zones, labels }: Props) {
  const [browserZone, setBrowserZone] = useState<string | null>(null);
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    setBrowserZone(zone);
    if (!current && zone) {
      const url = new URL(window.location.href);
      url.searchParams.set('tz', zone);
      window.location.replace(url.pathname + url.search + url.hash);
    }
  }, [current]);
  return (
    <form
      method="get"
      action="/speaker"
      className="card"
      style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', alignItems: 'flex-end' }}
    >
      <div className="field" style={{ marginBottom: 0 }}>
        <label htmlFor="tz-pick">{labels.pick}</label>
        <select id="tz-pick" name="tz" defaultValue={current ?? ''}>
          {!current && <option value="" />}
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </div>
      <button className="button secondary" type="submit">
        {labels.apply}
      </button>
      {browserZone && browserZone !== current && (
        <a href={`/speaker?tz=${encodeURIComponent(browserZone)}`} data-testid="browser-zone">
          {labels.browser.replace('{zone}', browserZone)}
        </a>
      )}
    </form>
  );
}
