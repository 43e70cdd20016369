'use client';

import { useEffect, useState } from 'react';

/** Offers the viewer's own zone (known only to the browser); the server then renders both times. */
export function ViewerZoneLink({ current, showLabel, hideLabel }: { current?: string; showLabel: string; hideLabel: string }) {
  const [zone, setZone] = useState<string | null>(null);
  useEffect(() => setZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  const withZone = (tz: string | null) => {
    const url = new URL(window.location.href);
    if (tz) url.searchParams.set('tz', tz);
    else url.searchParams.delete('tz');
    return url.pathname + url.search;
  };
  if (current) {
    return (
      <a href="#" onClick={(e) => { e.preventDefault(); window.location.assign(withZone(null)); }}>
        {hideLabel}
      </a>
    );
  }
  if (!zone) return null;
  return (
    <a href="#" data-testid="viewer-zone" onClick={(e) => { e.preventDefault(); window.location.assign(withZone(zone)); }}>
      {showLabel.replace('{zone}', zone)}
    </a>
  );
}
