import { asQuery, type SqlQuery } from '../sql/sql';
import type { Connector, Row } from './connector';

/**
 * How much a result cache keeps, in values (a field is one value, a list as many as its
 * elements): results larger than `maxValuesPerResult` are not kept.
 */
export interface ResultCacheLimits {
  maxEntries: number;
  maxValuesPerResult: number;
  maxValuesTotal: number;
}

const DEFAULT_LIMITS: ResultCacheLimits = { maxEntries: 512, maxValuesPerResult: 200_000, maxValuesTotal: 2_000_000 };

/**
 * A result's size in values, counted until it exceeds `limit`. Rows are not enough: Dawid–Skene's
 * statement returns a dozen rows holding lists of millions of codes (at 10M judgements, copying
 * them into the cache took 8 s of the CLI's main thread).
 */
function valuesIn(rows: Row[], limit: number): number {
  let values = 0;
  for (const row of rows) {
    for (const value of Object.values(row)) values += Array.isArray(value) ? Math.max(1, value.length) : 1;
    if (values > limit) break;
  }
  return values;
}

/** A statement that only reads: SELECT/WITH/FROM/VALUES without a writing keyword outside its strings and comments. */
const READ_START = /^\s*(SELECT|WITH|FROM|VALUES|\(\s*SELECT)\b/i;
const WRITES =
  /\b(INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|ATTACH|DETACH|COPY|SET|RESET|PRAGMA|CALL|CHECKPOINT|USE|LOAD|INSTALL|EXPORT|IMPORT|VACUUM|BEGIN|COMMIT|ROLLBACK)\b/i;
const STRINGS_AND_COMMENTS = /'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\//g;

/** Whether a statement only reads (its result can be reused until the next write). */
export function isReadOnlyStatement(text: string): boolean {
  const code = text.replace(STRINGS_AND_COMMENTS, ' ');
  return READ_START.test(code) && !WRITES.test(code);
}

/** One key per statement and parameters (a result cache's or a read snapshot's key). */
export function statementKey(query: SqlQuery): string {
  return `${query.text}\u0000${JSON.stringify(query.params, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))}`;
}

interface Entry {
  rows: Promise<Row[]>;
  size: number;
}

/**
 * Wraps a connector so that a read statement seen before returns its remembered rows (a
 * copy) instead of running again: switching a filter back, or returning to a view, is
 * instant — the query cache of Mosaic's coordinator (Heer & Moritz 2024). Everything that is
 * not a plain read (an INSERT, a CREATE, a SET, a registered file …) forgets every result, so
 * a result is never older than the data; a read that was running when a write began is not
 * kept. Identical reads in flight share one execution.
 */
export function withResultCache(db: Connector, limits: ResultCacheLimits = DEFAULT_LIMITS): Connector {
  const entries = new Map<string, Entry>();
  let valuesKept = 0;

  const forget = () => {
    entries.clear();
    valuesKept = 0;
  };
  const drop = (key: string, entry: Entry) => {
    if (entries.get(key) !== entry) return;
    entries.delete(key);
    valuesKept -= entry.size;
  };
  const write = async <T>(work: () => Promise<T>): Promise<T> => {
    forget();
    try {
      return await work();
    } finally {
      forget();
    }
  };

  async function query<T extends Row = Row>(input: SqlQuery | string): Promise<T[]> {
    const statement = asQuery(input);
    if (!isReadOnlyStatement(statement.text)) return write(() => db.query<T>(input));
    const key = statementKey(statement);
    const hit = entries.get(key);
    if (hit) {
      entries.delete(key); // most recently used last
      entries.set(key, hit);
      return structuredClone(await hit.rows) as T[];
    }
    const running = db.query<T>(input).then((rows) => ({ rows, size: valuesIn(rows, limits.maxValuesPerResult) }));
    // the copy kept is taken once; a result too large to keep is shared with concurrent waiters as is
    const kept = running.then(({ rows, size }) => (size > limits.maxValuesPerResult ? rows : (structuredClone(rows) as Row[])));
    const entry: Entry = { rows: kept, size: 0 };
    entries.set(key, entry);
    try {
      const { rows, size } = await running;
      if (size > limits.maxValuesPerResult) drop(key, entry);
      else if (entries.get(key) === entry) {
        // still there: no write began while it ran (a write forgets every entry)
        entry.size = size;
        valuesKept += size;
        while (entries.size > limits.maxEntries || valuesKept > limits.maxValuesTotal) {
          const [oldestKey, oldest] = entries.entries().next().value!;
          drop(oldestKey, oldest);
        }
      }
      return rows;
    } catch (error) {
      drop(key, entry);
      kept.catch(() => undefined);
      throw error;
    }
  }

  return {
    engine: db.engine,
    query,
    exec: (statements) => write(() => db.exec(statements)),
    registerFile: (name, bytes) => write(() => db.registerFile(name, bytes)),
    dropFile: (name) => write(() => db.dropFile(name)),
    insertArrow: db.insertArrow && ((table, ipc, create) => write(() => db.insertArrow!(table, ipc, create))),
    close: () => write(() => db.close()),
  };
}
