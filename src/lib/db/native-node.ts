import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DuckDBInstance,
  DuckDBListVector,
  DuckDBTypeId,
  JSDuckDBValueConverter,
  type DuckDBDataChunk,
  type DuckDBType,
  type DuckDBVector,
} from '@duckdb/node-api';
import type { SqlQuery } from '../sql/sql';
import { explainDuckDBError, plainValue, SESSION_SETTINGS, type Connector, type Row } from './connector';
import { fileOnDisk } from './files-on-disk';

/**
 * Native DuckDB (same engine version as duckdb-wasm) for large CLI runs and for the
 * benchmark's reference timings. Registered files are written to a private temp folder (or
 * linked there, for bytes read from a file: `files-on-disk.ts`) and read from there under
 * their registered name.
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
      const result =
        typeof query === 'string' || query.params.length === 0
          ? await connection.run(typeof query === 'string' ? query : query.text)
          : await connection.run(query.text, query.params as never[]);
      const chunks = await result.fetchAllChunks();
      const numericLists = result.columnTypes().map(isNumericList);
      const columns = numericLists.map((numericList, c) => columnValues(chunks, c, numericList));
      const rowCount = chunks.reduce((n, chunk) => n + chunk.rowCount, 0);
      return rowsFromColumns<T>(result.deduplicatedColumnNames(), columns, numericLists, rowCount);
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
      const target = join(folder, name);
      // never write through a link left under this name to a user's file
      rmSync(target, { force: true });
      const onDisk = fileOnDisk(bytes);
      if (onDisk) {
        // bytes read from a file (the CLI's): DuckDB reads that file, through a link, not a copy
        try {
          symlinkSync(onDisk, target);
          return;
        } catch {
          // no links here (e.g. Windows without the privilege): a copy, as for any bytes
        }
      }
      writeFileSync(target, bytes);
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

/** Numeric types whose values node-api reads as JS numbers (or bigints, made numbers here). */
const NUMERIC_TYPES = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.FLOAT,
  DuckDBTypeId.DOUBLE,
]);

function isNumericList(type: DuckDBType): boolean {
  return type.typeId === DuckDBTypeId.LIST && NUMERIC_TYPES.has(type.valueType.typeId);
}

/**
 * One column's values over all chunks, as node-api's `getColumnsJS` gives them, except that a
 * list of numbers is read straight from its child vector: node-api builds a value object per
 * element (~300 ns), which made reading Dawid–Skene's lists of 10M codes take 11 s.
 */
function columnValues(chunks: DuckDBDataChunk[], column: number, numericList: boolean): unknown[] {
  const values: unknown[] = [];
  for (const chunk of chunks) {
    if (numericList) {
      const lists = chunk.getColumnVector(column) as DuckDBListVector;
      for (let r = 0; r < chunk.rowCount; r++) values.push(listItems(lists.getItemVector(r)));
    } else {
      chunk.visitColumnValues(column, (value, _row, _column, valueType) =>
        values.push(JSDuckDBValueConverter(value, valueType, JSDuckDBValueConverter)),
      );
    }
  }
  return values;
}

/** A list's numbers (BIGINTs made numbers): already plain. */
function listItems(vector: DuckDBVector | null): unknown[] | null {
  if (!vector) return null;
  const items = new Array<unknown>(vector.itemCount);
  for (let i = 0; i < items.length; i++) {
    const item = vector.getItem(i);
    items[i] = typeof item === 'bigint' ? Number(item) : item;
  }
  return items;
}

/**
 * Row objects built from the result's columns (4–5× faster than node-api's
 * `getRowObjectsJS` on large results), each value in the plain form of `Row` (`plainValue`,
 * called only for values that are not already plain: BIGINTs, dates, lists, structs; `plain`
 * columns are).
 */
function rowsFromColumns<T extends Row>(names: string[], columns: unknown[][], plain: boolean[], rowCount: number): T[] {
  const rows = new Array<T>(rowCount);
  for (let r = 0; r < rowCount; r++) {
    const row: Row = {};
    for (let c = 0; c < names.length; c++) {
      const value = columns[c][r];
      row[names[c]] =
        !plain[c] && value !== null && (typeof value === 'object' || typeof value === 'bigint') ? plainValue(value) : value;
    }
    rows[r] = row as T;
  }
  return rows;
}
