import { route } from '@/lib/edge/route';
import { localeOrDefault } from '@/lib/i18n/locales';
import { errorResponse } from '@/lib/errors/http';
import { notFound } from '@/lib/errors/result';
import { speakerFeed } from '@/lib/speakers/feed';

export const dynamic = 'force-dynamic';

/** A speaker's personal feed: /speaker/calendar/<secret>.ics (?lang=zh, ja, ko, th… for titles in that language). */
export const GET = route<{ file: string }>(async ({ request, params, db }) => {
  const file = params.file;
  const token = file.endsWith('.ics') ? file.slice(0, -4) : '';
  const feed = token ? await speakerFeed(db, token, localeOrDefault(new URL(request.url).searchParams.get('lang'))) : null;
  if (!feed) return errorResponse(notFound('No such calendar feed'));
  return new Response(feed.body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${feed.filename.replace(/[^a-z0-9._-]/gi, '-')}"`,
      // The link is a secret: keep it out of shared caches and search engines.
      'Cache-Control': 'private, max-age=60',
      'X-Robots-Tag': 'noindex',
      'Referrer-Policy': 'no-referrer',
    },
  });
});
