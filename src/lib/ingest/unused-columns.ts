import type { Connector } from '../db/connector';
import { sql } from '../sql/sql';
import type { ColumnMapping } from './column-mapping';

/** The columns no canonical field is mapped to, in header order. */
export function unusedColumns(columns: readonly string[], mapping: ColumnMapping): string[] {
  const used = new Set(Object.values(mapping));
  return columns.filter((c) => !used.has(c));
}

/**
 * Records the columns of a long table that map to no canonical field in `warnings` (one row
 * per file, no source_row): their values are not loaded, and the user should know which.
 */
export async function warnUnusedColumns(
  db: Connector,
  sourceId: number,
  columns: string[],
  mapping: ColumnMapping,
): Promise<void> {
  const unused = unusedColumns(columns, mapping);
  if (unused.length === 0) return;
  const message = `not used: ${unused.join(', ')} (${unused.length === 1 ? 'this column maps' : 'these columns map'} to no canonical field; map ${unused.length === 1 ? 'it' : 'one'} in the loading dialog or with --map COLUMN=field)`;
  await db.query(sql`INSERT INTO warnings VALUES (${sourceId}, NULL, ${message})`);
}
