import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { codeOrder, listInCodeOrder } from '../../../src/lib/metrics/accuracy/scored-judgements';
import { sql } from '../../../src/lib/sql/sql';
import { freshDb } from '../../helpers/db';

let db: Connector;
beforeAll(async () => (db = await freshDb()));
afterAll(() => db.close());

describe('listInCodeOrder', () => {
  // The independent computation: DuckDB's ORDER BY with `codeOrder` (numbers numerically, equal
  // numbers by their text, then text codes in text order).
  it('lists each group’s codes in codeOrder', async () => {
    const codes = ['10', '9', 'b', 'A', '2.5', '-1', '1.0', '1', 'a', 'NaN', '1e1', ' 3'];
    const values = codes.map((code, i) => sql`(${i % 2}, ${code})`);
    const table = sql`(VALUES ${values.reduce((all, value) => sql`${all}, ${value}`)}) t(g, code)`;
    const listed = await db.query<{ g: number; codes: string[] }>(
      sql`SELECT g, ${listInCodeOrder('code')} AS codes FROM ${table} GROUP BY g ORDER BY g`,
    );
    const sorted = await db.query<{ g: number; code: string }>(
      sql`SELECT g, code FROM ${table} ORDER BY g, ${codeOrder('code')}`,
    );
    for (const g of [0, 1]) {
      expect(listed[g].codes).toEqual(sorted.filter((row) => row.g === g).map((row) => row.code));
      expect(listed[g].codes).toHaveLength(6);
    }
  });
});
