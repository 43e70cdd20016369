import { type parse, type QueryOptions, type Results, types } from '@electric-sql/pglite';

export type BackendMessage = Parameters<typeof parse.parseResults>[0][number];
export type ResultField = { name: string; dataTypeID: number };
type Parser = (value: string, typeId: number) => unknown;

/**
 * The rows of one statement's run, as PGlite's own `parseResults` gives them (object or array rows,
 * its type parsers, the caller's parsers first, the command and its row counts), for a statement
 * whose result columns are known ahead. PGlite's own copies all of its parsers into a new object on
 * every run that brings parsers of its own, which Drizzle's every query does: hundreds of keys a
 * statement, 14% of the server's CPU in an open-loop registration profile.
 */
export function statementResults<T>(
  messages: BackendMessage[],
  fields: ResultField[],
  parsers: Record<number | string, Parser>,
  options?: QueryOptions,
): Results<T> {
  const own = options?.parsers as Record<number | string, Parser> | undefined;
  const columnParsers = fields.map(({ dataTypeID }) => own?.[dataTypeID] ?? parsers[dataTypeID] ?? types.parsers[dataTypeID]);
  const parseField = (value: string | null, i: number) => {
    if (value === null) return null;
    const parser = columnParsers[i];
    return parser ? parser(value, fields[i]!.dataTypeID) : value;
  };
  const rows: unknown[] = [];
  let result: Results<T> | null = null;
  for (const message of messages) {
    if (message.name === 'dataRow') {
      const values = (message as unknown as { fields: (string | null)[] }).fields;
      if (options?.rowMode === 'array') rows.push(values.map(parseField));
      else {
        const row: Record<string, unknown> = {};
        values.forEach((value, i) => {
          row[fields[i]!.name] = parseField(value, i);
        });
        rows.push(row);
      }
    } else if (message.name === 'commandComplete') {
      // A tag that carries a row count ends in it ("SELECT 2", "INSERT 0 5"); others end in a word.
      const parts = (message as unknown as { text: string }).text.split(' ');
      const command = parts[0]!;
      const rowCount = Number.parseInt(parts[parts.length - 1]!, 10);
      const affectedRows = ['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE'].includes(command) ? rowCount : 0;
      result = { rows: rows as T[], fields, command, affectedRows, ...(Number.isNaN(rowCount) ? {} : { rowCount }) } as Results<T>;
    }
  }
  return result ?? ({ rows: [], fields: [], affectedRows: 0 } as Results<T>);
}
