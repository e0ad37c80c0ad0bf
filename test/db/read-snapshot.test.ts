import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { fromSnapshotJson, recordReads, replayReads, toSnapshotJson, type ReadSnapshot } from '../../src/lib/db/read-snapshot';
import { openWasmNode } from '../../src/lib/db/wasm-node';
import { sql } from '../../src/lib/sql/sql';

/** A live connector opened on first ask, counting the statements it runs. */
function lazyLive(engine: Connector) {
  const ran: string[] = [];
  let asked = 0;
  const db: Connector = {
    ...engine,
    query: (q) => (ran.push(typeof q === 'string' ? q : q.text), engine.query(q)),
    exec: (s) => (ran.push(s), engine.exec(s)),
  };
  return {
    ran,
    asked: () => asked,
    live: () => {
      asked++;
      return Promise.resolve(db);
    },
  };
}

describe('recordReads and replayReads', () => {
  let engine: Connector;
  let snapshot: ReadSnapshot;
  beforeAll(async () => {
    engine = await openWasmNode();
    await engine.exec('CREATE TABLE t (k INTEGER, x DOUBLE); INSERT INTO t VALUES (1, 0.5), (2, 1.5)');
    const recording = recordReads(engine);
    await recording.connector.query('SELECT sum(x) AS s FROM t');
    await recording.connector.query(sql`SELECT x FROM t WHERE k = ${2}`);
    await recording.connector.exec('CREATE TABLE ignored AS SELECT 1 AS one');
    snapshot = recording.reads();
  });
  afterAll(() => engine.close());

  it('records every read with its parameters, and no write', () => {
    expect(snapshot.map(([key]) => key.split('\u0000')[0])).toEqual(['SELECT sum(x) AS s FROM t', 'SELECT x FROM t WHERE k = ?']);
    expect(fromSnapshotJson(snapshot[1][1])).toEqual([{ x: 1.5 }]);
  });

  it('answers recorded reads without starting live, each with its own copy of the rows', async () => {
    const live = lazyLive(engine);
    const db = replayReads(snapshot, live.live);
    const first = await db.query<{ x: number }>(sql`SELECT x FROM t WHERE k = ${2}`);
    first[0].x = 99;
    expect(await db.query(sql`SELECT x FROM t WHERE k = ${2}`)).toEqual([{ x: 1.5 }]);
    expect(live.asked()).toBe(0);
  });

  it('runs a read it did not record on live (same statement, other parameter)', async () => {
    const live = lazyLive(engine);
    const db = replayReads(snapshot, live.live);
    expect(await db.query(sql`SELECT x FROM t WHERE k = ${1}`)).toEqual([{ x: 0.5 }]);
    expect(live.ran).toEqual(['SELECT x FROM t WHERE k = ?']);
  });

  it('ends the snapshot at the first write: the reads after it see the new data', async () => {
    const live = lazyLive(engine);
    const db = replayReads(snapshot, live.live);
    expect(await db.query('SELECT sum(x) AS s FROM t')).toEqual([{ s: 2 }]);
    await db.query('INSERT INTO t VALUES (3, 10)');
    expect(await db.query('SELECT sum(x) AS s FROM t')).toEqual([{ s: 12 }]);
    await engine.exec('DELETE FROM t WHERE k = 3');
  });

  it('answers a temporary table build at once and builds it on live before the next statement there, without starting live', async () => {
    const live = lazyLive(engine);
    const db = replayReads(snapshot, live.live);
    expect(await db.query('CREATE OR REPLACE TEMP TABLE derived_demo AS SELECT k * 10 AS k10 FROM t')).toEqual([]);
    expect(live.asked()).toBe(0);
    expect(await db.query('SELECT sum(x) AS s FROM t')).toEqual([{ s: 2 }]); // still the snapshot
    expect(await db.query('SELECT sum(k10)::INTEGER AS s FROM derived_demo')).toEqual([{ s: 30 }]);
    expect(live.ran).toEqual([
      'CREATE OR REPLACE TEMP TABLE derived_demo AS SELECT k * 10 AS k10 FROM t',
      'SELECT sum(k10)::INTEGER AS s FROM derived_demo',
    ]);
  });

  it('keeps the order of statements issued before live is ready', async () => {
    let open!: (db: Connector) => void;
    const opening = new Promise<Connector>((resolve) => (open = resolve));
    const db = replayReads(snapshot, () => opening);
    const order: string[] = [];
    const write = db.query('CREATE TABLE later AS SELECT 7 AS seven').then(() => order.push('write'));
    const read = db.query<{ seven: number }>('SELECT seven FROM later').then((rows) => (order.push('read'), rows));
    open(engine);
    await write;
    expect(await read).toEqual([{ seven: 7 }]);
    expect(order).toEqual(['write', 'read']);
    await engine.exec('DROP TABLE later');
  });

  it('fails the statements that need live when live fails to open, and answers recorded reads still', async () => {
    const db = replayReads(snapshot, () => Promise.reject(new Error('no DuckDB here')));
    await expect(db.query('SELECT 1')).rejects.toThrow('no DuckDB here');
    expect(await db.query('SELECT sum(x) AS s FROM t')).toEqual([{ s: 2 }]);
  });
});

describe('toSnapshotJson', () => {
  it('keeps the numbers JSON cannot hold (NaN, ±Infinity, -0) and everything else as is', () => {
    const rows = [
      { a: Number.NaN, b: Infinity, c: -Infinity, d: -0, e: 0, f: 'text', g: [1, null, 'x'], h: { n: 2.5 }, i: null },
    ];
    const back = fromSnapshotJson<typeof rows>(toSnapshotJson(rows));
    expect(back).toEqual(rows);
    expect(Object.is(back[0].d, -0)).toBe(true);
    expect(Number.isNaN(back[0].a)).toBe(true);
  });
});
