import { describe, expect, it } from 'vitest';
import { benchmarkAgainstRanges } from '../../../src/lib/economics/benchmark';
import { defaultTargetItems, projectToTarget } from '../../../src/lib/economics/projection';

describe('benchmarkAgainstRanges', () => {
  it('places each figure below / within / above the DESIGN.md range', () => {
    const [it_, rlhf, other] = benchmarkAgainstRanges([
      { strategy: 'instruction_tuning', price_per_item: 2.5, items_per_annotator_day: 120, items: 1_000 },
      { strategy: 'rlhf_preference', price_per_item: null, items_per_annotator_day: 80, items: 100_000 },
      { strategy: 'unspecified', price_per_item: 1, items_per_annotator_day: 1, items: 1 },
    ]);
    // instruction tuning: price 0.50–2.00, 50–200 per day, 5,000–50,000 needed.
    expect([it_.price.position, it_.units_per_annotator_day.position, it_.dataset_units.position]).toEqual([
      'above',
      'within',
      'below',
    ]);
    // RLHF: 20–80 per day and 10,000–100,000 needed, bounds inclusive; unknown price → null with reason.
    expect([rlhf.price.position, rlhf.units_per_annotator_day.position, rlhf.dataset_units.position]).toEqual([
      null,
      'within',
      'within',
    ]);
    expect(rlhf.reasons.price).toMatch(/unknown/);
    expect(other.price.position).toBeNull();
    expect(other.reasons.price).toMatch(/no published range/);
  });
});

describe('projectToTarget', () => {
  it('projects days and cost with the current team', () => {
    // 1,000 items done by 4 annotators, 2 annotators per item (2,000 item assignments), 50 items per
    // annotator-day, 2.40 USD per item. Target 5,000: 4,000 remaining → 4,000 × 2 / (4 × 50) = 40 days; 9,600 USD.
    const p = projectToTarget(
      { items: 1000, item_assignments: 2000, annotators: 4, items_per_annotator_day: 50, cost_per_item: 2.4 },
      5000,
    );
    expect(p.remaining_items).toBe(4000);
    expect(p.days).toBeCloseTo(40, 12);
    expect(p.cost_usd).toBeCloseTo(9600, 9);
  });

  it('is zero past the target and null with reasons without rates', () => {
    expect(
      projectToTarget({ items: 10, item_assignments: 10, annotators: 1, items_per_annotator_day: null, cost_per_item: null }, 5),
    ).toMatchObject({
      days: 0,
      cost_usd: 0,
    });
    const p = projectToTarget(
      { items: 10, item_assignments: 10, annotators: 1, items_per_annotator_day: null, cost_per_item: null },
      50,
    );
    expect(p.days).toBeNull();
    expect(p.reasons.days).toBeTypeOf('string');
    expect(p.cost_usd).toBeNull();
    expect(p.reasons.cost_usd).toBeTypeOf('string');
  });

  it('defaults the target to the midpoint of the units-needed range', () => {
    expect(defaultTargetItems('instruction_tuning')).toBe(27_500);
    expect(defaultTargetItems('vl_alignment')).toBe(275_000);
    expect(defaultTargetItems('unspecified')).toBeNull();
  });
});
