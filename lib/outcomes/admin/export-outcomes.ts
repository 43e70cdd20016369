import type { Db } from '@/db/types';
import type { Actor } from '@/lib/auth/sessions';
import { CSV_BOM, csvRecord } from '@/lib/registration/admin/csv';
import { listOutcomes } from './list-outcomes';

/**
 * The registry as a spreadsheet, one outcome a line: parties as "Name (CN); Name (TH)". Every text
 * cell goes through csvCell, which makes a cell beginning with = + - @ inert (an organisation name
 * typed as "=HYPERLINK(…)" stays text).
 */
export async function exportOutcomesCsv(db: Db, actor: Actor | null, slug: string): Promise<{ filename: string; body: string }> {
  const { event, outcomes } = await listOutcomes(db, actor, slug);
  const header = ['kind', 'title', 'title_zh', 'parties', 'countries', 'sector', 'signed_on', 'session', 'listing', 'public'];
  const lines = outcomes.map((o) =>
    csvRecord([
      o.kind,
      o.title.en,
      o.title.zh ?? '',
      o.parties.map((p) => `${p.name} (${p.country})`).join('; '),
      [...new Set(o.parties.map((p) => p.country))].join(' '),
      o.sector,
      o.signedOn,
      o.session?.slug ?? '',
      o.listingTitle?.en ?? '',
      o.public ? 'yes' : 'no',
    ]),
  );
  return { filename: `${event.slug}-outcomes.csv`, body: CSV_BOM + csvRecord(header) + lines.join('') };
}
