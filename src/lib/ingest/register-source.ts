import type { Connector } from '../db/connector';
import { ident, sql } from '../sql/sql';
import { IngestError } from './ingest-error';
import { sha256Hex } from './sha256';

/** One loaded file, as recorded in `sources`. rowsRead = rowsLoaded + rowsRejected, always. */
export interface LoadedSource {
  sourceId: number;
  fileName: string;
  format: string;
  role: 'judgements' | 'gold';
  bytes: number;
  sha256: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
}

/**
 * Claims the next source id for a file, after checking by SHA-256 that the same bytes are
 * not loaded already (re-loading a file must never double-count its judgements). Takes the
 * bytes, or their SHA-256 when it was computed already (the browser hashes in its ingest worker).
 */
export async function claimSource(
  db: Connector,
  fileName: string,
  bytesOrSha256: Uint8Array | string,
): Promise<{ sourceId: number; sha256: string }> {
  const sha256 = typeof bytesOrSha256 === 'string' ? bytesOrSha256 : await sha256Hex(bytesOrSha256);
  const [existing] = await db.query<{ file_name: string }>(sql`SELECT file_name FROM sources WHERE sha256 = ${sha256} LIMIT 1`);
  if (existing) {
    throw new IngestError(
      fileName,
      `the same file is already loaded (as "${existing.file_name}", identical SHA-256); it was not loaded twice`,
    );
  }
  const [{ next }] = await db.query<{ next: number }>('SELECT (coalesce(max(source_id), 0) + 1)::INTEGER AS next FROM sources');
  return { sourceId: next, sha256 };
}

/**
 * Writes the `sources` row once a file's judgements and rejections are in their tables, and
 * returns it: the rejections are counted where they are, so rows_read = loaded + rejected.
 */
export async function recordSource(db: Connector, file: Omit<LoadedSource, 'rowsRead' | 'rowsRejected'>): Promise<LoadedSource> {
  const [{ rejected }] = await db.query<{ rejected: number }>(
    sql`SELECT count(*)::BIGINT AS rejected FROM rejections WHERE source_id = ${file.sourceId}`,
  );
  const source: LoadedSource = { ...file, rowsRead: file.rowsLoaded + rejected, rowsRejected: rejected };
  await db.query(sql`INSERT INTO sources VALUES (${source.sourceId}, ${source.fileName}, ${source.format}, ${source.role},
    ${source.bytes}, ${source.sha256}, ${source.rowsRead}, ${source.rowsLoaded}, ${source.rowsRejected}, now()::TIMESTAMP)`);
  return source;
}

/** Removes everything a source put into the canonical tables (used when a load fails half-way). */
export async function forgetSource(db: Connector, sourceId: number): Promise<void> {
  for (const table of ['judgements', 'gold', 'rejections', 'warnings', 'sources']) {
    await db.query(sql`DELETE FROM ${ident(table)} WHERE source_id = ${sourceId}`);
  }
}
