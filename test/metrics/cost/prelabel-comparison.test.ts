import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { prelabelComparison } from '../../../src/lib/metrics/cost/prelabel-comparison';
import { clearDb, freshDb, loadCsvText } from '../../helpers/db';

// Hand-computed fixture: one annotator, one minute apart from 09:00, cost 1.00 per answer.
//   pre-labelled p1..p4: durations 10 20 30 40, correct ✓✓✓✗ → 3/4; from scratch s1..s4: 50 60 70 80, ✓✓✗✗ → 2/4.
//   Means 25 and 65, both sd √(500/3); saving 40 s per unit, Welch se √(2·(500/3)/4) = 9.128709,
//   95 % interval 40 ± 1.959964·9.128709 = [22.108, 57.892]. Hours saved 40·4/3600.
//   Active time 10 + 7·60 = 430 s → 8 USD / (430/3600 h); saving = 160/3600 h × that = 1280/430 USD.
const rows = [
  ['p1', 10, 'true', 'yes', 'yes'],
  ['p2', 20, 'true', 'yes', 'yes'],
  ['p3', 30, 'true', 'no', 'no'],
  ['p4', 40, 'true', 'no', 'yes'],
  ['s1', 50, 'false', 'yes', 'yes'],
  ['s2', 60, 'false', 'no', 'no'],
  ['s3', 70, 'false', 'no', 'yes'],
  ['s4', 80, 'false', 'yes', 'no'],
] as const;
const CSV =
  'item_id,annotator_id,question,label,gold,strategy,submitted_at,duration_s,cost_usd,prelabeled\n' +
  rows
    .map(
      ([item, d, pre, label, gold], i) =>
        `${item},a1,q,${label},${gold},instruction_tuning,2024-06-03T09:0${i}:00Z,${d},1.00,${pre}`,
    )
    .join('\n') +
  '\nr1,a2,q,A,,rlhf_preference,2024-06-03T09:00:00Z,5,,\n';

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
  await clearDb(db);
  await loadCsvText(db, 'prelabel.csv', CSV);
});
afterAll(async () => db.close());

describe('prelabelComparison', () => {
  it('compares share, accuracy and time, and implies a saving', async () => {
    const [c] = await prelabelComparison(db, {}, ['strategy']);
    expect(c.strategy).toBe('instruction_tuning');
    expect(c.prelabeled_share).toBeCloseTo(0.5, 12);
    expect(c.prelabeled.accuracy).toBeCloseTo(0.75, 12);
    expect(c.from_scratch.accuracy).toBeCloseTo(0.5, 12);
    expect(c.accuracy_difference).toBeCloseTo(0.25, 12);
    expect(c.prelabeled.median_duration_s).toBeCloseTo(25, 12);
    expect(c.from_scratch.median_duration_s).toBeCloseTo(65, 12);
    expect(c.prelabeled.sd_duration_s).toBeCloseTo(Math.sqrt(500 / 3), 10);
    expect(c.seconds_saved_per_unit).toBeCloseTo(40, 12);
    expect(c.seconds_saved_per_unit_ci95![0]).toBeCloseTo(22.108, 3);
    expect(c.seconds_saved_per_unit_ci95![1]).toBeCloseTo(57.892, 3);
    expect(c.hours_saved).toBeCloseTo(160 / 3600, 12);
    expect(c.saving_usd).toBeCloseTo(1280 / 430, 10);
    // Wilson 95 % of 4/8, by hand: centre 0.5, half-width z·√(0.25/8 + z²/256)/(1 + z²/8) = 0.284784 → [0.215216, 0.784784].
    expect(c.prelabeled_share_wilson95![0]).toBeCloseTo(0.215216, 5);
    expect(c.prelabeled_share_wilson95![1]).toBeCloseTo(0.784784, 5);
    expect(c.prelabeled.wilson95).not.toBeNull();
    expect(c.prelabeled.clopper_pearson95).not.toBeNull();
  });

  it('leaves out answers whose pre-label flag is unknown', async () => {
    const all = await prelabelComparison(db, {}, ['strategy']);
    expect(all.map((c) => c.strategy)).toEqual(['instruction_tuning']);
  });

  it('gives the same figures under a strategy filter, and none for a strategy without flags', async () => {
    const [all] = await prelabelComparison(db, {}, ['strategy']);
    const [only] = await prelabelComparison(db, { strategies: ['instruction_tuning'] }, ['strategy']);
    expect(only).toEqual(all);
    expect(only.saving_usd).toBeCloseTo(1280 / 430, 10);
    expect(await prelabelComparison(db, { strategies: ['rlhf_preference'] }, ['strategy'])).toEqual([]);
    // a within-strategy filter is computed afresh: annotator a2 has no flagged answers
    expect(await prelabelComparison(db, { annotators: ['a2'] }, ['strategy'])).toEqual([]);
  });
});
