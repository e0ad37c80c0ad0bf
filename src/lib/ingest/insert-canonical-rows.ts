import type { Connector } from '../db/connector';
import { ident, sql } from '../sql/sql';
import { readStagingCsv, type StagingColumn } from './formats/canonical-csv';
import type { CanonicalGold, CanonicalJudgement, CanonicalRejection } from './formats/canonical-rows';
import { KEY_COLUMNS, keyJoins, numberNewKeys } from './integer-keys';
import { claimSource, forgetSource, recordSource, type LoadedSource } from './register-source';
import { sha256Hex } from './sha256';
import { GOLD_COLUMNS, JUDGEMENT_COLUMNS, REJECTION_COLUMNS, stageCanonicalRows, type StagedRows } from './stage-canonical-rows';

export interface CanonicalInsertOptions {
  fileName: string;
  /** The file's bytes: hashed (SHA-256) so the same file is never loaded twice. */
  bytes: Uint8Array;
  /** Recorded in `sources.format` (`labelstudio`, `prodigy`, …). */
  format: string;
  /** `gold`: every judgement row becomes an answer-key row (annotator ignored). */
  role?: 'judgements' | 'gold';
  rows: CanonicalJudgement[];
  gold?: CanonicalGold[];
  rejections: CanonicalRejection[];
}

/**
 * Loads the canonical rows an adapter parsed (every non-CSV format) into `judgements`, `gold`
 * and `rejections`, and records the file in `sources` (SHA-256 duplicate check first):
 * `stageCanonicalRows` (checks, typed CSV) then `insertStagedRows`.
 */
export async function insertCanonicalRows(db: Connector, options: CanonicalInsertOptions): Promise<LoadedSource> {
  const role = options.role ?? 'judgements';
  const staged = stageCanonicalRows(role, { rows: options.rows, gold: options.gold ?? [], rejections: options.rejections });
  return insertStagedRows(db, {
    fileName: options.fileName,
    bytes: options.bytes.length,
    sha256: await sha256Hex(options.bytes),
    format: options.format,
    role,
    staged,
  });
}

export interface StagedInsertOptions {
  fileName: string;
  /** The original file's size and SHA-256 (the same file is never loaded twice). */
  bytes: number;
  sha256: string;
  format: string;
  role: 'judgements' | 'gold';
  staged: StagedRows;
}

/**
 * Inserts rows staged by `stageCanonicalRows` (typed CSV read back by `read_csv` with explicit
 * column types: DuckDB has no JSON/Parquet extension here). The CSV loader's invariants hold:
 * - a second non-box answer by one annotator to one (batch, item, question) is a duplicate:
 *   the newest (latest submitted_at, then the later record) is kept, the others rejected;
 * - two different gold answers for one (batch, item, question) keep the first;
 * - rows_read = rows_loaded + rows_rejected, where a "row" is one judgement or gold row the
 *   adapter produced, or one rejection it reported.
 * The buffers are handed to DuckDB (in the browser: transferred to its worker).
 */
export async function insertStagedRows(db: Connector, options: StagedInsertOptions): Promise<LoadedSource> {
  const { fileName, format, role, staged } = options;
  const { sourceId, sha256 } = await claimSource(db, fileName, options.sha256);
  const files: string[] = [];
  const tables = [`canonical_j_${sourceId}`, `canonical_g_${sourceId}`];
  const stage = async (suffix: string, columns: StagingColumn[], csv: Uint8Array): Promise<string> => {
    const name = `annoqa_canonical_${sourceId}_${suffix}.csv`;
    await db.registerFile(name, csv);
    files.push(name);
    return readStagingCsv(name, columns);
  };
  try {
    await db.exec(`CREATE TEMP TABLE ${tables[0]} AS SELECT * FROM ${await stage('j', JUDGEMENT_COLUMNS, staged.judgements)}`);
    await db.exec(`CREATE TEMP TABLE ${tables[1]} AS SELECT * FROM ${await stage('g', GOLD_COLUMNS, staged.gold)}`);
    await db.exec(`INSERT INTO rejections SELECT ${sourceId}, * FROM ${await stage('r', REJECTION_COLUMNS, staged.rejections)}`);
    // The staged CSVs are read: free them (in duckdb-wasm they sit in the engine's memory).
    for (const file of files.splice(0)) await db.dropFile(file);

    await rejectRepeatedAnswers(db, sourceId, ident(tables[0]));
    await rejectConflictingGold(db, sourceId, ident(tables[1]));
    await numberNewKeys(db, ident(tables[0]));
    await db.query(sql`INSERT INTO judgements SELECT ${sourceId}, source_row, r.batch_id, r.strategy, r.item_id, r.question,
        r.annotator_id, value_kind, label, score, text, x, y, w, h, image_w, image_h, started_at, submitted_at,
        coalesce(duration_s, CASE WHEN submitted_at >= started_at THEN epoch_ms(submitted_at) / 1000 - epoch_ms(started_at) / 1000 END),
        cost_usd, prelabeled, option_a, option_b, shown_first, ${KEY_COLUMNS}
      FROM ${ident(tables[0])} r ${keyJoins('r')} ORDER BY seq`);
    // An exact repeat of the same gold answer is harmless: one row is kept, all count as loaded.
    await db.query(sql`INSERT INTO gold SELECT ${sourceId}, source_row, batch_id, item_id, question, label, score, text, x, y, w, h
      FROM ${ident(tables[1])}
      QUALIFY x IS NOT NULL OR row_number() OVER (PARTITION BY batch_id, item_id, question ORDER BY seq) = 1 ORDER BY seq`);
    const [{ loaded }] = await db.query<{ loaded: number }>(
      sql`SELECT (SELECT count(*) FROM ${ident(tables[0])}) + (SELECT count(*) FROM ${ident(tables[1])}) AS loaded`,
    );
    return await recordSource(db, { sourceId, fileName, format, role, bytes: options.bytes, sha256, rowsLoaded: loaded });
  } catch (error) {
    await forgetSource(db, sourceId);
    throw error;
  } finally {
    for (const table of tables) await db.exec(`DROP TABLE IF EXISTS ${table}`);
    for (const file of files) await db.dropFile(file);
  }
}

/** Same rule and wording as the CSV loader: newest answer kept, the others rejected. */
async function rejectRepeatedAnswers(db: Connector, sourceId: number, staged: ReturnType<typeof ident>): Promise<void> {
  const ranked = sql`SELECT seq, source_row, first_value(source_row) OVER w AS kept_row,
        row_number() OVER w AS answer_rank, annotator_id, item_id, question
      FROM ${staged} WHERE x IS NULL
      WINDOW w AS (PARTITION BY batch_id, item_id, question, annotator_id ORDER BY submitted_at DESC NULLS LAST, source_row DESC, seq DESC)`;
  await db.query(sql`INSERT INTO rejections
      SELECT ${sourceId}, source_row, NULL,
        'duplicate answer: annotator "' || annotator_id || '" answered item "' || item_id || '", question "' || question ||
        '" again in record ' || kept_row || ', which is newer and was kept', NULL
      FROM (${ranked}) WHERE answer_rank > 1 ORDER BY seq`);
  await db.query(sql`DELETE FROM ${staged} WHERE seq IN (SELECT seq FROM (${ranked}) WHERE answer_rank > 1)`);
}

/** Two different gold answers for one key (boxes excepted) cannot both be right: the first is kept. */
async function rejectConflictingGold(db: Connector, sourceId: number, staged: ReturnType<typeof ident>): Promise<void> {
  const ranked = sql`SELECT seq, source_row, item_id, question, label, text, score,
        first_value(label) OVER w AS first_label, first_value(text) OVER w AS first_text, first_value(score) OVER w AS first_score,
        first_value(source_row) OVER w AS first_row, row_number() OVER w AS n
      FROM ${staged} WHERE x IS NULL WINDOW w AS (PARTITION BY batch_id, item_id, question ORDER BY seq)`;
  const conflicting = sql`n > 1 AND (label IS DISTINCT FROM first_label OR text IS DISTINCT FROM first_text OR score IS DISTINCT FROM first_score)`;
  await db.query(sql`INSERT INTO rejections SELECT ${sourceId}, source_row, NULL,
      'conflicting gold: item "' || item_id || '", question "' || question || '" already has gold "' ||
        coalesce(first_label, first_text, first_score::VARCHAR) || '" (record ' || first_row || ')', NULL
    FROM (${ranked}) WHERE ${conflicting} ORDER BY seq`);
  await db.query(sql`DELETE FROM ${staged} WHERE seq IN (SELECT seq FROM (${ranked}) WHERE ${conflicting})`);
}
