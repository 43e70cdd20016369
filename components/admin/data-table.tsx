import type { ReactNode } from 'react';
import type { TableSort } from '@/lib/pagination/table-sort';

export type Column<Row> = {
  /** Names the column in the URL when it sorts (?sort=<key>). */
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
  /** The cell that names its row (a row header for screen readers). */
  rowHeader?: boolean;
  /** Makes the header a sort link; what this component orders the rows by. */
  sortValue?: (row: Row) => string | number;
  /** Makes the header a sort link for rows the server already orders (paged lists). */
  sortedByServer?: boolean;
};

type Props<Row> = {
  /** Names the table for screen readers: its caption and its scroll region. */
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** data-* attributes a row carries (tests and styles find rows by them). */
  rowData?: (row: Row) => Record<`data-${string}`, string>;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  testId?: string;
  /** The order asked for in the URL, and the link to another order; only for tables that hold every row. */
  sort?: { current: TableSort; href: (sort: TableSort) => string; locale: string };
};

/**
 * The admin table: a caption, column headers (sortable ones are links, so sorting works without
 * JavaScript, and the sorted one carries aria-sort), an empty state, and a focusable scroll region (a named section: role region)
 * so a wide table scrolls in its own box on a phone instead of widening the page.
 */
export function DataTable<Row>({ caption, columns, rows, rowKey, rowData, empty, testId, sort }: Props<Row>) {
  if (rows.length === 0) return <>{empty}</>;
  const sortable = (c: Column<Row>) => Boolean(sort && (c.sortValue || c.sortedByServer));
  const active = columns.find((c) => sortable(c) && c.key === sort?.current.by);
  const ordered = active?.sortValue && sort ? sortRows(rows, active.sortValue, sort.current.dir, sort.locale) : rows;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll region must be reachable by keyboard to be scrolled (WCAG 2.1.1, axe scrollable-region-focusable)
    <section className="admin-table-wrap" aria-label={caption} tabIndex={0}>
      <table className="admin-table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={column.numeric ? 'num' : undefined}
                aria-sort={active === column ? (sort!.current.dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {sort && sortable(column) ? (
                  <a href={sort.href({ by: column.key, dir: active === column && sort.current.dir === 'asc' ? 'desc' : 'asc' })}>
                    {column.header}
                    {active === column && <span aria-hidden="true">{sort.current.dir === 'asc' ? ' ▲' : ' ▼'}</span>}
                  </a>
                ) : (
                  column.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ordered.map((row) => (
            <tr key={rowKey(row)} {...rowData?.(row)}>
              {columns.map((column) =>
                column.rowHeader ? (
                  <th key={column.key} scope="row" {...numericClass(column)}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} {...numericClass(column)}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * A numeric cell's class, and no attribute at all otherwise: an undefined prop still costs its name and
 * `"$undefined"` in the page's RSC payload, once per cell (100 rows × 9 columns on a registrations page).
 */
function numericClass(column: { numeric?: boolean }): { className?: string } {
  return column.numeric ? { className: 'num' } : {};
}

function sortRows<Row>(rows: Row[], value: (row: Row) => string | number, dir: 'asc' | 'desc', locale: string): Row[] {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y)));
  });
}
