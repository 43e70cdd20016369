import { z } from 'zod';
import { getDb } from '@/lib/database/process-database';
import { agendaRoute } from '@/lib/edge/route';
import { categoryJson } from '@/lib/registration/categories/api-json';
import { categoryFields } from '@/lib/registration/categories/category-fields';
import { offeredCategories } from '@/lib/registration/categories/public-categories';

export const dynamic = 'force-dynamic';

const query = z.object({ code: categoryFields.code });

/**
 * The attendee categories a published forum's registration offers: the public ones, and with a valid
 * `?code=` the hidden one it opens. A wrong code is answered like no code (nothing tells whether a
 * hidden category exists). POST …/registrations chooses one in `category` (with `code`).
 */
export const GET = agendaRoute(async ({ request, agenda }) => {
  const parsed = query.safeParse({ code: new URL(request.url).searchParams.get('code') });
  const code = parsed.success ? parsed.data.code : null;
  const { categories } = await offeredCategories(await getDb(), agenda.event.id, code, new Date());
  const venueSlugs = new Map(agenda.venues.map((v) => [v.id, v.slug]));
  return Response.json({ categories: categories.map((c) => categoryJson(c, venueSlugs)) });
});
