/**
 * A calendar file behind a secret link or a sign-in (someone's own meetings or agenda): kept out of
 * shared caches and search engines.
 */
export function privateCalendarResponse(body: string, filename: string, disposition: 'attachment' | 'inline' = 'attachment'): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `${disposition}; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex',
    },
  });
}
