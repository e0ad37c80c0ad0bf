import { createRequire } from 'node:module';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { SqlQuery } from '../sql/sql';
import { arrowToRows } from './arrow-rows';
import { explainDuckDBError, SESSION_SETTINGS, type Connector, type Row } from './connector';

const require = createRequire(import.meta.url);

/**
 * duckdb-wasm on Node (the blocking build): the browser's engine and SQL, used by the tests
 * and by the CLI. Start-up takes ~2–3 s, so share one instance per test file.
 */
export async function openWasmNode(): Promise<Connector> {
  const bundles = {
    mvp: {
      mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'),
      mainWorker: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-mvp.worker.cjs'),
    },
    eh: {
      mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'),
      mainWorker: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-eh.worker.cjs'),
    },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open({ query: { castDecimalToDouble: true } });
  const connection = db.connect();
  for (const statement of SESSION_SETTINGS) connection.query(statement);

  function run<T extends Row>(query: SqlQuery | string): T[] {
    try {
      if (typeof query === 'string') return arrowToRows<T>(connection.query(query));
      if (query.params.length === 0) return arrowToRows<T>(connection.query(query.text));
      const statement = connection.prepare(query.text);
      try {
        return arrowToRows<T>(statement.query(...query.params));
      } finally {
        statement.close();
      }
    } catch (error) {
      throw explainDuckDBError(error);
    }
  }

  return {
    engine: 'duckdb-wasm',
    async query<T extends Row>(query: SqlQuery | string) {
      return run<T>(query);
    },
    async exec(statements: string) {
      run(statements);
    },
    async registerFile(name: string, bytes: Uint8Array) {
      db.registerFileBuffer(name, bytes);
    },
    async dropFile(name: string) {
      db.dropFile(name);
    },
    async insertArrow(table: string, ipc: Uint8Array, create: boolean) {
      try {
        connection.insertArrowFromIPCStream(ipc, { name: table, create });
      } catch (error) {
        throw explainDuckDBError(error);
      }
    },
    async close() {
      connection.close();
      db.reset();
    },
  };
}
