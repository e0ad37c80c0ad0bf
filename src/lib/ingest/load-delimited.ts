import type { Connector } from '../db/connector';
import { ident, literal, raw, sql, type SqlQuery } from '../sql/sql';
import { applyMappingOverrides, guessMapping, type ColumnMapping } from './column-mapping';
import { checkMapping } from './check-mapping';
import { decodeTextStart } from './decode-text';
import { inFileOrder } from './in-file-order';
import { IngestError } from './ingest-error';
import { claimSource, forgetSource, recordSource, type LoadedSource } from './register-source';
import { sniffDelimited } from './sniff-delimited';
import { warnUnusedColumns } from './unused-columns';
import { validationReasons } from './row-validation';
import { parsedRows, type TypedFields } from './parsed-rows';
import { insertGold, insertGoldColumn } from './delimited-gold';
import { KEY_COLUMNS, keyJoins, numberNewKeys } from './integer-keys';

export interface DelimitedLoadOptions {
  fileName: string;
  bytes: Uint8Array;
  /** `judgements` (default) or `gold`: an answer key with item, [question, batch] and the gold value. */
  role?: 'judgements' | 'gold';
  /** The user's column choices, applied on top of the automatic guess. */
  mapping?: ColumnMapping;
  /** Defaults to the sniffed delimiter (`\t` for a `.tsv` file). */
  delimiter?: string;
  /** The file's SHA-256 when it is known already (hashed in the browser's ingest worker). */
  sha256?: string;
}

export interface DelimitedLoadResult extends LoadedSource {
  mapping: ColumnMapping;
}

/**
 * Loads a long-format CSV/TSV file (one judgement per row) into the canonical tables.
 *
 * Bulk parsing is DuckDB's `read_csv` (explicit dialect from papaparse's sniff, every column
 * VARCHAR); rows with the wrong number of fields are kept by `store_rejects` and become
 * rejections with their line; rows whose values are unusable (empty item, unparsable time …)
 * are rejected with the reason. An unterminated quote fails the whole file, because every
 * row after it would be swallowed. Every record ends up in `judgements`/`gold` or in
 * `rejections`: rows_read = rows_loaded + rows_rejected.
 *
 * `source_row` is the record's 1-based position among the data rows (header excluded).
 * Answers are checked as they are read: the one large scratch table (the checked rows) lives
 * in the current database, not in `temp`: in the browser that database is compressed
 * (`wasm-browser.ts`), which is what lets a 500 MB CSV fit in duckdb-wasm's ~3 GiB.
 */
export async function loadDelimited(db: Connector, options: DelimitedLoadOptions): Promise<DelimitedLoadResult> {
  const { fileName, bytes } = options;
  const role = options.role ?? 'judgements';
  const byteLength = bytes.length; // registerFile may transfer (detach) the buffer to the DuckDB worker
  const preview = sniffDelimited(fileName, decodeTextStart(fileName, bytes));
  const delimiter = options.delimiter ?? (/\.tsv$/i.test(fileName) ? '\t' : preview.delimiter);
  const mapping = applyMappingOverrides(guessMapping(preview.columns), options.mapping ?? {});
  checkMapping(fileName, role, mapping, preview.columns);

  const { sourceId, sha256 } = await claimSource(db, fileName, options.sha256 ?? bytes);
  const registered = `annoqa_source_${sourceId}.csv`;
  const rawTable = ident(`raw_${sourceId}`);
  const checked = ident(`checked_${sourceId}`);
  const rejectsTable = `csv_rejects_${sourceId}`;
  const dropScratch = dropScratchTables(sourceId);
  await db.exec(dropScratch);
  await db.registerFile(registered, bytes);
  let fileDropped = false;
  try {
    const columnTypes = `{${preview.columns.map((c) => `${literal(c).text}: 'VARCHAR'`).join(', ')}}`;
    const csv = raw(`read_csv(${literal(registered).text}, header = true,
       auto_detect = false, columns = ${columnTypes}, delim = ${literal(delimiter).text}, quote = '"', escape = '"',
       store_rejects = true, rejects_table = '${rejectsTable}', rejects_scan = '${rejectsTable}_scan')`);
    // Answers are checked and parsed as they are read (one pass, one table); an answer key is read as is.
    await readCsv(
      db,
      fileName,
      role === 'gold' ? sql`CREATE TABLE ${rawTable} AS SELECT * FROM ${csv}` : checkedRows(checked, csv, mapping),
    );
    // The bytes are in a table now: free the file (in duckdb-wasm it sits in the engine's memory).
    await db.dropFile(registered);
    fileDropped = true;
    // One row per rejected line (DuckDB may report a line twice), numbered in file order.
    const rejectedLines = ident(`rejected_${sourceId}`);
    await db.query(sql`CREATE TEMP TABLE ${rejectedLines} AS
      SELECT line - 1 AS record, row_number() OVER (ORDER BY line) AS rank, line, reason, excerpt FROM (
        SELECT line::BIGINT AS line, any_value(error_type || ': ' || error_message) AS reason, any_value(trim(csv_line, E'\r\n')) AS excerpt
        FROM ${ident(rejectsTable)} GROUP BY line)`);
    const [unterminated] = await db.query<{ line: number }>(
      sql`SELECT min(line) AS line FROM ${rejectedLines} WHERE reason LIKE 'UNQUOTED VALUE%' HAVING count(*) > 0`,
    );
    if (unterminated) {
      throw new IngestError(
        fileName,
        'a quoted field is opened but never closed (unterminated quote); every row after it would be lost, so nothing was loaded. Close the quote or escape it as ""',
        unterminated.line,
      );
    }
    await db.query(sql`INSERT INTO rejections SELECT ${sourceId}, record, line, CASE
        WHEN reason LIKE 'TOO MANY COLUMNS%' OR reason LIKE 'MISSING COLUMNS%' THEN
          CASE WHEN reason LIKE 'TOO MANY%' THEN 'too many' ELSE 'too few' END || ' fields: the header has ' ||
          regexp_extract(reason, 'Columns: ([0-9]+)', 1) || ', this row ' || regexp_extract(reason, 'Found: ([0-9]+)', 1)
        ELSE reason END, excerpt FROM ${rejectedLines}`);

    // Record number of every good row: the g-th good row comes after the j rejected records
    // with record_j − j < g (record_j − j never decreases; + j/(R+1) makes it strictly increasing for the ASOF join).
    // Without rejected lines the record number is the row's position (its rowid + 1: tables keep insertion order).
    const [{ lines }] = await db.query<{ lines: number }>(sql`SELECT count(*)::BIGINT AS lines FROM ${rejectedLines}`);
    const numbered = (table: SqlQuery, columns: SqlQuery) =>
      lines === 0
        ? sql`SELECT rowid + 1 AS source_row, ${columns} FROM ${table}`
        : sql`SELECT g.good_index + coalesce(r.rank, 0) AS source_row, ${columns}
      FROM (SELECT rowid + 1 AS good_index, * FROM ${table}) g
      ASOF LEFT JOIN (SELECT record - rank + rank / (count(*) OVER () + 1.0) AS skip_key, rank FROM ${rejectedLines}) r
        ON g.good_index > r.skip_key`;

    let loaded: number;
    if (role === 'gold') {
      // A view, read once by the checks.
      const rows = ident(`rows_${sourceId}`);
      await db.query(
        sql`CREATE TEMP VIEW ${rows} AS ${numbered(rawTable, lines === 0 ? sql`*` : sql`g.* EXCLUDE (good_index)`)}`,
      );
      loaded = await insertGold(db, sourceId, rows, mapping);
    } else {
      // Read by several statements: a view on the checked rows when they are in file order, else numbered once into a table.
      const rows = ident(`checked_rows_${sourceId}`);
      if (lines === 0) await db.query(sql`CREATE TEMP VIEW ${rows} AS ${numbered(checked, sql`*`)}`);
      else {
        const table = ident(`numbered_${sourceId}`);
        await db.query(sql`CREATE TABLE ${table} AS ${numbered(checked, sql`g.* EXCLUDE (good_index)`)}`);
        await db.exec(`DROP TABLE ${checked.text}`);
        await db.query(sql`CREATE TEMP VIEW ${rows} AS SELECT * FROM ${table}`);
      }
      loaded = await insertJudgements(db, sourceId, rows, lines === 0);
    }
    const format = delimiter === '\t' ? 'tsv' : 'csv';
    const source = await recordSource(db, { sourceId, fileName, format, role, bytes: byteLength, sha256, rowsLoaded: loaded });
    await warnUnusedColumns(db, sourceId, preview.columns, mapping);
    return { ...source, mapping };
  } catch (error) {
    await forgetSource(db, sourceId);
    throw error;
  } finally {
    await db.exec(dropScratch);
    if (!fileDropped) await db.dropFile(registered);
  }
}

/** Drops every scratch table and view a load of source `sourceId` may create (this loader's and `loadTable`'s). */
export function dropScratchTables(sourceId: number): string {
  const views = ['kept', 'rows', 'checked_rows'].map((name) => `DROP VIEW IF EXISTS ${name}_${sourceId}`);
  const tables = ['checked', 'numbered', 'gold_keys', 'keys', 'repeated', 'raw', 'rejected', 'csv_rejects', 'table'].map(
    (name) => `DROP TABLE IF EXISTS ${name}_${sourceId}`,
  );
  return [...views, ...tables, `DROP TABLE IF EXISTS csv_rejects_${sourceId}_scan`].join('; ');
}

async function readCsv(db: Connector, fileName: string, statement: SqlQuery): Promise<void> {
  try {
    await inFileOrder(db, statement);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!/CSV|Line: \d+/.test(message)) throw error; // not the reader's: an error of the checks
    const line = /Line: (\d+)/.exec(message)?.[1];
    const first =
      message.split('\n').find((l) => l && !l.startsWith('Invalid Input Error') && !l.startsWith('Original Line')) ?? message;
    throw new IngestError(
      fileName,
      `DuckDB's CSV reader could not parse the file: ${first.trim()}`,
      line ? Number(line) : undefined,
    );
  }
}

/**
 * The statement that reads the CSV into `checked`: every row with its problem (`reason`, NULL
 * when it can be loaded) and its fields trimmed, parsed and named as in `judgements`. The rows
 * are numbered afterwards from the table's row order (the file's), so nothing is copied twice.
 */
export function checkedRows(checked: SqlQuery, csv: SqlQuery, mapping: ColumnMapping, typed?: TypedFields): SqlQuery {
  const { from, refs } = parsedRows(mapping, csv, false, typed);
  const { value: f, number: n } = refs;
  const defaultQuestion = mapping.answer ?? mapping.text ?? 'boxes';
  return sql`CREATE TABLE ${checked} AS SELECT ${validationReasons(mapping, 'judgements', refs)} AS reason,
      coalesce(${f('batch_id')}, 'default') AS batch_id,
      coalesce(${f('strategy')}, 'unspecified') AS strategy,
      ${f('item_id')} AS item_id,
      coalesce(${f('question')}, ${defaultQuestion}) AS question,
      ${f('annotator_id')} AS annotator_id,
      lower(${f('value_kind')}) AS value_kind,
      ${f('answer')} AS label,
      ${n('answer')} AS score,
      ${f('text')} AS text,
      ${n('x')} AS x, ${n('y')} AS y, ${n('w')} AS w, ${n('h')} AS h,
      ${n('image_w')} AS image_w, ${n('image_h')} AS image_h,
      ${refs.time('started_at')} AS started_at,
      ${refs.time('submitted_at')} AS submitted_at,
      ${n('duration_s')} AS duration_s,
      ${n('cost_usd')} AS cost_usd,
      ${refs.flag('prelabeled')} AS prelabeled,
      ${f('option_a')} AS option_a, ${f('option_b')} AS option_b,
      upper(${f('shown_first')}) AS shown_first,
      ${f('gold')} AS gold
    FROM ${from}`;
}

/**
 * Rejections, repeated answers, then the insert of the loadable rows of `checked` (the checked
 * rows with their `source_row`). `inFileOrder`: `checked` lists the records in file order (no
 * rejected line shifted them), so without repeated answers the insert needs no sort. Each row
 * gets its integer keys (`integer-keys.ts`) from a narrow table sorted by source_row and put
 * beside the rows by position: a join does not keep the rows' order (a hash join emits a row
 * whose bucket holds another key later, even on one thread), and sorting whole rows costs
 * more (1M judgements on duckdb-wasm: 1.5 s more than the insert, against 0.4 s for the keys).
 */
export async function insertJudgements(
  db: Connector,
  sourceId: number,
  checked: SqlQuery,
  inFileOrder: boolean,
): Promise<number> {
  const kept = ident(`kept_${sourceId}`);
  await db.query(
    sql`INSERT INTO rejections SELECT ${sourceId}, source_row, NULL, reason, NULL FROM ${checked} WHERE reason IS NOT NULL`,
  );
  const repeated = await rejectRepeatedAnswers(db, sourceId, checked);
  // The rows that are loaded: no problem and not a repeated answer (read in place, no DELETE).
  await db.query(
    repeated
      ? sql`CREATE TEMP VIEW ${kept} AS SELECT * FROM ${checked} WHERE reason IS NULL AND source_row NOT IN (SELECT source_row FROM ${repeated})`
      : sql`CREATE TEMP VIEW ${kept} AS SELECT * FROM ${checked} WHERE reason IS NULL`,
  );
  await numberNewKeys(db, kept);
  const keys = ident(`keys_${sourceId}`);
  await db.query(sql`CREATE TEMP TABLE ${keys} AS SELECT ${KEY_COLUMNS} FROM ${kept} r ${keyJoins('r')} ORDER BY r.source_row`);
  await db.query(sql`INSERT INTO judgements SELECT ${sourceId}, source_row, batch_id, strategy, item_id, question,
      annotator_id, value_kind, label, score, text, x, y, w, h, image_w, image_h, started_at, submitted_at,
      coalesce(duration_s, CASE WHEN submitted_at >= started_at THEN epoch_ms(submitted_at) / 1000 - epoch_ms(started_at) / 1000 END),
      cost_usd, prelabeled, option_a, option_b, shown_first, item_no, question_no, annotator_no
    FROM (SELECT * FROM ${kept} ${repeated || !inFileOrder ? sql`ORDER BY source_row` : sql``}) POSITIONAL JOIN ${keys}`);
  await insertGoldColumn(db, sourceId, kept);
  const [{ loaded }] = await db.query<{ loaded: number }>(sql`SELECT count(*)::BIGINT AS loaded FROM ${kept}`);
  return loaded;
}

/**
 * A second answer by the same annotator to the same (batch, item, question) is a duplicate
 * (boxes excepted: an image has many). The newest (latest submitted_at, then last row) is
 * kept; the others are rejected with a reason naming the row that was kept. One GROUP BY
 * finds the repeated keys; the window that ranks answers runs over those rows only. Returns
 * the table of rejected rows, or null when no answer is repeated.
 */
async function rejectRepeatedAnswers(db: Connector, sourceId: number, checked: SqlQuery): Promise<SqlQuery | null> {
  // First on one 64-bit hash of the key (a much smaller GROUP BY): equal keys have equal
  // hashes, so no repeated hash means no repeated key; a repeated hash is checked exactly.
  const hashed = sql`SELECT hash(batch_id, item_id, question, annotator_id) AS key FROM ${checked}
      WHERE reason IS NULL AND x IS NULL GROUP BY key HAVING count(*) > 1`;
  const [{ collisions }] = await db.query<{ collisions: number }>(sql`SELECT count(*)::BIGINT AS collisions FROM (${hashed})`);
  if (collisions === 0) return null;
  const keys = sql`SELECT batch_id, item_id, question, annotator_id FROM ${checked}
      WHERE reason IS NULL AND x IS NULL GROUP BY ALL HAVING count(*) > 1`;
  const [{ repeats }] = await db.query<{ repeats: number }>(sql`SELECT count(*)::BIGINT AS repeats FROM (${keys})`);
  if (repeats === 0) return null;
  const repeated = ident(`repeated_${sourceId}`);
  await db.query(sql`CREATE TEMP TABLE ${repeated} AS SELECT source_row, kept_row, annotator_id, item_id, question FROM (
      SELECT c.source_row, first_value(c.source_row) OVER w AS kept_row, row_number() OVER w AS answer_rank, c.annotator_id, c.item_id, c.question
      FROM ${checked} c JOIN (${keys}) k
        ON c.batch_id = k.batch_id AND c.item_id = k.item_id AND c.question = k.question AND c.annotator_id = k.annotator_id
      WHERE c.reason IS NULL AND c.x IS NULL
      WINDOW w AS (PARTITION BY c.batch_id, c.item_id, c.question, c.annotator_id ORDER BY c.submitted_at DESC NULLS LAST, c.source_row DESC))
    WHERE answer_rank > 1`);
  await db.query(sql`INSERT INTO rejections
      SELECT ${sourceId}, source_row, NULL,
        'duplicate answer: annotator "' || annotator_id || '" answered item "' || item_id || '", question "' || question ||
        '" again in row ' || kept_row || ', which is newer and was kept', NULL
      FROM ${repeated} ORDER BY source_row`);
  return repeated;
}
