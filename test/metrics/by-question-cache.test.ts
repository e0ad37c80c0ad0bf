import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { agreementByQuestion } from '../../src/lib/metrics/agreement/agreement-by-question';
import { byQuestionCached } from '../../src/lib/metrics/by-question-cache';
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
