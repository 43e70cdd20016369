import { route } from '@/lib/edge/route';
import { errorResponse } from '@/lib/errors/http';
import { isLocale } from '@/lib/i18n/locales';
import { visaLetterForManageToken } from '@/lib/visa/letters';

export const dynamic = 'force-dynamic';

/** GET /manage/<token>/visa-letter.pdf: the holder's issued invitation letter; nothing before it is issued. */
export const GET = route<{ token: string; locale: string }>(async ({ params, db }) => {
  const result = await visaLetterForManageToken(db, params.token, isLocale(params.locale) ? params.locale : 'en');
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
