import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector, Row } from '../../src/lib/db/connector';
import { isReadOnlyStatement, withResultCache } from '../../src/lib/db/result-cache';
import { openWasmNode } from '../../src/lib/db/wasm-node';
import { sql, type SqlQuery } from '../../src/lib/sql/sql';
import { createCanonicalTables } from '../../src/lib/db/schema';
import { loadDelimited } from '../../src/lib/ingest/load-delimited';
import { refreshQuestions } from '../../src/lib/ingest/infer-questions';
import { economicsBy } from '../../src/lib/metrics/cost/economics';
import { buildReport } from '../../src/lib/report/build-report';

/** Counts the statements that reach the engine. */
function counting(db: Connector): { db: Connector; ran: string[] } {
  const ran: string[] = [];
  return {
    ran,
    db: {
      ...db,
      query: <T extends Row>(q: SqlQuery | string) => {
        ran.push(typeof q === 'string' ? q : q.text);
        return db.query<T>(q);
      },
      exec: (s: string) => {
        ran.push(s);
        return db.exec(s);
      },
    },
  };
}

describe('withResultCache', () => {
  let engine: Connector;
  beforeAll(async () => {
    engine = await openWasmNode();
  });
  afterAll(() => engine.close());

  it('answers a repeated read from memory, with the same rows', async () => {
    const { db, ran } = counting(engine);
    const cached = withResultCache(db);
    const first = await cached.query(sql`SELECT ${41} + 1 AS answer, [1, 2] AS list`);
    const second = await cached.query(sql`SELECT ${41} + 1 AS answer, [1, 2] AS list`);
    expect(second).toEqual(first);
    expect(first).toEqual([{ answer: 42, list: [1, 2] }]);
    expect(ran).toHaveLength(1);
    // other parameters are another statement
    expect(await cached.query(sql`SELECT ${1} + 1 AS answer, [1, 2] AS list`)).toEqual([{ answer: 2, list: [1, 2] }]);
    expect(ran).toHaveLength(2);
  });

  it('never returns rows older than the data: every write forgets every result', async () => {
    const { db, ran } = counting(engine);
    const cached = withResultCache(db);
    await cached.exec('CREATE OR REPLACE TABLE t AS SELECT 1 AS x');
    const count = () => cached.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM t');
    expect(await count()).toEqual([{ n: 1 }]);
    await cached.query('INSERT INTO t VALUES (2)');
    expect(await count()).toEqual([{ n: 2 }]);
    await cached.exec('INSERT INTO t VALUES (3)');
    expect(await count()).toEqual([{ n: 3 }]);
    expect(await count()).toEqual([{ n: 3 }]);
    expect(ran.filter((s) => s.startsWith('SELECT count'))).toHaveLength(3);
  });

  it('does not keep a read that was running when a write began, even if it ends after the write', async () => {
    // an engine that answers the read only when told to, after the write has finished
    let answer: (rows: Row[]) => void = () => undefined;
    let data = 1;
    const slow: Connector = {
      ...engine,
      query: <T extends Row>(q: SqlQuery | string) =>
        (typeof q === 'string' && q.startsWith('SELECT')
          ? new Promise<Row[]>((resolve) => (answer = resolve))
          : Promise.resolve([])) as Promise<T[]>,
      exec: async () => void data++,
    };
    const cached = withResultCache(slow);
    const read = cached.query('SELECT n FROM u');
    await cached.exec('INSERT INTO u VALUES (2)');
    answer([{ n: data - 1 }]); // the rows it read before the write
    expect(await read).toEqual([{ n: 1 }]);
    const again = cached.query('SELECT n FROM u');
    answer([{ n: data }]);
    expect(await again).toEqual([{ n: 2 }]);
  });

  it('hands out copies: a caller that changes its rows does not change the next answer', async () => {
    const cached = withResultCache(engine);
    const rows = await cached.query<{ list: number[] }>('SELECT [3, 1, 2] AS list');
    rows[0].list.sort();
    const again = await cached.query<{ list: number[] }>('SELECT [3, 1, 2] AS list');
    again[0].list.push(9);
    expect(await cached.query('SELECT [3, 1, 2] AS list')).toEqual([{ list: [3, 1, 2] }]);
  });

  it('shares one execution between identical reads in flight, and forgets failures', async () => {
    const { db, ran } = counting(engine);
    const cached = withResultCache(db);
    const [a, b] = await Promise.all([cached.query('SELECT 7 AS seven'), cached.query('SELECT 7 AS seven')]);
    expect(a).toEqual(b);
    expect(ran).toHaveLength(1);
    await expect(cached.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
    await expect(cached.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
    expect(ran).toHaveLength(3);
  });

  it('keeps at most its limits, dropping the least recently used', async () => {
    const { db, ran } = counting(engine);
    const cached = withResultCache(db, { maxEntries: 2, maxValuesPerResult: 5, maxValuesTotal: 100 });
    await cached.query('SELECT 1 AS v');
    await cached.query('SELECT 2 AS v');
    await cached.query('SELECT 1 AS v'); // hit: now the most recent
    await cached.query('SELECT 3 AS v'); // evicts "2"
    expect(ran).toEqual(['SELECT 1 AS v', 'SELECT 2 AS v', 'SELECT 3 AS v']);
    await cached.query('SELECT 1 AS v');
    await cached.query('SELECT 2 AS v');
    expect(ran.slice(3)).toEqual(['SELECT 2 AS v']);
    await cached.query('SELECT * FROM range(10)'); // more values than maxValuesPerResult: not kept
    await cached.query('SELECT * FROM range(10)');
    expect(ran.filter((s) => s.includes('FROM range'))).toHaveLength(2);
    // one row, but a list of 10 values (Dawid–Skene's rows hold lists of millions): not kept either
    await cached.query('SELECT range(10) AS codes');
    expect(await cached.query('SELECT range(10) AS codes')).toEqual([{ codes: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] }]);
    expect(ran.filter((s) => s.includes('AS codes'))).toHaveLength(2);
    await cached.query('SELECT range(4) AS codes'); // 4 values: kept
    await cached.query('SELECT range(4) AS codes');
    expect(ran.filter((s) => s.includes('range(4)'))).toHaveLength(1);
  });
});

describe('withResultCache on the metrics', () => {
  it('answers a repeated report and economics refresh without running any statement', async () => {
    const { db, ran } = counting(await openWasmNode());
    const cached = withResultCache(db);
    await createCanonicalTables(cached);
    const csv = [
      'batch_id,strategy,item_id,question,annotator_id,answer,gold,submitted_at,duration_s,cost_usd',
      ...Array.from({ length: 40 }, (_, i) =>
        ['a', 'b', 'c']
          .map(
            (a, k) =>
              `b${i % 2},instruction_tuning,i${i},q,${a},${(i + k) % 3},${i % 5 === 0 ? i % 3 : ''},2026-01-0${1 + (i % 3)}T1${k}:00:00Z,${10 + k},0.5`,
          )
          .join('\n'),
      ),
    ].join('\n');
    await loadDelimited(cached, { fileName: 'small.csv', bytes: new TextEncoder().encode(csv) });
    await refreshQuestions(cached);
    const refresh = async () => [
      await buildReport(cached, { filters: { batches: ['b1'] } }),
      await economicsBy(cached, { annotators: ['a', 'b'] }, ['annotator_id']),
    ];
    // the first refresh builds derived tables (writes, which forget what was read before them)
    const first = await refresh();
    expect(await refresh()).toEqual(first);
    const statements = ran.length;
    expect(await refresh()).toEqual(first);
    expect(ran.slice(statements)).toEqual([]);
    await cached.close();
  });
});

describe('isReadOnlyStatement', () => {
  it.each([
    ['SELECT 1', true],
    ['  with t AS (SELECT 1) SELECT * FROM t', true],
    ['(SELECT 1) UNION ALL (SELECT 2)', true],
    ['INSERT INTO t SELECT 1', false],
    ['CREATE TABLE t AS SELECT 1', false],
    ['WITH t AS (SELECT 1) INSERT INTO u SELECT * FROM t', false],
    ['SET threads = 1', false],
    ['SELECT \'no cost in the export\' AS reason, "set" FROM t -- delete', true], // words inside strings, names and comments
    ['SELECT 1 /* a comment */; DROP TABLE t', false],
    ['DELETE FROM t', false],
  ])('%s → %s', (text, expected) => {
    expect(isReadOnlyStatement(text)).toBe(expected);
  });
});
