import Papa from 'papaparse';
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
import { flatParquet, parquetToArrow, type ParquetWasmSource } from './formats/parquet-arrow';
import { readParquetRecords } from './formats/parquet-records';
import type { JsonLine } from './formats/parse-json';
import { prodigyAdapter } from './formats/prodigy';
import { wideTableAdapter } from './formats/wide-table';
import type { ProgressListener } from './ingest-progress';
import { IngestError } from './ingest-error';
import { parseJsonArrayElements } from './json-array-elements';
import { sha256Hex } from './sha256';
import { uniqueColumnNames } from './sniff-delimited';
import { stageCanonicalRows, stageRejections, type StagedRows } from './stage-canonical-rows';

export interface ParseFileOptions {
  fileName: string;
  bytes: Uint8Array;
  /** The bytes' SHA-256 when it is known already; computed otherwise. */
  sha256?: string;
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
  /** Hears the records parsed so far (phase `parsing`). */
  onProgress?: ProgressListener;
  /**
   * How a flat Parquet file reaches DuckDB: decoded to Arrow by parquet-wasm (duckdb-wasm has no
   * Parquet reader offline), or read by DuckDB itself (native). Without it, and for files with
   * nested or binary columns, its rows go as records through the CSV reader (slower).
   */
  parquet?: ParquetRoute;
}

/** See `ParseFileOptions.parquet`. */
export type ParquetRoute = { decode: 'arrow'; wasm: ParquetWasmSource } | { decode: 'duckdb' };

/** A table DuckDB reads as it is: Arrow IPC streams (one per row group) or a Parquet file. */
export type TableData = { format: 'arrow'; batches: Uint8Array[] } | { format: 'parquet'; content: Uint8Array };

/** What every parsed file carries: its name, role, size, SHA-256, format and the user's column choices. */
export interface ParsedFileBase {
  fileName: string;
  role: 'judgements' | 'gold';
  bytes: number;
  sha256: string;
  detected: DetectedFormat;
  /** The user's column choices (applied by the CSV loader for `delimited` and `records`). */
  overrides?: ColumnMapping;
}

/**
 * A file parsed as far as JavaScript takes it, in a compact form (byte buffers, transferable
 * between threads): `delimited` long CSV/TSV is left to DuckDB's reader; `records` are long
 * NDJSON/Parquet records written as CSV for the same reader, with the lines that were not JSON;
 * `table` is a flat Parquet file, as Arrow or as the file itself (`TableData`), with its columns;
 * `staged` are an adapter's canonical rows (every other format, and wide tables).
 */
export type ParsedFile = ParsedFileBase &
  (
    | { kind: 'delimited'; content: Uint8Array; delimiter?: string }
    | { kind: 'records'; content: Uint8Array; lineRejections: Uint8Array; lineRejectionCount: number }
    | { kind: 'table'; columns: string[]; data: TableData }
    | { kind: 'staged'; staged: StagedRows; mapping?: ColumnMapping }
  );

/** The byte buffers of a parsed file, for `postMessage`'s transfer list. */
export function parsedBuffers(parsed: ParsedFile): ArrayBuffer[] {
  const arrays =
    parsed.kind === 'staged'
      ? [parsed.staged.judgements, parsed.staged.gold, parsed.staged.rejections]
      : parsed.kind === 'records'
        ? [parsed.content, parsed.lineRejections]
        : parsed.kind === 'table'
          ? parsed.data.format === 'arrow'
            ? parsed.data.batches
            : [parsed.data.content]
          : [parsed.content];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/**
 * The JavaScript half of loading a file, with no database: detects (or checks) the format from
 * the content and runs its adapter. Runs in the browser's ingest worker and inline on Node
 * (`loadFile`): one implementation, two drivers. Problems that stop the whole file throw an
 * `IngestError` naming the file, the line or record, and what was expected.
 */
export async function parseFile(options: ParseFileOptions): Promise<ParsedFile> {
  const { fileName, bytes } = options;
  const role = options.role ?? 'judgements';
  const records = (count: number) =>
    options.onProgress?.({ phase: 'parsing', bytesRead: bytes.length, bytesTotal: bytes.length, records: count });
  const input = parseJsonArray(bytes, records) ?? readInput(fileName, bytes);
  if (input.kind === 'jsonl') records(input.records.length + input.rejections.length);
  const detected = resolveFormat(fileName, input, options.format ?? 'auto', { role, mapping: options.mapping });
  const base: ParsedFileBase = {
    fileName,
    role,
    bytes: bytes.length,
    sha256: options.sha256 ?? (await sha256Hex(bytes)),
    detected,
    overrides: options.mapping,
  };
  // Lines of a JSON Lines file that were not JSON objects are rejections of this file too.
  const lineRejections = input.kind === 'jsonl' ? input.rejections : [];
  const adapt = (result: AdapterResult, mapping?: ColumnMapping): ParsedFile => ({
    ...base,
    kind: 'staged',
    staged: stageCanonicalRows(role, merge(result, lineRejections)),
    mapping,
  });
  const adapterOptions = { annotator: options.annotator, batchId: options.batchId };
  const mappingOf = (columns: string[]) => applyMappingOverrides(guessMapping(columns), options.mapping ?? {});
  // Wide tables come from spreadsheets and data frames (CSV, Parquet); JSON records are always long.
  const isWide = (columns: string[]) => {
    const mapping = mappingOf(columns);
    return detected === 'parquet' && !mapping.annotator_id && !!mapping.item_id && role !== 'gold' && columns.length >= 3;
  };
  const wide = (table: FlatTable) => {
    const mapping = mappingOf(table.columns);
    return adapt(wideTableAdapter(fileName, table, mapping), mapping);
  };
  switch (detected) {
    case 'csv':
    case 'tsv':
      return { ...base, kind: 'delimited', content: bytes, delimiter: input.kind === 'delimited' ? input.delimiter : undefined };
    case 'csv-wide':
      return wide(parseDelimited(input));
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
    case 'ndjson':
    case 'parquet': {
      const flat = detected === 'parquet' && options.parquet ? flatParquet(fileName, bytes) : null;
      if (flat && options.parquet && !isWide(flat.columns)) {
        if (flat.rows === 0) throw new IngestError(fileName, 'there are no records to load');
        records(flat.rows);
        const data: TableData =
          options.parquet.decode === 'arrow'
            ? { format: 'arrow', batches: await parquetToArrow(fileName, bytes, flat, options.parquet.wasm) }
            : { format: 'parquet', content: bytes };
        return { ...base, kind: 'table', columns: flat.columns, data };
      }
      const rows =
        detected === 'parquet'
          ? await readParquetRecords(fileName, bytes)
          : jsonLines(input).map((l) => l.value as Record<string, unknown>);
      records(rows.length + lineRejections.length);
      const table = flattenRecords(rows);
      if (table.rows.length === 0 && lineRejections.length === 0) throw new IngestError(fileName, 'there are no records to load');
      if (isWide(table.columns)) return wide(table);
      return {
        ...base,
        kind: 'records',
        content: new TextEncoder().encode(tableToCsv(table)),
        lineRejections: stageRejections(lineRejections),
        lineRejectionCount: lineRejections.length,
      };
    }
  }
}

/** A top-level JSON array parsed element by element (progress, no giant string); null otherwise. */
function parseJsonArray(bytes: Uint8Array, records: (count: number) => void): ParsedInput | null {
  const elements = parseJsonArrayElements(bytes, records);
  return elements ? { kind: 'json', value: elements } : null;
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
