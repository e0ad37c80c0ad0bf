import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { agreementByQuestion } from '../../src/lib/metrics/agreement/agreement-by-question';
import { byQuestionCached, rowsByPartitionCached } from '../../src/lib/metrics/by-question-cache';
import type { Filters } from '../../src/lib/metrics/filters';
import { sql } from '../../src/lib/sql/sql';
import { freshDb, loadCsvText } from '../helpers/db';

// Two batches × two questions; annotators disagree differently in each.
const CSV = [
  'batch_id,item_id,question,annotator_id,answer',
  ...['b1', 'b2'].flatMap((b, bi) =>
    ['q1', 'q2'].flatMap((q, qi) =>
      Array.from({ length: 6 }, (_, i) => [
        `${b},i${i},${q},a,${(i + bi) % 3}`,
        `${b},i${i},${q},b,${(i + qi) % 3}`,
        `${b},i${i},${q},c,${i % 2}`,
      ]).flat(),
    ),
  ),
].join('\n');

describe('byQuestionCached', () => {
  let db: Connector;
  let computed: Filters[] = [];
  const agreement = (filters: Filters) =>
    byQuestionCached(db, 'agreement', filters, (within) => {
      computed.push(within);
      return agreementByQuestion(db, within, { bootstrap: false });
    });
  beforeAll(async () => {
    db = await freshDb();
    await loadCsvText(db, 'two-batches.csv', CSV);
  });
  afterAll(() => db.close());

  it('gives what the metric gives under the same filters, computing once per within-question filter', async () => {
    computed = [];
    for (const filters of [
      {},
      { batches: ['b2'] },
      { batches: ['b1'], questions: ['q2'] },
      { annotators: ['a', 'b'] },
    ] as Filters[]) {
      const direct = await agreementByQuestion(db, filters, { bootstrap: false });
      expect(await agreement(filters)).toEqual(direct);
    }
    expect(computed).toEqual([{}, { annotators: ['a', 'b'] }]);
  });

  it('recomputes when the data or a level changes', async () => {
    computed = [];
    await agreement({ batches: ['b1'] });
    expect(computed).toHaveLength(0);
    await db.query(sql`UPDATE questions SET level = 'nominal', level_source = 'user' WHERE question = 'q1'`);
    const afterLevel = await agreement({ batches: ['b1'] });
    expect(computed).toHaveLength(1);
    expect(afterLevel).toEqual(await agreementByQuestion(db, { batches: ['b1'] }, { bootstrap: false }));
    await loadCsvText(db, 'more.csv', 'batch_id,item_id,question,annotator_id,answer\nb1,i9,q1,a,1\nb1,i9,q1,b,1\n');
    await agreement({ batches: ['b1'] });
    expect(computed).toHaveLength(2);
  });
});

describe('rowsByPartitionCached without partitions', () => {
  let db: Connector;
  const computed: Filters[] = [];
  const perAnnotator = (filters: Filters) =>
    rowsByPartitionCached(db, 'judgements per annotator', filters, [], async (selected) => {
      computed.push(selected);
      return db.query<{ annotator_id: string; n: number }>(
        sql`SELECT annotator_id, count(*)::INTEGER AS n FROM judgements WHERE ${selected.batches?.length ? sql`batch_id = ${selected.batches[0]}` : sql`true`} GROUP BY ALL ORDER BY ALL`,
      );
    });
  beforeAll(async () => {
    db = await freshDb();
    await loadCsvText(db, 'two-batches.csv', CSV);
  });
  afterAll(() => db.close());

  it('remembers each filter state: going back to one (clearing a filter) computes nothing', async () => {
    const all = await perAnnotator({});
    // 2 batches × 2 questions × 6 items per annotator
    expect(all).toEqual([
      { annotator_id: 'a', n: 24 },
      { annotator_id: 'b', n: 24 },
      { annotator_id: 'c', n: 24 },
    ]);
    expect(await perAnnotator({ batches: ['b1'] })).toEqual(all.map((r) => ({ ...r, n: 12 })));
    all[0].n = -1; // a caller's edit does not reach the cache
    expect(await perAnnotator({})).toEqual([
      { annotator_id: 'a', n: 24 },
      { annotator_id: 'b', n: 24 },
      { annotator_id: 'c', n: 24 },
    ]);
    expect(computed).toEqual([{}, { batches: ['b1'] }]);
    await loadCsvText(db, 'more.csv', 'batch_id,item_id,question,annotator_id,answer\nb1,i9,q1,a,1\n');
    expect((await perAnnotator({}))[0]).toEqual({ annotator_id: 'a', n: 25 });
    expect(computed).toHaveLength(3);
  });
});
