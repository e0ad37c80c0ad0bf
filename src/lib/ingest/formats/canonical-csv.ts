import { literal } from '../../sql/sql';
import { parseTimestamp, timestampText } from './canonical-values';

/** A staging column: its name and the DuckDB type `read_csv` is told to read it as. */
export interface StagingColumn {
  name: string;
  type: 'VARCHAR' | 'DOUBLE' | 'BIGINT' | 'BOOLEAN' | 'TIMESTAMP';
}

/**
 * Serialises rows to CSV for DuckDB's `read_csv` (no JSON/Parquet extension exists here).
 * Strings are always quoted (so `""` is an empty string) and NULL is an unquoted empty field;
 * read it back with `allow_quoted_nulls = false`. Timestamps become UTC `YYYY-MM-DD HH:MM:SS.sss`.
 */
export function stagingCsv(columns: readonly StagingColumn[], rows: readonly Record<string, unknown>[]): string {
  const lines = [columns.map((c) => quote(c.name)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(c, row[c.name])).join(','));
  return lines.join('\n') + '\n';
}

/** The `read_csv(...)` call that reads `stagingCsv` output back with exact types. */
export function readStagingCsv(fileName: string, columns: readonly StagingColumn[]): string {
  const types = columns.map((c) => `${literal(c.name).text}: '${c.type}'`).join(', ');
  return `read_csv(${literal(fileName).text}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {${types}})`;
}

function cell(column: StagingColumn, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (column.type) {
    case 'VARCHAR':
      return quote(String(value));
    case 'BOOLEAN':
      return value ? 'true' : 'false';
    case 'TIMESTAMP': {
      const ms = parseTimestamp(value as string | number);
      return ms === undefined ? '' : timestampText(ms);
    }
    default:
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
  }
}

function quote(text: string): string {
  // eslint-disable-next-line no-control-regex -- DuckDB strings cannot hold NUL
  return `"${text.replace(/\u0000/g, '').replaceAll('"', '""')}"`;
}
