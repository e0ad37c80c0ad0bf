import { ident, sql, type SqlQuery } from '../sql/sql';
import type { Connector } from './connector';
import { memoPerData } from './data-memo';

/**
 * The state of the loaded data, cheaply: every loaded file (id, sha256, counts), the row
 * counts of `judgements` and `gold`, and the questions' levels. Loads, clears, re-loads and
 * level changes change it.
 */
export async function dataFingerprint(db: Connector): Promise<string> {
  const [row] = await db.query<{ fingerprint: string }>(`SELECT concat_ws('|',
    (SELECT count(*) FROM judgements), (SELECT count(*) FROM gold),
    (SELECT string_agg(concat_ws(':', source_id, sha256, rows_loaded), ',' ORDER BY source_id) FROM sources),
    (SELECT string_agg(level, ',' ORDER BY batch_id, strategy, question) FROM questions)) AS fingerprint`);
  return row.fingerprint;
}

/**
 * A temporary table holding `query`, built once per state of the loaded data and shared by
 * every panel and filter change (derived tables that do not depend on the filters, such as
 * the sessionised assignments, cost seconds at 1M judgements to build). Returns the table's
 * name, usable after FROM. Concurrent callers share one build. Code that edits the canonical
 * tables by hand, bypassing the loaders, must change a row count or load a source to be seen.
 */
export async function derivedTable(db: Connector, name: string, query: SqlQuery): Promise<SqlQuery> {
  const table = ident(`derived_${name}`);
  // One table per name: a new state of the data replaces it (keep = 1).
  await memoPerData(db, `table:${name}`, await dataFingerprint(db), () =>
    db.query(sql`CREATE OR REPLACE TEMP TABLE ${table} AS ${query}`),
  );
  return table;
}
