import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { loadFile, type LoadFileOptions, type LoadFileResult } from '../../../src/lib/ingest/load-file';
import { REALDATA } from '../../helpers/db';

/** test/fixtures (each folder has a README.md with the source of its files). */
export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
/** Real exports written by the tools' own projects (see shared/realdata/exports/README.md). */
export const EXPORTS = join(REALDATA, 'exports');

/** Loads a file from disk through `loadFile` and checks the accounting against the tables. */
export async function loadPath(db: Connector, path: string, options: Partial<LoadFileOptions> = {}): Promise<LoadFileResult> {
  const source = await loadFile(db, { fileName: path.split('/').pop()!, bytes: readFileSync(path), ...options });
  await expectAccounted(db, source);
  return source;
}

/** rows_read = rows_loaded + rows_rejected, and the tables hold exactly those rows. */
export async function expectAccounted(db: Connector, source: LoadFileResult): Promise<void> {
  expect(source.rowsRead).toBe(source.rowsLoaded + source.rowsRejected);
  const [row] = await db.query<{ rows_read: number; rows_loaded: number; rows_rejected: number; rejections: number }>(
    `SELECT rows_read, rows_loaded, rows_rejected, (SELECT count(*) FROM rejections r WHERE r.source_id = s.source_id)::INTEGER AS rejections
     FROM sources s WHERE source_id = ${source.sourceId}`,
  );
  expect(row).toMatchObject({ rows_read: source.rowsRead, rows_loaded: source.rowsLoaded, rows_rejected: source.rowsRejected });
  expect(row.rejections).toBe(source.rowsRejected);
}

/** The judgements of one source, ordered, with the columns a test names. */
export async function judgementsOf(db: Connector, sourceId: number, columns = '*'): Promise<Record<string, unknown>[]> {
  return db.query(
    `SELECT ${columns} FROM judgements WHERE source_id = ${sourceId} ORDER BY source_row, item_id, question, annotator_id, x`,
  );
}

/** The rejection reasons of one source, in record order. */
export async function reasonsOf(db: Connector, sourceId: number): Promise<string[]> {
  const rows = await db.query<{ reason: string }>(
    `SELECT reason FROM rejections WHERE source_id = ${sourceId} ORDER BY source_row, reason`,
  );
  return rows.map((r) => r.reason);
}
