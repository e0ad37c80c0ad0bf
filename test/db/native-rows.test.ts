import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainRow, type Connector } from '../../src/lib/db/connector';
import { openNativeNode } from '../../src/lib/db/native-node';

// native-node.ts builds rows from the result's columns; the reference is node-api's own row
// objects (`getRowObjectsJS`, duplicate names suffixed) passed through `plainRow`.
let db: Connector;
beforeAll(async () => {
  db = await openNativeNode();
});
afterAll(async () => {
  await db.close();
});

const QUERIES = [
  `SELECT 1 AS a, 2::BIGINT AS b, 3::HUGEINT AS h, 1.5 AS d, 2.5::DOUBLE AS e, 'x' AS s, NULL AS n, true AS t,
     DATE '2024-01-02' AS dt, TIMESTAMP '2024-01-02 03:04:05.678' AS ts`,
  `SELECT [1, 2, 3] AS li, [1::BIGINT, NULL] AS lb, ['a', NULL] AS ls, [[1, 2], [3]] AS nested,
     {'x': 1, 'y': [2::BIGINT]} AS st, [{'a': 1::BIGINT}] AS ls2, NULL::INTEGER[] AS ln, []::INTEGER[] AS le`,
  'SELECT 1 AS a, 2 AS a',
  'SELECT range AS i, range::VARCHAR AS s, [range, range + 1] AS l FROM range(3000)',
  'SELECT * FROM range(3) WHERE false',
  // lists of numbers are read from their child vectors (native-node.ts `listItems`): every numeric type, nulls inside and
  // as the list, lists spanning chunks (one row per 2,048-row chunk and lists longer than a chunk)
  `SELECT [1::TINYINT, NULL, -3::TINYINT] AS t, [1::SMALLINT] AS s, [NULL, 2::INTEGER] AS i, [2::BIGINT, -(2::BIGINT << 40)] AS b,
     [255::UTINYINT] AS ut, [65535::USMALLINT] AS us, [4294967295::UINTEGER] AS ui, [1.5::FLOAT, NULL] AS f,
     [1e300::DOUBLE, -0.25, 'NaN'::DOUBLE] AS d, NULL::DOUBLE[] AS nd, []::BIGINT[] AS eb, [1.5::DECIMAL(4,1)] AS dec`,
  'SELECT range % 7 AS g, list(range::INTEGER ORDER BY range) AS i, list(range / 3 ORDER BY range) AS d FROM range(10000) GROUP BY g ORDER BY g',
  'SELECT range AS r, [range::INTEGER, NULL, (range * 2)::INTEGER] AS l FROM range(5000)',
];

describe('native connector rows', () => {
  it.each(QUERIES)('equal node-api row objects through plainRow: %s', async (query) => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const reference = (await connection.runAndReadAll(query)).getRowObjectsJS().map((r) => plainRow(r as never));
    connection.closeSync();
    instance.closeSync();
    expect(await db.query(query)).toEqual(reference);
  });
});
