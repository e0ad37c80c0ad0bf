import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import type { SqlQuery } from '../sql/sql';
import { arrowToRows } from './arrow-rows';
import { explainDuckDBError, SESSION_SETTINGS, type Connector, type Row } from './connector';
import { takeDuckDBPrefetch } from './duckdb-prefetch';

/**
 * duckdb-wasm in a Web Worker, with its bundles served by this site (never a CDN): after
 * the page has loaded no request leaves the origin. All SQL runs in the worker, off the
 * main thread. Chromium picks the EH bundle (STACK.md).
 */
export async function openWasmBrowser(): Promise<Connector> {
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
  });
  // The worker and module `main.ts` started loading with the page (`prefetchDuckDB`), when there are.
  const prefetched = takeDuckDBPrefetch(bundle.mainModule === ehWasm);
  const worker = prefetched?.worker ?? new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  // (a failed prefetch falls back to the worker's own download)
  const moduleUrl = prefetched ? await prefetched.wasmUrl.catch(() => bundle.mainModule) : bundle.mainModule;
  try {
    await db.instantiate(moduleUrl, bundle.pthreadWorker);
  } finally {
    if (moduleUrl.startsWith('blob:')) URL.revokeObjectURL(moduleUrl);
  }
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
