import { parquetMetadata, type FileMetaData, type SchemaElement } from 'hyparquet';
import init, { readParquet } from 'parquet-wasm/esm';
import { IngestError } from '../ingest-error';
import { checkParquetFooter } from './parquet-records';

/** Where parquet-wasm's module comes from: a URL in the browser, the file's bytes on Node. */
export type ParquetWasmSource = () => Promise<string | URL | BufferSource>;

/** The columns and row groups of a flat Parquet file (every column a plain value). */
export interface FlatParquet {
  columns: string[];
  rows: number;
  rowGroups: number;
}

/**
 * Rows per Arrow record batch: DuckDB's row-group size. parquet-wasm's default (1,024) makes a
 * 1M-row file a thousand batches, which costs 2–3× more to decode and to insert.
 */
const BATCH_ROWS = 122_880;

let ready: Promise<unknown> | null = null;

/**
 * The columns of a Parquet file read straight into DuckDB (`loadTable`), from its footer
 * (hyparquet: no data read); null when the file is not a flat table of plain columns (nested,
 * binary or time-of-day columns): those go through hyparquet's records, which turn every value
 * into text first.
 */
export function flatParquet(fileName: string, bytes: Uint8Array): FlatParquet | null {
  const metadata = readMetadata(fileName, bytes);
  if (!isFlat(metadata.schema)) return null;
  return {
    columns: metadata.schema.slice(1).map((c) => c.name),
    rows: Number(metadata.num_rows),
    rowGroups: metadata.row_groups.length,
  };
}

/**
 * Decodes a flat Parquet file with parquet-wasm (Rust's arrow-rs compiled to wasm: STACK.md)
 * into Arrow IPC streams, one per row group in file order, which DuckDB inserts as they are
 * (`Connector.insertArrow`). Row group by row group: decoding a 1M-row file at once spends
 * seconds in the wasm allocator's first growth; a row group at a time reuses the same memory.
 */
export async function parquetToArrow(
  fileName: string,
  bytes: Uint8Array,
  file: FlatParquet,
  wasm: ParquetWasmSource,
): Promise<Uint8Array[]> {
  ready ??= wasm().then((module_or_path) => init({ module_or_path }));
  await ready;
  const batches: Uint8Array[] = [];
  try {
    for (let group = 0; group < file.rowGroups; group++) {
      batches.push(readParquet(bytes, { rowGroups: [group], batchSize: BATCH_ROWS }).intoIPCStream());
    }
  } catch (error) {
    throw new IngestError(
      fileName,
      `the Parquet file could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return batches;
}

/** The file's footer (hyparquet: cheap, no data read), or a message on a cut-off file. */
function readMetadata(fileName: string, bytes: Uint8Array): FileMetaData {
  checkParquetFooter(fileName, bytes);
  try {
    return parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    throw new IngestError(
      fileName,
      `the Parquet file could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

const TEXT_ANNOTATIONS = new Set(['UTF8', 'STRING', 'ENUM', 'JSON']);
const OTHER_LOGICAL = new Set(['TIME', 'INTERVAL', 'UUID', 'FLOAT16', 'VARIANT', 'GEOMETRY', 'GEOGRAPHY', 'BSON', 'NULL']);
const OTHER_CONVERTED = new Set(['TIME_MILLIS', 'TIME_MICROS', 'INTERVAL', 'BSON']);

/** Every column a top-level, non-repeated leaf of a type whose text form DuckDB and hyparquet agree on. */
function isFlat(schema: SchemaElement[]): boolean {
  const [root, ...columns] = schema;
  if (columns.length === 0 || root.num_children !== columns.length) return false;
  if (new Set(columns.map((c) => c.name)).size !== columns.length || columns.some((c) => !c.name.trim())) return false;
  return columns.every((c) => {
    if (c.num_children || c.repetition_type === 'REPEATED' || !c.type) return false;
    if (OTHER_LOGICAL.has(c.logical_type?.type ?? '') || OTHER_CONVERTED.has(c.converted_type ?? '')) return false;
    if (c.type === 'BYTE_ARRAY') {
      return TEXT_ANNOTATIONS.has(c.logical_type?.type ?? '') || TEXT_ANNOTATIONS.has(c.converted_type ?? '');
    }
    return c.type !== 'FIXED_LEN_BYTE_ARRAY' || c.logical_type?.type === 'DECIMAL' || c.converted_type === 'DECIMAL';
  });
}
