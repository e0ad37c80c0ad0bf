import { safeCsv } from '../report/safe-csv';

/** One exported column of a table: its CSV header and how to read the raw (unformatted) value from a row. */
export interface CsvColumn<Row> {
  label: string;
  value: (row: Row) => unknown;
}

/**
 * The CSV of a table as shown (same columns, same rows), written by papaparse through
 * `safeCsv`: numbers at full precision, null/undefined as empty cells, and text cells and
 * headers that start with `=`, `+`, `-`, `@` neutralised against spreadsheet formula
 * injection (OWASP "CSV Injection"). Duplicate headers get a ` (2)` suffix so no column is lost.
 */
export function tableCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const seen = new Map<string, number>();
  const fields = columns.map((column) => {
    const count = (seen.get(column.label) ?? 0) + 1;
    seen.set(column.label, count);
    return count === 1 ? column.label : `${column.label} (${count})`;
  });
  const records = rows.map((row) => Object.fromEntries(columns.map((column, i) => [fields[i], csvValue(column.value(row))])));
  return safeCsv(fields, records);
}

/** Booleans as true/false, dates as ISO text, non-finite numbers as empty (never NaN in a file). */
function csvValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/** The download name of a table's CSV: `annoqa-<what the table is>.csv`. */
export function tableCsvFileName(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `annoqa-${slug || 'table'}.csv`;
}

/** The two ends of an interval as separate columns (`<label> low`, `<label> high`). */
export function intervalColumns<Row>(
  label: string,
  interval: (row: Row) => readonly [number, number] | null | undefined,
): CsvColumn<Row>[] {
  return [
    { label: `${label} low`, value: (row) => interval(row)?.[0] ?? null },
    { label: `${label} high`, value: (row) => interval(row)?.[1] ?? null },
  ];
}

/** Columns for a two-column summary table of named measures (`[name, raw value]` rows). */
export const MEASURE_COLUMNS: CsvColumn<readonly [string, unknown]>[] = [
  { label: 'measure', value: (row) => row[0] },
  { label: 'value', value: (row) => row[1] },
];
