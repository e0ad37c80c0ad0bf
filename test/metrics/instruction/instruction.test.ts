import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { acceptRateByQuestion } from '../../../src/lib/metrics/instruction/accept-rate';
import { instructionByQuestion } from '../../../src/lib/metrics/instruction/instruction-by-question';
import { qualityThresholdByQuestion } from '../../../src/lib/metrics/instruction/quality-threshold';
import { questionKey } from '../../../src/lib/report/report-types';
import { clearDb, freshDb, loadCsvText } from '../../helpers/db';

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(async () => db.close());

const key = (question: string) => questionKey({ batch_id: 'b1', strategy: 'instruction_tuning', question });

describe('instruction-tuning measures on a hand-made batch', () => {
  it('share below threshold with its upper bound, accept-rate against gold', async () => {
    await clearDb(db);
    // 100 items rated by two annotators; item 7 averages 2.5 (below 3), item 8 averages exactly 3 (not below).
    const lines: string[] = [];
    for (let i = 1; i <= 100; i++) {
      const [a, b] = i === 7 ? [2, 3] : i === 8 ? [2, 4] : [4, 5];
      lines.push(`b1,instruction_tuning,it${i},x,quality,${a},`, `b1,instruction_tuning,it${i},y,quality,${b},`);
    }
    // accept/reject on 4 items, gold on 3 of them.
    lines.push(
      'b1,instruction_tuning,it1,x,accept,accept,accept',
      'b1,instruction_tuning,it1,y,accept,reject,accept',
      'b1,instruction_tuning,it2,x,accept,accept,reject',
      'b1,instruction_tuning,it2,y,accept,reject,reject',
      'b1,instruction_tuning,it3,x,accept,accept,accept',
      'b1,instruction_tuning,it4,x,accept,accept,',
    );
    await loadCsvText(db, 'it.csv', 'batch_id,strategy,item_id,annotator_id,question,answer,gold\n' + lines.join('\n'));
    const q = (await qualityThresholdByQuestion(db, {}, { threshold: 3 })).get(key('quality'))!;
    expect(q.units).toBe(100);
    expect(q.below).toBe(1);
    expect(q.share_below).toBeCloseTo(0.01, 12);
    // One-sided 95 % upper Clopper–Pearson bound for 1/100: R binom.test(1, 100, alternative = "less")$conf.int[2]
    // = qbeta(0.95, 2, 99) = 0.04655981 (R 4.3).
    expect(q.share_below_upper!).toBeCloseTo(0.04655981, 6);
    expect(q.worst_items[0]).toEqual({ item_id: 'it7', mean_rating: 2.5, ratings: 2 });

    const a = (await acceptRateByQuestion(db)).get(key('accept'))!;
    // 6 judgements, 5 accept.
    expect(a.judgements).toBe(6);
    expect(a.accept_rate).toBeCloseTo(4 / 6, 12);
    // With gold: it1 x ✓ y ✗, it2 x ✗ (false accept) y ✓, it3 x ✓ → 3 of 5.
    expect(a.judgements_with_gold).toBe(5);
    expect(a.agreement_with_gold).toBeCloseTo(3 / 5, 12);
    expect(a.gold_accept_rate).toBeCloseTo(3 / 5, 12);
    expect(a.false_accept_rate).toBeCloseTo(1 / 2, 12);
    expect(a.false_reject_rate).toBeCloseTo(1 / 3, 12);
    const x = a.annotators.find((r) => r.annotator_id === 'x')!;
    expect(x.accept_rate).toBe(1);
    expect(x.agreement_with_gold).toBeCloseTo(2 / 3, 12);

    const all = await instructionByQuestion(db);
    expect(all.quality.has(key('quality'))).toBe(true);
    expect(all.accept.has(key('accept'))).toBe(true);
  });
});
