/**
 * An approved exhibitor's logo from the public logo route, or nothing. In the directory the name is
 * beside it, so it is decorative there (`alt=""`); on the exhibitor's page it names itself.
 */
export function ExhibitorLogo({
  eventSlug,
  exhibitor,
  alt,
  size,
}: {
  eventSlug: string;
  exhibitor: { slug: string; hasLogo: boolean };
  alt: string;
  size: number;
}) {
  if (!exhibitor.hasLogo) return null;
  return (
    // biome-ignore lint/performance/noImgElement: the logo is served by our own route with its own caching; next/image would add nothing here.
    <img
      src={`/events/${eventSlug}/exhibitors/${exhibitor.slug}/logo`}
      alt={alt}
      width={size}
      height={size}
      loading="lazy"
      data-testid="exhibitor-logo"
      style={{ objectFit: 'contain', maxWidth: '100%', display: 'block', marginBottom: '.5rem' }}
    />
  );
}
