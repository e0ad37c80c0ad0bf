import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { SqlQuery } from '../sql/sql';
import { explainDuckDBError, plainValue, SESSION_SETTINGS, type Connector, type Row } from './connector';

/**
 * Native DuckDB (same engine version as duckdb-wasm) for large CLI runs and for the
 * benchmark's reference timings. Registered files are written to a private temp folder and
 * read from there under their registered name.
 */
export async function openNativeNode(options: { threads?: number } = {}): Promise<Connector> {
  const instance = await DuckDBInstance.create(':memory:', options.threads ? { threads: String(options.threads) } : {});
  const connection = await instance.connect();
  const folder = mkdtempSync(join(tmpdir(), 'annoqa-'));
  await connection.run(`SET file_search_path = '${folder.replaceAll("'", "''")}'`);
  for (const statement of SESSION_SETTINGS) await connection.run(statement);

  // One statement at a time on the connection (callers may overlap: the report's sections run
  // concurrently, their JavaScript while the next statement runs on DuckDB's threads).
  let previous: Promise<unknown> = Promise.resolve();
  function run<T extends Row>(query: SqlQuery | string): Promise<T[]> {
    const next = previous.then(() => runNow<T>(query));
    previous = next.catch(() => undefined);
    return next;
  }

  async function runNow<T extends Row>(query: SqlQuery | string): Promise<T[]> {
    try {
      // without parameters, not as a prepared statement (node-api's prepared path reports failures
      // only as "Failed to execute prepared statement", and failed now and then on two threads)
      const reader =
        typeof query === 'string' || query.params.length === 0
          ? await connection.runAndReadAll(typeof query === 'string' ? query : query.text)
          : await connection.runAndReadAll(query.text, query.params as never[]);
      return rowsFromColumns<T>(reader.deduplicatedColumnNames(), reader.getColumnsJS() as unknown[][], reader.currentRowCount);
    } catch (error) {
      throw explainDuckDBError(error);
    }
  }

  return {
    engine: 'duckdb-native',
    query: run,
    async exec(statements: string) {
      await run(statements);
    },
    async registerFile(name: string, bytes: Uint8Array) {
      writeFileSync(join(folder, name), bytes);
    },
    async dropFile(name: string) {
      rmSync(join(folder, name), { force: true });
    },
    async close() {
      await previous;
      connection.closeSync();
      instance.closeSync();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Row objects built from the result's columns (`getColumnsJS`, 4–5× faster than
 * `getRowObjectsJS` on large results), each value in the plain form of `Row` (`plainValue`,
 * called only for values that are not already plain: BIGINTs, dates, lists, structs).
 */
function rowsFromColumns<T extends Row>(names: string[], columns: unknown[][], rowCount: number): T[] {
  const rows = new Array<T>(rowCount);
  for (let r = 0; r < rowCount; r++) {
    const row: Row = {};
    for (let c = 0; c < names.length; c++) {
      const value = columns[c][r];
      row[names[c]] = value !== null && (typeof value === 'object' || typeof value === 'bigint') ? plainValue(value) : value;
    }
    rows[r] = row as T;
  }
  return rows;
}
