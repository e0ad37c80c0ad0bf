import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { codeOrder, lowestInCodeOrder } from '../../../src/lib/metrics/accuracy/scored-judgements';
import { sql } from '../../../src/lib/sql/sql';
import { freshDb } from '../../helpers/db';

let db: Connector;
beforeAll(async () => (db = await freshDb()));
afterAll(() => db.close());

describe('lowestInCodeOrder', () => {
  // The independent computation: DuckDB's ORDER BY with `codeOrder` (numbers numerically, equal
  // numbers by their text, then text codes in text order), first row of each group.
  it('gives each group’s first code in codeOrder', async () => {
    // Every pair of codes a group, so that each code is the lowest of some group.
    const codes = ['10', '9', 'b', 'A', '2.5', '-1', '1.0', '1', 'a', 'NaN', '1e1', ' 3'];
    const pairs = codes.flatMap((a, i) => codes.slice(i + 1).map((b) => [a, b]));
    const groups = pairs.flatMap((pair, g) => pair.map((code) => [g, code] as const));
    const values = groups.map(([g, code]) => sql`(${g}, ${code})`);
    const table = sql`(VALUES ${values.reduce((all, value) => sql`${all}, ${value}`)}) t(g, code)`;
    const lowest = await db.query<{ g: number; code: string }>(
      sql`SELECT g, ${lowestInCodeOrder('code')} AS code FROM ${table} GROUP BY g ORDER BY g`,
    );
    const sorted = await db.query<{ g: number; code: string }>(
      sql`SELECT g, code FROM ${table} ORDER BY g, ${codeOrder('code')}`,
    );
    expect(lowest).toHaveLength(pairs.length);
    for (const { g, code } of lowest) expect(code, `group ${g}`).toBe(sorted.find((row) => row.g === g)!.code);
    expect(new Set(lowest.map((row) => row.code)).size).toBe(codes.length - 1); // all but the highest
  });
});
