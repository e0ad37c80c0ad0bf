import type { Table } from 'apache-arrow';
import { plainRow, type Row } from './connector';

/** Turns a (small) Arrow result table from duckdb-wasm into plain rows. */
export function arrowToRows<T extends Row>(table: Table): T[] {
  const rows: T[] = [];
  for (const row of table) {
    if (row) rows.push(plainRow(row.toJSON() as Record<string, unknown>) as T);
  }
  return rows;
}
