import { describe, expect, it } from 'vitest';
import type { Connector, Row } from '../../src/lib/db/connector';
import { memoPerData } from '../../src/lib/db/data-memo';
import { laneStatementOrigin, statementLanes } from '../../src/lib/db/statement-lanes';
import { asQuery, type SqlQuery } from '../../src/lib/sql/sql';

/** A connector whose statements answer only when the test says so, recording the order they were sent in. */
function heldConnector() {
  const sent: string[] = [];
  const pending = new Map<string, { resolve: (rows: Row[]) => void; reject: (error: Error) => void }>();
  const origins: (string | undefined)[] = [];
  const db: Connector = {
    engine: 'duckdb-wasm',
    query: <T extends Row = Row>(query: SqlQuery | string) => {
      const text = asQuery(query).text;
      sent.push(text);
      origins.push(laneStatementOrigin());
      return new Promise<T[]>((resolve, reject) => pending.set(text, { resolve: resolve as (rows: Row[]) => void, reject }));
    },
    exec: async () => undefined,
    registerFile: async () => undefined,
    dropFile: async () => undefined,
    close: async () => undefined,
  };
  const answer = async (text: string, error?: Error) => {
    const held = pending.get(text)!;
    pending.delete(text);
    if (error) held.reject(error);
    else held.resolve([{ text }]);
    await new Promise((resolve) => setTimeout(resolve, 0)); // let the lanes send the next
  };
  return { db, sent, origins, answer };
}

describe('statementLanes', () => {
  it('sends two statements at a time, a waiting statement of `first` before every waiting one of `rest`', async () => {
    const { db, sent, answer } = heldConnector();
    const { first, rest } = statementLanes(db);
    const results = [rest.query('r1'), rest.query('r2'), rest.query('r3'), rest.query('r4'), first.query('f1')];
    expect(sent).toEqual(['r1', 'r2']);
    await answer('r1');
    expect(sent).toEqual(['r1', 'r2', 'f1']);
    const second = first.query('f2');
    await answer('r2');
    expect(sent).toEqual(['r1', 'r2', 'f1', 'f2']);
    for (const text of ['f1', 'f2', 'r3', 'r4']) await answer(text);
    expect(sent).toEqual(['r1', 'r2', 'f1', 'f2', 'r3', 'r4']);
    expect(await Promise.all([...results, second])).toEqual(['r1', 'r2', 'r3', 'r4', 'f1', 'f2'].map((text) => [{ text }]));
  });

  it('fails only the statement that failed, and goes on with the others', async () => {
    const { db, sent, answer } = heldConnector();
    const { first, rest } = statementLanes(db);
    const failing = expect(first.query('bad')).rejects.toThrow('no such table');
    const others = [rest.query('a'), rest.query('b')];
    await answer('bad', new Error('no such table'));
    await failing;
    await answer('a');
    await answer('b');
    expect(sent).toEqual(['bad', 'a', 'b']);
    expect(await Promise.all(others)).toEqual([[{ text: 'a' }], [{ text: 'b' }]]);
  });

  it("shares the connector's memos: a derived result is computed once, whichever lane asks", async () => {
    const { db } = heldConnector();
    const { first, rest } = statementLanes(db);
    let computed = 0;
    const compute = async () => ++computed;
    expect(await memoPerData(first, 'm', 'state-1', compute)).toBe(1);
    expect(await memoPerData(rest, 'm', 'state-1', compute)).toBe(1);
    expect(await memoPerData(db, 'm', 'state-1', compute)).toBe(1);
    expect(computed).toBe(1);
  });

  it('tells a profiler where a held-back statement was asked for', async () => {
    const { db, origins, answer } = heldConnector();
    const { rest } = statementLanes(db);
    const askedHere = () => rest.query('q2');
    const results = [rest.query('q1'), rest.query('q0'), askedHere()];
    await answer('q1');
    expect(origins[2]).toMatch(/askedHere/);
    expect(laneStatementOrigin()).toBeUndefined();
    await answer('q0');
    await answer('q2');
    await Promise.all(results);
  });
});
