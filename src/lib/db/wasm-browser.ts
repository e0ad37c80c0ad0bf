import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import type { SqlQuery } from '../sql/sql';
import { arrowToRows } from './arrow-rows';
import { explainDuckDBError, SESSION_SETTINGS, type Connector, type Row } from './connector';

let early: Promise<Connector> | null = null;

/**
 * Starts opening DuckDB now, for the app's first `openWasmBrowser` to take: called by
 * `start-early.ts`, the first module the page runs, so the worker's script and the 34 MB
 * module download and compile while the rest of the page's code evaluates.
 */
export function startWasmBrowser(): void {
  early ??= openNew();
  early.catch(() => undefined); // a failure is reported to whoever takes it
}

/**
 * duckdb-wasm in a Web Worker, with its bundles served by this site (never a CDN): after
 * the page has loaded no request leaves the origin. All SQL runs in the worker, off the
 * main thread. Chromium picks the EH bundle (STACK.md). The first call takes the instance
 * `startWasmBrowser` started, if any; every other call opens a new one.
 */
export function openWasmBrowser(): Promise<Connector> {
  const opening = early ?? openNew();
  early = null;
  return opening;
}

/** The module duckdb-wasm's `getPlatformFeatures` validates to tell wasm exceptions (a `try`/`catch_all`). */
const EXCEPTIONS_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11,
]);

/**
 * Creates the worker and asks it to instantiate the module synchronously (the start-up must not
 * wait for the rest of the page's code to evaluate), then opens and connects. The bundle is the
 * one duckdb-wasm's `selectBundle` picks from these two: EH where wasm exceptions validate, else MVP.
 */
function openNew(): Promise<Connector> {
  const eh = WebAssembly.validate(EXCEPTIONS_PROBE);
  const worker = new Worker(eh ? ehWorker : mvpWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  return connect(db, db.instantiate(eh ? ehWasm : mvpWasm));
}

async function connect(db: duckdb.AsyncDuckDB, instantiating: Promise<unknown>): Promise<Connector> {
  await instantiating;
  await db.open({ query: { castDecimalToDouble: true } });
  const connection = await db.connect();
  for (const statement of SESSION_SETTINGS) await connection.query(statement);
  await useCompressedDatabase(connection);

  async function run<T extends Row>(query: SqlQuery | string): Promise<T[]> {
    try {
      if (typeof query === 'string') return arrowToRows<T>(await connection.query(query));
      if (query.params.length === 0) return arrowToRows<T>(await connection.query(query.text));
      const statement = await connection.prepare(query.text);
      try {
        return arrowToRows<T>(await statement.query(...query.params));
      } finally {
        await statement.close();
      }
    } catch (error) {
      throw explainDuckDBError(error);
    }
  }

  return {
    engine: 'duckdb-wasm',
    query: run,
    async exec(statements: string) {
      await run(statements);
    },
    async registerFile(name: string, bytes: Uint8Array) {
      await db.registerFileBuffer(name, bytes);
    },
    async dropFile(name: string) {
      await db.dropFile(name);
    },
    async insertArrow(table: string, ipc: Uint8Array, create: boolean) {
      try {
        await connection.insertArrowFromIPCStream(ipc, { name: table, create });
      } catch (error) {
        throw explainDuckDBError(error);
      }
    },
    async close() {
      await connection.close();
      await db.terminate();
    },
  };
}

/**
 * Keeps the tables in a compressed in-memory database (DuckDB ≥ 1.3 `ATTACH ':memory:' (COMPRESS)`).
 * Uncompressed, a judgement takes ~280 bytes (26 columns), so the 6.8M rows of a 500 MB long CSV
 * need ~1.9 GB, and twice that while they are checked: more than duckdb-wasm's ~3.1 GiB. Compressed
 * (constant and dictionary columns), the same table takes ~70 MB (measured on the wasm engine with
 * scripts/generate-large-exports.ts). Falls back to the default database if the engine refuses.
 */
async function useCompressedDatabase(connection: duckdb.AsyncDuckDBConnection): Promise<void> {
  try {
    await connection.query(`ATTACH ':memory:' AS annoqa (COMPRESS)`);
    await connection.query('USE annoqa');
  } catch {
    // an engine without in-memory compression: the default (uncompressed) database is used
  }
}
