import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { defaultRateCard, type RateCard } from '../../../src/lib/economics/rate-card';
import { annotatorEconomics, strategyEconomics } from '../../../src/lib/metrics/cost/economics';
import { clearDb, freshDb, loadCsvText } from '../../helpers/db';

// Hand-computed fixture (gold inline). instruction_tuning, batch b1:
//   a1: i1 yes✓ i2 no✓ i3 yes✗ i4 yes✓ — cost_usd 0.80 each (export), 10:00 (60 s), 10:10, 10:20, 10:30
//       → 3/4 correct, cost 3.20, active 60 + 3·600 = 1860 s.
//   a2: i1 no✗ i2 yes✗ — no cost_usd (rate card), 11:00 (100 s), 11:05 → 0/2 correct, active 100 + 300 = 400 s.
//   a3: u1, no strategy ("unspecified"), no time, no cost, no gold.
//   a5: vl_alignment, item v1 with two questions (caption, vqa), item v2 with one (vqa); no cost_usd.
//       Rate card 6.00 per image → v1's two answers 3.00 each, v2's 6.00: 12.00 for 2 items, 3 units.
const CSV = `item_id,annotator_id,question,label,gold,strategy,submitted_at,duration_s,cost_usd
i1,a1,q,yes,yes,instruction_tuning,2024-05-01T10:00:00Z,60,0.80
i2,a1,q,no,no,instruction_tuning,2024-05-01T10:10:00Z,,0.80
i3,a1,q,yes,no,instruction_tuning,2024-05-01T10:20:00Z,,0.80
i4,a1,q,yes,yes,instruction_tuning,2024-05-01T10:30:00Z,,0.80
i1,a2,q,no,yes,instruction_tuning,2024-05-01T11:00:00Z,100,
i2,a2,q,yes,no,instruction_tuning,2024-05-01T11:05:00Z,,
u1,a3,q,yes,,,,,
v1,a5,caption,a dog,,vl_alignment,2024-05-02T09:00:00Z,40,
v1,a5,vqa,2,2,vl_alignment,2024-05-02T09:01:00Z,20,
v2,a5,vqa,3,2,vl_alignment,2024-05-02T09:02:00Z,20,
`;

// Wilson 95 % for 3/6, by hand: z = 1.959964, centre 0.5, half-width z·√(0.25/6 + z²/144)/(1 + z²/6) = 0.312383
// → [0.187617, 0.812383] (statsmodels proportion_confint(3, 6, method='wilson') gives the same).
const WILSON_3_OF_6: [number, number] = [0.187617, 0.812383];

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
  await clearDb(db);
  await loadCsvText(db, 'economics.csv', CSV);
});
afterAll(async () => db.close());

describe('strategyEconomics with the default rate card', () => {
  it('mixes export costs and rate-card prices, and carries the accuracy interval through', async () => {
    const rows = await strategyEconomics(db, {});
    const it_ = rows.find((r) => r.strategy === 'instruction_tuning')!;
    // cost = 4 × 0.80 (export) + 2 × 1.25 (midpoint of 0.50–2.00) = 5.70; units i1..i4 = 4 → 1.425 per unit.
    expect(it_.cost_usd).toBeCloseTo(5.7, 12);
    expect(it_.cost_source).toBe('mixed');
    expect(it_.units).toBe(4);
    expect(it_.cost_per_unit).toBeCloseTo(1.425, 12);
    expect(it_.answers_per_unit).toBeCloseTo(1.5, 12);
    // accuracy 3/6 → cost per correct unit 1.425 / 0.5 = 2.85; interval [1.425/0.812383, 1.425/0.187617].
    expect(it_.accuracy).toBeCloseTo(0.5, 12);
    expect(it_.cost_per_correct_unit).toBeCloseTo(2.85, 12);
    expect(it_.cost_per_correct_unit_ci95![0]).toBeCloseTo(1.425 / WILSON_3_OF_6[1], 4);
    expect(it_.cost_per_correct_unit_ci95![1]).toBeCloseTo(1.425 / WILSON_3_OF_6[0], 4);
    // active 1860 + 400 s = 2260 s → 5.70 / (2260/3600) USD per annotator-hour.
    expect(it_.cost_per_annotator_hour).toBeCloseTo(5.7 / (2260 / 3600), 10);
  });

  it('is null with a reason when a strategy has no price', async () => {
    const unspecified = (await strategyEconomics(db, {})).find((r) => r.strategy === 'unspecified')!;
    expect(unspecified.cost_usd).toBeNull();
    expect(unspecified.reasons.cost_usd).toMatch(/no per-item price for strategy "unspecified"/);
    expect(unspecified.cost_per_unit).toBeNull();
    expect(unspecified.accuracy).toBeNull();
    expect(unspecified.reasons.accuracy).toMatch(/gold/);
    // A '*' price covers every other strategy.
    const card: RateCard = { ...defaultRateCard(), per_item: { ...defaultRateCard().per_item, '*': 2 } };
    const priced = (await strategyEconomics(db, { strategies: ['unspecified'] }, card))[0];
    expect(priced.cost_usd).toBeCloseTo(2, 12);
  });
});

describe('per-item prices', () => {
  it('splits an item price over the questions answered on it', async () => {
    const [vl] = await strategyEconomics(db, { strategies: ['vl_alignment'] });
    expect([vl.items, vl.units, vl.item_assignments, vl.assignments]).toEqual([2, 3, 2, 3]);
    expect(vl.cost_usd).toBeCloseTo(12, 12);
    expect(vl.cost_per_item).toBeCloseTo(6, 12);
    expect(vl.price_per_item).toBeCloseTo(6, 12);
    expect(vl.cost_per_unit).toBeCloseTo(4, 12);
    // vqa only: v1's share 3.00 + v2's 6.00 = 9.00 over 2 units. Accuracy (text is not scored): v1 "2" = gold ✓, v2 "3" ✗ → 1/2.
    const [vqa] = await strategyEconomics(db, { strategies: ['vl_alignment'], questions: ['vqa'] });
    expect(vqa.cost_usd).toBeCloseTo(9, 12);
    expect(vqa.accuracy).toBeCloseTo(0.5, 12);
    expect(vqa.cost_per_correct_unit).toBeCloseTo(4.5 / 0.5, 12);
    // one annotator, one day, 2 items → 2 items per annotator-day; 3 units per annotator-day.
    expect(vl.items_per_annotator_day).toBeCloseTo(2, 12);
    expect(vl.units_per_annotator_day).toBeCloseTo(3, 12);
  });
});

describe('annotatorEconomics', () => {
  it('gives each annotator cost, accuracy and cost per correct unit', async () => {
    const rows = await annotatorEconomics(db, {});
    const a1 = rows.find((r) => r.annotator_id === 'a1')!;
    expect(a1.cost_usd).toBeCloseTo(3.2, 12);
    expect(a1.cost_source).toBe('export');
    expect(a1.accuracy).toBeCloseTo(0.75, 12);
    expect(a1.cost_per_correct_unit).toBeCloseTo(0.8 / 0.75, 12);
    expect(a1.active_hours! * 3600).toBeCloseTo(1860, 6);
    expect(a1.cost_per_annotator_hour).toBeCloseTo(3.2 / (1860 / 3600), 10);
  });

  it('zero accuracy → cost per correct unit null with a reason', async () => {
    const a2 = (await annotatorEconomics(db, {})).find((r) => r.annotator_id === 'a2')!;
    expect(a2.cost_usd).toBeCloseTo(2.5, 12);
    expect(a2.accuracy).toBe(0);
    expect(a2.cost_per_correct_unit).toBeNull();
    expect(a2.cost_per_correct_unit_ci95).toBeNull();
    expect(a2.reasons.cost_per_correct_unit).toMatch(/accuracy against gold is 0/);
  });

  it('prices by the hour from sessionised active time', async () => {
    const card: RateCard = { basis: 'hourly', per_item: {}, hourly: { '*': 20, a1: 30 } };
    const rows = await annotatorEconomics(db, {}, card);
    // a1 keeps its export cost; a2: 20 USD/h × 400 s = 2.2222…; a3 has no timestamp → unpriced.
    expect(rows.find((r) => r.annotator_id === 'a1')!.cost_usd).toBeCloseTo(3.2, 12);
    expect(rows.find((r) => r.annotator_id === 'a2')!.cost_usd).toBeCloseTo((20 * 400) / 3600, 12);
    const a3 = rows.find((r) => r.annotator_id === 'a3')!;
    expect(a3.cost_usd).toBeNull();
    expect(a3.reasons.cost_usd).toMatch(/no submitted_at/);
  });
});
