import { mapUrl } from '@/lib/format/venue-address';

/** A venue's street address with a link to find it on a map; nothing for a venue without one. */
export function VenueAddress({ address, mapLabel }: { address: string; mapLabel: string }) {
  const url = mapUrl(address);
  if (!url) return null;
  return (
    <span className="address" data-testid="venue-address">
      {address} ·{' '}
      <a href={url} target="_blank" rel="noopener noreferrer">
        {mapLabel}
      </a>
    </span>
  );
}
