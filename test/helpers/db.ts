import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connector } from '../../src/lib/db/connector';
import { CLEAR_CANONICAL_TABLES, createCanonicalTables } from '../../src/lib/db/schema';
import { openWasmNode } from '../../src/lib/db/wasm-node';
import type { ColumnMapping } from '../../src/lib/ingest/column-mapping';
import { refreshQuestions } from '../../src/lib/ingest/infer-questions';
import { loadDelimited } from '../../src/lib/ingest/load-delimited';

/** The shared/realdata folder beside the project (read-only, cited in each test). */
export const REALDATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'realdata');

/** A fresh duckdb-wasm (Node build) with the canonical tables: the browser's engine and SQL. */
export async function freshDb(): Promise<Connector> {
  const db = await openWasmNode();
  await createCanonicalTables(db);
  return db;
}

/** Empties every canonical table, so one instance can serve a whole test file. */
export async function clearDb(db: Connector): Promise<void> {
  await db.exec(CLEAR_CANONICAL_TABLES);
}

/** Loads CSV text (or a file from disk) as judgements and refreshes `questions`. */
export async function loadCsvText(db: Connector, fileName: string, text: string, mapping?: ColumnMapping) {
  const source = await loadDelimited(db, { fileName, bytes: new TextEncoder().encode(text), mapping });
  await refreshQuestions(db);
  return source;
}

export async function loadCsvFile(db: Connector, path: string, mapping?: ColumnMapping) {
  const source = await loadDelimited(db, { fileName: path.split('/').pop()!, bytes: readFileSync(path), mapping });
  await refreshQuestions(db);
  return source;
}
