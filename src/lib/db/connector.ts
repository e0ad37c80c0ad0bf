import { Type, type Vector } from 'apache-arrow';
import type { SqlQuery } from '../sql/sql';

/** A result row: numbers are JS numbers (BIGINT converted), timestamps are epoch milliseconds. */
export type Row = Record<string, unknown>;

/**
 * One interface to DuckDB, one implementation per runtime (the Mosaic pattern):
 * `wasm-browser.ts` (duckdb-wasm in a Web Worker), `wasm-node.ts` (the same wasm engine on
 * Node, for tests and the CLI) and `native-node.ts` (native DuckDB, for large CLI runs and
 * reference timings). Every metric talks to this interface only.
 */
export interface Connector {
  /** `duckdb-wasm` runs exactly the browser's engine; `duckdb-native` is the native build. */
  readonly engine: 'duckdb-wasm' | 'duckdb-native';
  /** Runs one statement and returns its rows as plain objects. */
  query<T extends Row = Row>(query: SqlQuery | string): Promise<T[]>;
  /** Runs one or more statements (no parameters) and discards results. */
  exec(statements: string): Promise<void>;
  /**
   * Makes `bytes` readable by DuckDB's readers under `name` (e.g. `read_csv('name')`).
   * The browser implementation transfers the buffer to the worker: do not use `bytes` afterwards.
   */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  /** Forgets a registered file. */
  dropFile(name: string): Promise<void>;
  /**
   * Appends an Arrow IPC stream to `table` (creating it from the stream's schema when `create`).
   * duckdb-wasm only (its way in for Parquet, decoded by parquet-wasm); native DuckDB reads Parquet itself.
   */
  insertArrow?(table: string, ipc: Uint8Array, create: boolean): Promise<void>;
  close(): Promise<void>;
}

/** Settings applied to every connection: no extension is ever downloaded (offline, private). */
export const SESSION_SETTINGS = ['SET autoinstall_known_extensions = false', 'SET autoload_known_extensions = false'];

/** Converts one value from DuckDB's JS representation into the plain form of `Row`. */
export function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.getTime();
  if (Array.isArray(value)) return value.map(plainValue);
  if (value && typeof value === 'object') {
    // Arrow vectors (toJSON → array) and struct rows (toJSON → object). A struct row is a Proxy
    // whose `in` sees only its field names, so the methods are probed directly.
    const arrow = value as { toJSON?: () => unknown; toArray?: () => Iterable<unknown> };
    // A list of integers or floats without nulls: its typed array, copied at once. (Told by its
    // shape, not `instanceof Vector`: on Node, duckdb-wasm's CommonJS build has its own apache-arrow.)
    if (isNumericVector(value)) {
      const typed: unknown = value.toArray();
      if (typed instanceof BigInt64Array || typed instanceof BigUint64Array) return Array.from(typed, Number);
      if (ArrayBuffer.isView(typed)) return Array.from(typed as unknown as ArrayLike<number>);
    }
    const json = typeof arrow.toJSON === 'function' ? arrow.toJSON() : undefined;
    if (Array.isArray(json)) return json.map(plainValue);
    if (json && typeof json === 'object') return plainRow(json as Record<string, unknown>);
    if (typeof arrow.toArray === 'function') return Array.from(arrow.toArray(), plainValue);
    if (Object.getPrototypeOf(value) === Object.prototype) return plainRow(value as Record<string, unknown>);
  }
  return value;
}

function isNumericVector(value: object): value is Vector {
  const vector = value as Partial<Vector>;
  return (
    typeof vector.toArray === 'function' &&
    vector.nullCount === 0 &&
    vector.type !== undefined &&
    (vector.type.typeId === Type.Int || vector.type.typeId === Type.Float)
  );
}

/** Applies `plainValue` to every field of a row. */
export function plainRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) out[key] = plainValue(value);
  return out;
}

/**
 * Rewrites two of DuckDB's messages into ones that say what to do: a missing extension
 * (extensions are never downloaded, so `read_json` … do not exist in the browser), and running
 * out of memory (duckdb-wasm has ~3.1 GiB: STACK.md), which points to the CLI on native DuckDB.
 */
export function explainDuckDBError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith('Out of Memory Error')) {
    const used = /\(([^()]*used)\)/.exec(message)?.[1];
    return new Error(
      `DuckDB ran out of memory${used ? ` (${used})` : ''}: the data loaded is too large for this computation here. ` +
        "In a browser tab DuckDB has about 3 GiB; the command line runs the same analysis on native DuckDB with the machine's memory: " +
        'npm run -s annoqa -- report FILE… --engine native',
    );
  }
  const extension = /exists in the (\w+) extension/.exec(message)?.[1];
  if (extension) {
    return new Error(
      `This needs DuckDB's ${extension} extension, which AnnoQA never downloads (it works offline). ` +
        `Load the file through AnnoQA's own ${extension} reader instead.\n(DuckDB said: ${message.split('\n')[0]})`,
    );
  }
  return error instanceof Error ? error : new Error(message);
}
