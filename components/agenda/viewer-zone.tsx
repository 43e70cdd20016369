'use client';

import { useEffect, useState } from 'react';

function withZone(tz: string | null): string {
  const url = new URL(window.location.href);
  if (tz) url.searchParams.set('tz', tz);
  else url.searchParams.delete('tz');
  return url.pathname + url.search;
}

/**
 * Offers the viewer's own zone (known only to the browser); the server then renders both times.
 * The links are real links, made once the browser has told its zone and its address.
 */
export function ViewerZoneLink({ current, showLabel, hideLabel }: { current?: string; showLabel: string; hideLabel: string }) {
  const [links, setLinks] = useState<{ zone: string; show: string; hide: string } | null>(null);
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    setLinks({ zone, show: withZone(zone), hide: withZone(null) });
  }, []);
  if (!links) return null;
  if (current) return <a href={links.hide}>{hideLabel}</a>;
  return (
    <a href={links.show} data-testid="viewer-zone">
      {showLabel.replace('{zone}', links.zone)}
    </a>
  );
}
