import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { openNativeNode } from '../../../src/lib/db/native-node';
import { createCanonicalTables } from '../../../src/lib/db/schema';
import { parquetWasmNode } from '../../../src/lib/ingest/formats/parquet-wasm-node';
import { insertParsedFile } from '../../../src/lib/ingest/insert-parsed-file';
import { parseFile, type ParquetRoute } from '../../../src/lib/ingest/parse-file';
import { clearDb, freshDb } from '../../helpers/db';
import { FIXTURES } from './fixture-loading';

/**
 * A flat Parquet file reaches DuckDB three ways: as records through hyparquet and the CSV
 * reader (the reference: every value turned into text by `cellText`), as Arrow decoded by
 * parquet-wasm (duckdb-wasm), or read by native DuckDB's `read_parquet`. Each route must load
 * the same judgements, gold, rejections and source counts. The files are written here by native
 * DuckDB 1.4.3 (the same writer as test/fixtures/tables/*.parquet), with every column type an
 * export may use.
 */
const ROUTES: Record<string, ParquetRoute | undefined> = {
  records: undefined,
  arrow: { decode: 'arrow', wasm: parquetWasmNode },
  duckdb: { decode: 'duckdb' },
};

// Typed columns: DOUBLE whole and fractional answers, DECIMAL cost, FLOAT duration, INT32 rating,
// BOOLEAN pre-labels, TIMESTAMP and TIMESTAMPTZ times (µs), DATE, NULLs; a repeated answer
// (older one rejected), an empty annotator; text with quotes and commas; unmapped columns.
const JUDGEMENTS_SQL = `SELECT * FROM (VALUES
  ('b1', 'it-1', 'ann', 1.0::DOUBLE, 4::INTEGER, 'fine, "really"', 0.25::DECIMAL(6,2), 12.5::FLOAT, true, TIMESTAMP '2024-08-01 09:00:00.123456', TIMESTAMPTZ '2024-08-01 08:59:00+00', DATE '2024-08-01', 'a note'),
  ('b1', 'it-1', 'bob', 2.5::DOUBLE, 5::INTEGER, NULL, 1.50::DECIMAL(6,2), 3::FLOAT, false, TIMESTAMP '2024-08-01 09:01:00', TIMESTAMPTZ '2024-08-01 09:00:00+02', DATE '2024-08-02', NULL),
  ('b1', 'it-2', 'ann', -0.0::DOUBLE, NULL, 'x', NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  ('b1', 'it-2', 'ann', 3.0::DOUBLE, 2::INTEGER, 'newer', 2::DECIMAL(6,2), 0.1::FLOAT, true, TIMESTAMP '2024-08-03 10:00:00', NULL, NULL, NULL),
  ('b2', 'it-3', NULL, 1e20::DOUBLE, 1::INTEGER, 'no annotator', NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  ('b2', 'it-3', 'cy', 0.1::DOUBLE, 3::INTEGER, '', 0::DECIMAL(6,2), NULL, NULL, TIMESTAMP '2024-08-04 00:00:00', NULL, NULL, NULL)
) t(batch_id, item_id, annotator_id, answer, rating, comment, cost_usd, duration_s, prelabeled, submitted_at, started_at, day, noted_at)`;

const GOLD_SQL = `SELECT * FROM (VALUES ('b1', 'it-1', 1.0::DOUBLE), ('b1', 'it-2', 3.0::DOUBLE), ('b2', NULL, 1.0::DOUBLE))
  t(batch_id, item_id, gold)`;

let folder: string;
let wasm: Connector;
let native: Connector;
const files: Record<string, Uint8Array> = {};

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'annoqa-parquet-'));
  wasm = await freshDb();
  native = await openNativeNode();
  await createCanonicalTables(native);
  for (const [name, query] of Object.entries({ judgements: JUDGEMENTS_SQL, gold: GOLD_SQL })) {
    const path = join(folder, `${name}.parquet`);
    await native.exec(`COPY (${query}) TO '${path}' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 2)`);
    files[name] = readFileSync(path);
  }
});
afterAll(async () => {
  await wasm.close();
  await native.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Loads `bytes` by one route (native DuckDB for `duckdb`, duckdb-wasm otherwise) and reads back every table. */
async function loadedBy(
  route: keyof typeof ROUTES,
  fileName: string,
  bytes: Uint8Array,
  role: 'judgements' | 'gold' = 'judgements',
) {
  const db = route === 'duckdb' ? native : wasm;
  await clearDb(db);
  const parsed = await parseFile({ fileName, bytes: bytes.slice(), role, parquet: ROUTES[route] });
  const source = await insertParsedFile(db, parsed);
  const read = (query: string) => db.query(query);
  return {
    kind: parsed.kind,
    counts: { read: source.rowsRead, loaded: source.rowsLoaded, rejected: source.rowsRejected, format: source.format },
    judgements: await read(`SELECT * EXCLUDE (source_id, started_at, submitted_at), epoch_us(started_at) AS started_us,
      epoch_us(submitted_at) AS submitted_us FROM judgements ORDER BY source_row`),
    gold: await read(`SELECT * EXCLUDE (source_id) FROM gold ORDER BY batch_id, item_id, question`),
    rejections: await read(`SELECT source_row, reason FROM rejections ORDER BY source_row`),
    warnings: await read(`SELECT message FROM warnings ORDER BY message`),
  };
}

describe('Parquet: records, Arrow and native routes load the same rows', () => {
  it('judgements with every column type, duplicates and bad values', async () => {
    const reference = await loadedBy('records', 'typed.parquet', files.judgements);
    expect(reference.kind).toBe('records');
    expect(reference.counts).toEqual({ read: 6, loaded: 4, rejected: 2, format: 'parquet' });
    // whole DOUBLEs read as "1" and "3"; TIMESTAMPTZ 09:00+02 is 07:00 UTC; FLOAT 0.1 widened as JavaScript does
    expect(reference.judgements.map((r) => [r.label, r.started_us, r.duration_s])).toEqual([
      ['1', Date.parse('2024-08-01T08:59:00Z') * 1000, 12.5],
      ['2.5', Date.parse('2024-08-01T07:00:00Z') * 1000, 3],
      ['3', null, 0.10000000149011612],
      ['0.1', null, null],
    ]);
    expect(reference.rejections.map((r) => r.source_row)).toEqual([3, 5]);
    for (const route of ['arrow', 'duckdb'] as const) {
      const loaded = await loadedBy(route, 'typed.parquet', files.judgements);
      expect(loaded.kind, route).toBe('table');
      // the one difference: hyparquet reads times to the millisecond, DuckDB keeps the file's microseconds
      const judgements = reference.judgements.map((r, i) => (i === 0 ? { ...r, submitted_us: 1722502800123456 } : r));
      expect(loaded, route).toEqual({ ...reference, kind: 'table', judgements });
    }
  });

  it('an answer key', async () => {
    const reference = await loadedBy('records', 'gold.parquet', files.gold, 'gold');
    expect(reference.counts).toMatchObject({ read: 3, loaded: 2, rejected: 1 });
    for (const route of ['arrow', 'duckdb'] as const) {
      expect(await loadedBy(route, 'gold.parquet', files.gold, 'gold'), route).toEqual({ ...reference, kind: 'table' });
    }
  });

  // test/fixtures/tables/wide.parquet: one column per rater, so the wide-table adapter reads it (all routes).
  it('a wide table and a cut-off file take the records route or fail the same way', async () => {
    const wide = readFileSync(join(FIXTURES, 'tables', 'wide.parquet'));
    expect((await parseFile({ fileName: 'wide.parquet', bytes: wide, parquet: ROUTES.arrow })).kind).toBe('staged');
    const cut = readFileSync(join(FIXTURES, 'malformed', 'truncated.parquet'));
    await expect(parseFile({ fileName: 'cut.parquet', bytes: cut, parquet: ROUTES.arrow })).rejects.toThrow(/cut off/);
  });

  it('a file without rows is refused as on the records route', async () => {
    const path = join(folder, 'empty.parquet');
    await native.exec(
      `COPY (SELECT 'it-1' AS item_id, 'ann' AS annotator_id, 'yes' AS label LIMIT 0) TO '${path}' (FORMAT parquet)`,
    );
    for (const route of Object.values(ROUTES)) {
      await expect(parseFile({ fileName: 'empty.parquet', bytes: readFileSync(path), parquet: route })).rejects.toThrow(
        /empty\.parquet: there are no records to load/,
      );
    }
  });

  it('nested columns go through the records route', async () => {
    const path = join(folder, 'nested.parquet');
    await native.exec(
      `COPY (SELECT 'it-1' AS item_id, 'ann' AS annotator_id, 'yes' AS label, [1, 2] AS boxes) TO '${path}' (FORMAT parquet)`,
    );
    const parsed = await parseFile({ fileName: 'nested.parquet', bytes: readFileSync(path), parquet: ROUTES.arrow });
    expect(parsed.kind).toBe('records');
  });
});
