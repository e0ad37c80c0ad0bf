import { uniqueColumnNames } from '../sniff-delimited';

/** Flat records with string cells (null = missing), as a table: column names in first-seen order. */
export interface FlatTable {
  columns: string[];
  rows: (string | null)[][];
}

/**
 * Turns parsed records (NDJSON lines, Parquet rows, a JSON array) into a string table:
 * numbers and booleans as text, BigInt as its digits, dates as ISO 8601, nested values as
 * JSON, null/undefined as missing.
 */
export function flattenRecords(records: readonly Record<string, unknown>[]): FlatTable {
  const index = new Map<string, number>();
  for (const record of records) for (const key of Object.keys(record)) if (!index.has(key)) index.set(key, index.size);
  const keys = [...index.keys()];
  const rows = records.map((record) => keys.map((key) => cellText(record[key])));
  return { columns: uniqueColumnNames(keys), rows };
}

/** One value as the text a CSV cell would hold; `null` when missing. */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
}

/** A table as RFC 4180 CSV (every cell quoted; missing cells empty), for DuckDB's reader. */
export function tableToCsv(table: FlatTable): string {
  const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
  const lines = [table.columns.map(quote).join(',')];
  for (const row of table.rows) lines.push(row.map((cell) => (cell === null ? '' : quote(cell))).join(','));
  return lines.join('\n') + '\n';
}
