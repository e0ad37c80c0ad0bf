import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { SqlQuery } from '../sql/sql';
import { explainDuckDBError, plainRow, SESSION_SETTINGS, type Connector, type Row } from './connector';

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

  async function run<T extends Row>(query: SqlQuery | string): Promise<T[]> {
    try {
      const reader =
        typeof query === 'string'
          ? await connection.runAndReadAll(query)
          : await connection.runAndReadAll(query.text, query.params as never[]);
      return reader.getRowObjectsJS().map((row) => plainRow(row as Record<string, unknown>) as T);
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
      connection.closeSync();
      instance.closeSync();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
