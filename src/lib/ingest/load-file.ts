import Papa from 'papaparse';
import type { Connector } from '../db/connector';
import { sql } from '../sql/sql';
import { applyMappingOverrides, guessMapping, type ColumnMapping } from './column-mapping';
import { readInput, resolveFormat, type DetectedFormat, type FormatChoice, type ParsedInput } from './detect-format';
import { argillaAdapter } from './formats/argilla';
import type { AdapterResult, CanonicalRejection } from './formats/canonical-rows';
import { isObject } from './formats/canonical-values';
import { cocoAdapter } from './formats/coco';
import { cvatXmlAdapter } from './formats/cvat-xml';
import { flattenRecords, tableToCsv, type FlatTable } from './formats/flat-records';
import { labelStudioJsonAdapter } from './formats/label-studio-json';
import { labelStudioMinAdapter } from './formats/label-studio-min';
import { labelboxAdapter } from './formats/labelbox';
import { readParquetRecords } from './formats/parquet-records';
import type { JsonLine } from './formats/parse-json';
import { prodigyAdapter } from './formats/prodigy';
import { wideTableAdapter } from './formats/wide-table';
import { refreshQuestions, type LevelOverrides } from './infer-questions';
import { insertCanonicalRows } from './insert-canonical-rows';
import { IngestError } from './ingest-error';
import { loadDelimited } from './load-delimited';
import { claimSource, type LoadedSource } from './register-source';
import { uniqueColumnNames } from './sniff-delimited';

export interface LoadFileOptions {
  fileName: string;
  bytes: Uint8Array;
  /** `auto` (default) detects from the content; a named format is checked against it. */
  format?: FormatChoice;
  /** `gold`: the file is an answer key (judgement rows become gold rows). */
  role?: 'judgements' | 'gold';
  /** Column choices for long/wide tables (CSV, TSV, NDJSON, Parquet), over the automatic guess. */
  mapping?: ColumnMapping;
  /** Who annotated the file, for formats that do not say (CVAT, COCO, Prodigy without ids). */
  annotator?: string;
  /** The batch for every row, for formats without one. */
  batchId?: string;
  /** Label Studio JSON-MIN/CSV: the result (control) columns, when they cannot be told apart. */
  controls?: string[];
  /** The user's levels of measurement, passed on to `refreshQuestions`. */
  levels?: LevelOverrides;
  /** Called as work proceeds: bytes read so far and records parsed so far. */
  onProgress?: (bytesDone: number, records: number) => void;
}

/** A loaded file: its `sources` row, the format it was read as, and the column mapping used (tables). */
export interface LoadFileResult extends LoadedSource {
  detected: DetectedFormat;
  mapping?: ColumnMapping;
}

/**
 * The single entry point for the UI and the CLI: detects (or checks) the format from the
 * content, loads the file through the CSV loader (long CSV/TSV, and NDJSON/Parquet long
 * records) or through a format adapter + `insertCanonicalRows`, then refreshes `questions`.
 * Every record ends in `judgements`/`gold` or `rejections` (rows_read = loaded + rejected);
 * a file with the same SHA-256 as a loaded one is refused; problems that stop the whole file
 * throw an `IngestError` naming the file, the line or record, and what was expected.
 */
export async function loadFile(db: Connector, options: LoadFileOptions): Promise<LoadFileResult> {
  const { fileName, bytes } = options;
  const progress = options.onProgress ?? (() => {});
  const input = readInput(fileName, bytes);
  const detected = resolveFormat(fileName, input, options.format ?? 'auto', { role: options.role, mapping: options.mapping });
  progress(bytes.length, 0);
  const result = await loadDetected(db, options, input, detected);
  progress(bytes.length, result.rowsRead);
  await refreshQuestions(db, options.levels);
  return result;
}

async function loadDetected(
  db: Connector,
  options: LoadFileOptions,
  input: ParsedInput,
  detected: DetectedFormat,
): Promise<LoadFileResult> {
  const { fileName, bytes, role } = options;
  // Lines of a JSON Lines file that were not JSON objects are rejections of this file too.
  const lineRejections = input.kind === 'jsonl' ? input.rejections : [];
  const adapt = async (result: AdapterResult): Promise<LoadFileResult> => ({
    ...(await insertCanonicalRows(db, { fileName, bytes, format: detected, role, ...merge(result, lineRejections) })),
    detected,
  });
  const adapterOptions = { annotator: options.annotator, batchId: options.batchId };
  switch (detected) {
    case 'csv':
    case 'tsv': {
      const delimiter = input.kind === 'delimited' ? input.delimiter : undefined;
      return { ...(await loadDelimited(db, { fileName, bytes, role, mapping: options.mapping, delimiter })), detected };
    }
    case 'csv-wide':
      return wide(db, options, parseDelimited(input), detected);
    case 'labelstudio':
      return adapt(labelStudioJsonAdapter(jsonList(input), adapterOptions));
    case 'labelstudio-min':
      return adapt(
        labelStudioMinAdapter(fileName, jsonList(input).filter(isObject), {
          controls: options.controls,
          batchId: options.batchId,
        }),
      );
    case 'labelstudio-csv': {
      const table = parseDelimited(input);
      const rows = table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r[i]])));
      return adapt(labelStudioMinAdapter(fileName, rows, { controls: options.controls, batchId: options.batchId }));
    }
    case 'labelbox':
      return adapt(labelboxAdapter(jsonLines(input), adapterOptions));
    case 'prodigy':
      return adapt(prodigyAdapter(jsonLines(input), adapterOptions));
    case 'argilla':
      return adapt(argillaAdapter(jsonLines(input), { batchId: options.batchId }));
    case 'cvat':
      return adapt(cvatXmlAdapter(fileName, input.kind === 'xml' ? input.text : '', adapterOptions));
    case 'coco':
      return adapt(cocoAdapter(fileName, input.kind === 'json' && isObject(input.value) ? input.value : {}, adapterOptions));
    case 'ndjson': {
      const lines = jsonLines(input);
      const table = flattenRecords(lines.map((l) => l.value as Record<string, unknown>));
      return records(db, options, table, detected, lineRejections);
    }
    case 'parquet': {
      const rows = await readParquetRecords(fileName, bytes);
      options.onProgress?.(bytes.length, rows.length);
      return records(db, options, flattenRecords(rows), detected, []);
    }
  }
}

/**
 * Long or wide records from NDJSON/Parquet: a Parquet table is wide when no annotator column
 * is found but an item column is; long records go through the CSV loader (same mapping, checks and
 * duplicate rule), and the `sources` row is then set to the original file's format, size and
 * SHA-256. Lines that were not JSON are added as rejections.
 */
async function records(
  db: Connector,
  options: LoadFileOptions,
  table: FlatTable,
  detected: DetectedFormat,
  lineRejections: CanonicalRejection[],
): Promise<LoadFileResult> {
  const { fileName, bytes } = options;
  if (table.rows.length === 0 && lineRejections.length === 0) throw new IngestError(fileName, 'there are no records to load');
  const mapping = applyMappingOverrides(guessMapping(table.columns), options.mapping ?? {});
  // Wide tables come from spreadsheets and data frames (CSV, Parquet); JSON records are always long.
  const wideLayout =
    detected === 'parquet' && !mapping.annotator_id && mapping.item_id && options.role !== 'gold' && table.columns.length >= 3;
  if (wideLayout) return wide(db, options, table, detected, lineRejections);
  const { sha256 } = await claimSource(db, fileName, bytes);
  const loaded = await loadDelimited(db, {
    fileName,
    bytes: new TextEncoder().encode(tableToCsv(table)),
    role: options.role,
    mapping: options.mapping,
    delimiter: ',',
  });
  for (const r of lineRejections) {
    await db.query(
      sql`INSERT INTO rejections VALUES (${loaded.sourceId}, ${r.source_row}, ${r.line ?? null}, ${r.reason}, ${r.excerpt ?? null})`,
    );
  }
  const rowsRejected = loaded.rowsRejected + lineRejections.length;
  await db.query(sql`UPDATE sources SET format = ${detected}, bytes = ${bytes.length}, sha256 = ${sha256},
    rows_read = ${loaded.rowsLoaded + rowsRejected}, rows_rejected = ${rowsRejected} WHERE source_id = ${loaded.sourceId}`);
  return {
    ...loaded,
    format: detected,
    bytes: bytes.length,
    sha256,
    rowsRejected,
    rowsRead: loaded.rowsLoaded + rowsRejected,
    detected,
  };
}

async function wide(
  db: Connector,
  options: LoadFileOptions,
  table: FlatTable,
  detected: DetectedFormat,
  extra: CanonicalRejection[] = [],
): Promise<LoadFileResult> {
  const mapping = applyMappingOverrides(guessMapping(table.columns), options.mapping ?? {});
  const result = merge(wideTableAdapter(options.fileName, table, mapping), extra);
  const source = await insertCanonicalRows(db, {
    fileName: options.fileName,
    bytes: options.bytes,
    format: detected,
    role: options.role,
    ...result,
  });
  return { ...source, detected, mapping };
}

function parseDelimited(input: ParsedInput): FlatTable {
  if (input.kind !== 'delimited') return { columns: [], rows: [] };
  const parsed = Papa.parse<string[]>(input.readText(), { delimiter: input.delimiter, skipEmptyLines: true });
  const [header = [], ...rows] = parsed.data;
  return { columns: uniqueColumnNames(header), rows: rows.map((r) => r.map((c) => (c === '' ? null : c))) };
}

function jsonList(input: ParsedInput): unknown[] {
  if (input.kind === 'json') return Array.isArray(input.value) ? input.value : [input.value];
  if (input.kind === 'jsonl') return input.records.map((r) => r.value);
  return [];
}

function jsonLines(input: ParsedInput): JsonLine[] {
  if (input.kind === 'jsonl') return input.records;
  if (input.kind === 'json') {
    const list = Array.isArray(input.value)
      ? input.value
      : isObject(input.value) && Array.isArray(input.value.records)
        ? input.value.records
        : [input.value];
    return list.map((value, i) => ({ line: i + 1, value }));
  }
  return [];
}

function merge(result: AdapterResult, rejections: CanonicalRejection[]): AdapterResult {
  return { ...result, rejections: [...rejections, ...result.rejections] };
}
