import type { Connector } from '../db/connector';
import { refreshQuestions, type LevelOverrides } from './infer-questions';
import type { ProgressListener } from './ingest-progress';
import { insertParsedFile, type LoadFileResult } from './insert-parsed-file';
import { parquetWasmNode } from './formats/parquet-wasm-node';
import { parseFile, type ParquetRoute, type ParseFileOptions } from './parse-file';

export type { LoadFileResult } from './insert-parsed-file';

export interface LoadFileOptions extends Omit<ParseFileOptions, 'onProgress' | 'parquet'> {
  /** The user's levels of measurement, passed on to `refreshQuestions`. */
  levels?: LevelOverrides;
  /** Hears each phase (parsing, loading into DuckDB, inferring questions) with the records parsed so far. */
  onProgress?: ProgressListener;
}

/**
 * The single entry point for the CLI and the tests (the browser runs the same two halves, the
 * first in its ingest worker): `parseFile` (detect or check the format from the content, run
 * the adapter) then `insertParsedFile` (DuckDB), then `refreshQuestions`.
 * Every record ends in `judgements`/`gold` or `rejections` (rows_read = loaded + rejected);
 * a file with the same SHA-256 as a loaded one is refused; problems that stop the whole file
 * throw an `IngestError` naming the file, the line or record, and what was expected.
 */
export async function loadFile(db: Connector, options: LoadFileOptions): Promise<LoadFileResult> {
  const total = options.bytes.length;
  let records = 0;
  const progress: ProgressListener = (p) => {
    records = p.records;
    options.onProgress?.(p);
  };
  // Flat Parquet straight into DuckDB: native reads it, duckdb-wasm takes parquet-wasm's Arrow.
  const parquet: ParquetRoute = db.engine === 'duckdb-native' ? { decode: 'duckdb' } : { decode: 'arrow', wasm: parquetWasmNode };
  const parsed = await parseFile({ ...options, parquet, onProgress: progress });
  progress({ phase: 'loading', bytesRead: total, bytesTotal: total, records });
  const result = await insertParsedFile(db, parsed);
  progress({ phase: 'inferring', bytesRead: total, bytesTotal: total, records: Math.max(records, result.rowsRead) });
  await refreshQuestions(db, options.levels);
  return result;
}
