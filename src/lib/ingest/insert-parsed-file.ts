import type { Connector } from '../db/connector';
import { sql } from '../sql/sql';
import type { ColumnMapping } from './column-mapping';
import type { DetectedFormat } from './detect-format';
import { readStagingCsv } from './formats/canonical-csv';
import { insertStagedRows } from './insert-canonical-rows';
import { loadDelimited } from './load-delimited';
import { loadTable } from './load-table';
import type { ParsedFile } from './parse-file';
import type { LoadedSource } from './register-source';
import { REJECTION_COLUMNS } from './stage-canonical-rows';

/** A loaded file: its `sources` row, the format it was read as, and the column mapping used (tables). */
export interface LoadFileResult extends LoadedSource {
  detected: DetectedFormat;
  mapping?: ColumnMapping;
}

/**
 * The database half of loading a file: puts a `parseFile` result into the canonical tables.
 * Long CSV/TSV and long records go through DuckDB's CSV reader (`loadDelimited`), flat Parquet
 * tables straight into DuckDB (`loadTable`), staged canonical rows through `insertStagedRows`. Every record ends in `judgements`/`gold` or
 * `rejections` (rows_read = loaded + rejected); a file with the same SHA-256 as a loaded one
 * is refused. The buffers are handed to DuckDB: do not use `parsed` afterwards.
 */
export async function insertParsedFile(db: Connector, parsed: ParsedFile): Promise<LoadFileResult> {
  const { fileName, role, detected, sha256 } = parsed;
  switch (parsed.kind) {
    case 'delimited': {
      const loaded = await loadDelimited(db, {
        fileName,
        bytes: parsed.content,
        role,
        mapping: parsed.overrides,
        delimiter: parsed.delimiter,
        sha256,
      });
      return { ...loaded, detected };
    }
    case 'staged': {
      const source = await insertStagedRows(db, {
        fileName,
        bytes: parsed.bytes,
        sha256,
        format: detected,
        role,
        staged: parsed.staged,
      });
      return { ...source, detected, mapping: parsed.mapping };
    }
    case 'records':
      return insertRecords(db, parsed);
    case 'table':
      return loadTable(db, parsed);
  }
}

/**
 * Long NDJSON/Parquet records (written as CSV) go through the CSV loader (same mapping, checks
 * and duplicate rule); the lines that were not JSON are added as rejections, and the `sources`
 * row is then set to the original file's format and size.
 */
async function insertRecords(db: Connector, parsed: Extract<ParsedFile, { kind: 'records' }>): Promise<LoadFileResult> {
  const { fileName, detected } = parsed;
  const loaded = await loadDelimited(db, {
    fileName,
    bytes: parsed.content,
    role: parsed.role,
    mapping: parsed.overrides,
    delimiter: ',',
    sha256: parsed.sha256,
  });
  if (parsed.lineRejectionCount > 0) {
    const name = `annoqa_lines_${loaded.sourceId}.csv`;
    await db.registerFile(name, parsed.lineRejections);
    try {
      await db.exec(`INSERT INTO rejections SELECT ${loaded.sourceId}, * FROM ${readStagingCsv(name, REJECTION_COLUMNS)}`);
    } finally {
      await db.dropFile(name);
    }
  }
  const rowsRejected = loaded.rowsRejected + parsed.lineRejectionCount;
  await db.query(sql`UPDATE sources SET format = ${detected}, bytes = ${parsed.bytes},
    rows_read = ${loaded.rowsLoaded + rowsRejected}, rows_rejected = ${rowsRejected} WHERE source_id = ${loaded.sourceId}`);
  return {
    ...loaded,
    format: detected,
    bytes: parsed.bytes,
    rowsRejected,
    rowsRead: loaded.rowsLoaded + rowsRejected,
    detected,
  };
}
