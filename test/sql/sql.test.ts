import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { filteredJudgements } from '../../src/lib/metrics/filters';
import { ident, joinSql, literal, sql } from '../../src/lib/sql/sql';
import { freshDb, loadCsvText } from '../helpers/db';

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(async () => {
  await db.close();
});

describe('sql tag', () => {
  it('binds values, quotes identifiers and nests fragments with their parameters in order', () => {
    const inner = sql`b = ${2}`;
    const q = sql`SELECT ${ident('we"ird')} FROM t WHERE a = ${'x'} AND ${inner} AND c IN (${joinSql([sql`${3}`, sql`${4}`])}) AND d = ${literal("it's")}`;
    expect(q.text).toBe('SELECT "we""ird" FROM t WHERE a = ? AND b = ? AND c IN (?, ?) AND d = \'it\'\'s\'');
    expect(q.params).toEqual(['x', 2, 3, 4]);
  });

  it('refuses to bind NaN or Infinity', () => {
    expect(() => sql`SELECT ${Number.NaN}`).toThrow('sql: cannot bind the non-finite number NaN');
  });

  it('runs on duckdb-wasm with hostile strings as data, not SQL', async () => {
    const [row] = await db.query(sql`SELECT ${"'); DROP TABLE judgements; --"} AS s`);
    expect(row).toEqual({ s: "'); DROP TABLE judgements; --" });
  });
});

describe('filters', () => {
  it('select by batch, annotator, day range and gold, in SQL that DuckDB accepts', async () => {
    await loadCsvText(
      db,
      'f.csv',
      [
        'batch,item,annotator,label,gold,submitted_at',
        'b1,1,a,x,x,2026-01-01T23:59:59Z',
        'b1,1,b,y,x,2026-01-02T00:00:00Z',
        'b2,2,a,x,,2026-01-03T10:00:00Z',
        'b2,3,c,x,,',
      ].join('\n'),
    );
    const count = async (filters: Parameters<typeof filteredJudgements>[0]) =>
      (await db.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM ${filteredJudgements(filters)} t`))[0].n;
    expect(await count({})).toBe(4);
    expect(await count({ batches: ['b1'] })).toBe(2);
    expect(await count({ annotators: ['a', 'c'] })).toBe(3);
    expect(await count({ from: '2026-01-02', to: '2026-01-02' })).toBe(1);
    expect(await count({ to: '2026-01-01' })).toBe(1);
    expect(await count({ gold: 'gold' })).toBe(2);
    expect(await count({ gold: 'non-gold' })).toBe(2);
    expect(await count({ batches: [] })).toBe(4);
  });
});
