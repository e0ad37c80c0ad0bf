import { asQuery, type SqlQuery } from '../sql/sql';
import type { Connector, Row } from './connector';
import { isReadOnlyStatement, statementKey } from './result-cache';

/**
 * Read statements (by `statementKey`) and the rows DuckDB returned for them as JSON text
 * (`toSnapshotJson`), in the order first read: a replayed read parses its own rows, which is
 * both its copy and several times faster than copying parsed rows.
 */
export type ReadSnapshot = [key: string, rows: string][];

/**
 * Wraps a connector so that every read statement's rows are kept: `reads()` gives them as a
 * snapshot for `replayReads`. Writes pass through unrecorded (the snapshot holds what the
 * reads returned on the data as it was).
 */
export function recordReads(db: Connector): { connector: Connector; reads: () => ReadSnapshot } {
  const kept = new Map<string, string>();
  const connector: Connector = {
    ...db,
    async query<T extends Row = Row>(input: SqlQuery | string): Promise<T[]> {
      const rows = await db.query<T>(input);
      const statement = asQuery(input);
      if (isReadOnlyStatement(statement.text)) kept.set(statementKey(statement), toSnapshotJson(rows));
      return rows;
    },
  };
  return { connector, reads: () => [...kept] };
}

/** A statement that builds a temporary table (a derived table: `derivedTable`), which leaves the loaded data as it is. */
const BUILDS_TEMP_TABLE = /^\s*CREATE\s+(OR\s+REPLACE\s+)?TEMP(ORARY)?\s+TABLE\b/i;

/**
 * A connector that answers the reads of `snapshot` at once, with the rows recorded
 * (`recordReads`); every other statement runs on `live()` — a DuckDB opened and loaded with the
 * data the snapshot was recorded on, asked for the first time then (or earlier by its caller)
 * — in the order issued. A temporary table built meanwhile (`derivedTable`) is answered at
 * once and built on live before the next statement that runs there (the reads after it are in
 * the snapshot or run after it), without starting live.
 * The first write to the data (a file loaded, a level changed) ends the snapshot: from then on
 * everything runs on live. Server-side rendering's idea for a static site: the first dashboard
 * of the bundled sample is drawn from reads computed at build time by the same code, then
 * DuckDB takes over.
 */
export function replayReads(snapshot: ReadSnapshot, live: () => Promise<Connector>): Connector {
  let recorded: Map<string, string> | null = new Map(snapshot);
  let queue: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  let ready: Connector | null = null;
  const builds: (SqlQuery | string)[] = [];
  /** Runs `work` on live after everything issued before it (and the temporary tables built meanwhile). */
  const onLive = <T>(work: (db: Connector) => Promise<T>): Promise<T> => {
    // nothing to keep in order: straight through (a result cache behind answers at once)
    if (ready && waiting === 0 && builds.length === 0) return work(ready);
    waiting++;
    const next = queue.then(live).then(async (db) => {
      ready = db;
      for (let build = builds.shift(); build !== undefined; build = builds.shift()) await db.query(build);
      return work(db);
    });
    queue = next.catch(() => undefined).finally(() => waiting--);
    return next;
  };
  const write = <T>(work: (db: Connector) => Promise<T>): Promise<T> =>
    onLive((db) => {
      recorded = null;
      return work(db);
    });
  return {
    engine: 'duckdb-wasm',
    async query<T extends Row = Row>(input: SqlQuery | string): Promise<T[]> {
      const statement = asQuery(input);
      if (recorded && BUILDS_TEMP_TABLE.test(statement.text)) {
        builds.push(input); // built before the next statement that runs on live (a failure fails that statement)
        return [];
      }
      if (!isReadOnlyStatement(statement.text)) return write((db) => db.query<T>(input));
      const rows = recorded?.get(statementKey(statement));
      return rows === undefined ? onLive((db) => db.query<T>(input)) : fromSnapshotJson<T[]>(rows);
    },
    exec: (statements) => write((db) => db.exec(statements)),
    registerFile: (name, bytes) => write((db) => db.registerFile(name, bytes)),
    dropFile: (name) => write((db) => db.dropFile(name)),
    insertArrow: (table, ipc, create) =>
      write((db) => {
        if (!db.insertArrow) throw new Error('This DuckDB cannot append Arrow streams');
        return db.insertArrow(table, ipc, create);
      }),
    close: () => write((db) => db.close()),
  };
}

/** Numbers JSON cannot hold (NaN, ±Infinity, -0) as tagged strings, so a snapshot keeps every value. */
const NON_FINITE = '\u0000number:';

/** JSON text of rows (`fromSnapshotJson` reads them back with every number as it was). */
export function toSnapshotJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)) ? `${NON_FINITE}${Object.is(v, -0) ? '-0' : v}` : v,
  );
}

export function fromSnapshotJson<T>(text: string): T {
  // a reviver slows JSON.parse several-fold: used only when the text holds a tagged number
  if (!text.includes(JSON.stringify(NON_FINITE).slice(1, -1))) return JSON.parse(text) as T;
  return JSON.parse(text, (_, v: unknown) =>
    typeof v === 'string' && v.startsWith(NON_FINITE) ? Number(v.slice(NON_FINITE.length)) : v,
  ) as T;
}
