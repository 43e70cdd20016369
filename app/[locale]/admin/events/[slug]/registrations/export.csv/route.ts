import { getDb } from '@/lib/database/process-database';
import { currentActor } from '@/lib/auth/current';
import { registrationsCsvResponse } from '@/lib/registration/admin/csv-response';

export const dynamic = 'force-dynamic';

/** GET …/registrations/export.csv?q=&venue=&mode=&status=&country=&type= — the table's filters. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return registrationsCsvResponse(await getDb(), await currentActor(), slug, new URL(request.url).searchParams);
}
