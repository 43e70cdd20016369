import { certificateForManageToken } from '@/lib/certificates/certificate';
import { route } from '@/lib/edge/route';
import { errorResponse } from '@/lib/errors/http';
import { isLocale } from '@/lib/i18n/locales';

export const dynamic = 'force-dynamic';

/** GET /manage/<token>/certificate.pdf: the holder's certificate of attendance, after the event and a check-in only. */
export const GET = route<{ token: string; locale: string }>(async ({ params, db }) => {
  const result = await certificateForManageToken(db, params.token, isLocale(params.locale) ? params.locale : 'en');
  if (!result.ok) return errorResponse(result, { 'Cache-Control': 'no-store' });
  return new Response(Buffer.from(result.pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${result.filename}"`,
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex',
    },
  });
});
