import { z } from 'zod';

/** The order an admin table is shown in, as its URL says: ?sort=<column key>&dir=asc|desc. */
export type TableSort = { by: string | null; dir: 'asc' | 'desc' };

const sortSchema = z.object({
  sort: z
    .string()
    .regex(/^[a-z][A-Za-z]{0,39}$/)
    .optional()
    .catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
});

/** Reads the order from a page's search params; anything malformed means the table's own order. */
export function tableSort(searchParams: Record<string, string | string[] | undefined>): TableSort {
  const parsed = sortSchema.parse({ sort: searchParams.sort, dir: searchParams.dir });
  return { by: parsed.sort ?? null, dir: parsed.dir ?? 'asc' };
}

/** The link to the same page in another order. */
export function tableSortHref(path: string, sort: TableSort): string {
  return sort.by ? `${path}?${new URLSearchParams({ sort: sort.by, dir: sort.dir })}` : path;
}
