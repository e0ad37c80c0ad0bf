import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { derivedTable } from '../../src/lib/db/derived-table';
import { sql } from '../../src/lib/sql/sql';
import { clearDb, freshDb, loadCsvText } from '../helpers/db';

const CSV = 'item_id,annotator_id,answer\ni1,a,x\ni1,b,y\ni2,a,x\n';

describe('derivedTable', () => {
  let db: Connector;
  let builds = 0;
  // Counts the builds: every CREATE of a derived table goes through `query`.
  const counting = (): Connector => ({
    ...db,
    query: (q) => {
      if (typeof q !== 'string' && q.text.startsWith('CREATE OR REPLACE TEMP TABLE')) builds++;
      return db.query(q);
    },
  });
  beforeAll(async () => {
    db = await freshDb();
  });
  afterAll(() => db.close());

  it('builds once per state of the data, shared by concurrent callers, and rebuilds after loads and clears', async () => {
    const counted = counting();
    const build = sql`SELECT count(*)::INTEGER AS n FROM judgements`;
    const count = async () => {
      const table = await derivedTable(counted, 'n', build);
      return (await db.query<{ n: number }>(sql`SELECT n FROM ${table}`))[0].n;
    };
    await loadCsvText(db, 'one.csv', CSV);
    expect(await Promise.all([count(), count(), count()])).toEqual([3, 3, 3]);
    expect(builds).toBe(1);
    await loadCsvText(db, 'two.csv', CSV.replace('i2,a,x', 'i3,c,z'));
    expect(await count()).toBe(6);
    expect(builds).toBe(2);
    await clearDb(db);
    expect(await count()).toBe(0);
    expect(builds).toBe(3);
    expect(await count()).toBe(0);
    expect(builds).toBe(3);
  });

  it('retries a build that failed', async () => {
    await expect(derivedTable(db, 'bad', sql`SELECT * FROM no_such_table`)).rejects.toThrow(/no_such_table/);
    await db.exec('CREATE TABLE no_such_table AS SELECT 1 AS one');
    const table = await derivedTable(db, 'bad', sql`SELECT * FROM no_such_table`);
    expect(await db.query(sql`SELECT one FROM ${table}`)).toEqual([{ one: 1 }]);
  });
});
