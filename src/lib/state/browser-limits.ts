import { describeFormat, type DetectedFormat } from '../ingest/detect-format';

/**
 * Long CSV/TSV above this size are not loaded in the tab: duckdb-wasm's memory is capped
 * (~3.1 GiB, STACK.md). DuckDB's reader holds the file, the raw rows and the checked rows at
 * once; with the compressed database (`wasm-browser.ts`) a 500 MB CSV of 6.8M judgements peaked
 * at 2.8 GB of renderer memory (test/e2e/large-files.test.ts), so 1 GiB would not fit. The CLI
 * (native DuckDB) handles larger files.
 */
export const BROWSER_FILE_LIMIT_BYTES = 512 * 1024 ** 2;

/**
 * Files parsed in JavaScript (JSON, JSON Lines, XML, wide tables) above this size are
 * not loaded in the tab: the ingest worker holds the file, its parsed records and the staged
 * rows at once. A 200 MB Label Studio export peaked at 1.3 GB of renderer memory (page, ingest
 * worker and DuckDB; test/e2e/large-files.test.ts); 384 MiB extrapolates to ~2.3 GB, leaving
 * room under the worker's JavaScript heap and DuckDB's cap.
 */
export const BROWSER_PARSED_LIMIT_BYTES = 384 * 1024 ** 2;

/**
 * Parquet above this size is not loaded in the tab. Parquet is ~7× smaller than the same rows
 * as CSV and takes as much memory per row once decoded: in the benchmark's harness (Chromium,
 * full report), 2.5M judgements (47 MB) peaked at 2.7 GB of renderer memory, while 5M (68 MB)
 * loaded but ran out of DuckDB's memory in the report.
 */
export const BROWSER_PARQUET_LIMIT_BYTES = 48 * 1024 ** 2;

/** The largest file of a format a browser tab loads (long CSV/TSV through DuckDB's reader, Parquet decoded to Arrow, others parsed in JS). */
export function browserLimitFor(format: DetectedFormat | null): number {
  if (format === 'parquet') return BROWSER_PARQUET_LIMIT_BYTES;
  return format === 'csv' || format === 'tsv' ? BROWSER_FILE_LIMIT_BYTES : BROWSER_PARSED_LIMIT_BYTES;
}

/** A message for a file too large for the browser, naming the limit for its format and pointing at the CLI. */
export function tooLargeForBrowser(fileName: string, bytes: number, format: DetectedFormat | null = 'csv'): string {
  const size = (n: number) => (n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GiB` : `${Math.round(n / 1024 ** 2)} MiB`);
  const limit = browserLimitFor(format);
  const what = format ? `${describeFormat(format)} ` : 'a file ';
  return `${fileName} is ${size(bytes)}: more than a browser tab can load as ${what}(limit ${size(limit)}; DuckDB in the browser has about 3 GiB of memory). Use the command line, which runs the same analysis on native DuckDB: npm run -s annoqa -- report ${fileName} --engine native --json`;
}
