import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { openNativeNode } from '../../src/lib/db/native-node';
import { openWasmNode } from '../../src/lib/db/wasm-node';

// Regressions: lists of structs came back from duckdb-wasm as Arrow StructRow proxies (whose
// `in` operator sees only field names), and duckdb-wasm's castBigIntToDouble turned a BIGINT
// inside a struct into the float with the same bits (1 → 5e-324). Both engines must return
// the same plain values.
const QUERY = `SELECT 42::BIGINT AS big, [1, 2]::INTEGER[] AS ints, {'a': 1::BIGINT, 'b': 'x'} AS struct,
  [{'k': 'p', 'v': 2::BIGINT}, {'k': 'q', 'v': NULL}] AS structs, TIMESTAMP '2026-01-02 03:04:05' AS ts,
  sum(x)::HUGEINT AS huge, sum(x) AS summed, avg(x) AS mean, 1.25::DECIMAL(5, 2) AS dec FROM (VALUES (1), (2)) t(x)`;
const EXPECTED = {
  big: 42,
  ints: [1, 2],
  struct: { a: 1, b: 'x' },
  structs: [
    { k: 'p', v: 2 },
    { k: 'q', v: null },
  ],
  ts: Date.UTC(2026, 0, 2, 3, 4, 5),
  huge: 3,
  summed: 3,
  mean: 1.5,
  dec: 1.25,
};

let wasm: Connector;
let native: Connector;
beforeAll(async () => {
  wasm = await openWasmNode();
  native = await openNativeNode();
});
afterAll(async () => {
  await wasm.close();
  await native.close();
});

describe('plain rows from both engines', () => {
  it('duckdb-wasm', async () => {
    const [row] = await wasm.query(QUERY);
    expect(row).toStrictEqual(EXPECTED);
  });
  it('native DuckDB', async () => {
    const [row] = await native.query(QUERY);
    expect(row).toStrictEqual(EXPECTED);
  });
});
