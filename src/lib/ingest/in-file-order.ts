import type { Connector } from '../db/connector';
import { sql, type SqlQuery } from '../sql/sql';

/**
 * Runs a CREATE TABLE AS whose rows must be stored in the order read (`source_row` is the
 * rowid). One thread reads in order; several threads keep the order only in a batch-index
 * insert, which DuckDB plans when every operator preserves order (a join does not: an
 * `IN (…)` list of five or more becomes one). Otherwise the statement runs on one thread.
 */
export async function inFileOrder(db: Connector, statement: SqlQuery): Promise<void> {
  const [{ threads }] = await db.query<{ threads: number }>(`SELECT current_setting('threads')::INTEGER AS threads`);
  if (threads > 1) {
    const plan = await db.query(sql`EXPLAIN ${statement}`);
    if (!JSON.stringify(plan).includes('BATCH_CREATE_TABLE_AS')) {
      await db.exec('SET threads = 1');
      try {
        await db.query(statement);
      } finally {
        await db.exec(`SET threads = ${threads}`);
      }
      return;
    }
  }
  await db.query(statement);
}
