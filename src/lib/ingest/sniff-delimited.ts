import Papa from 'papaparse';
import { IngestError } from './ingest-error';

/** What papaparse saw at the start of a delimited file: enough to map columns and drive DuckDB's reader. */
export interface DelimitedPreview {
  delimiter: string;
  /** Header names, made unique and non-empty exactly as the loader will name the columns. */
  columns: string[];
  /** The first data rows, for the mapping preview. */
  rows: string[][];
}

const DELIMITERS = [',', '\t', ';', '|'];

/**
 * Sniffs the delimiter, header and first rows of CSV/TSV text with papaparse. Bulk loading
 * is DuckDB's job; this only previews (STACK.md: papaparse is 2–3× slower than read_csv).
 */
export function sniffDelimited(fileName: string, text: string, previewRows = 20): DelimitedPreview {
  const parsed = Papa.parse<string[]>(text, {
    preview: previewRows + 1,
    delimitersToGuess: DELIMITERS,
    skipEmptyLines: true,
  });
  const [header, ...rows] = parsed.data;
  if (!header || header.every((name) => name.trim() === '')) {
    throw new IngestError(fileName, 'no header row: the first line must name the columns', 1);
  }
  return { delimiter: parsed.meta.delimiter, columns: uniqueColumnNames(header), rows };
}

/** Blank names become `column_N`; repeated names get `_2`, `_3` … (first one keeps its name). */
export function uniqueColumnNames(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const name = raw.trim() || `column_${i + 1}`;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name}_${count}`;
  });
}
