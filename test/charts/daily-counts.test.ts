import { describe, expect, it } from 'vitest';
import { layoutDailyCounts, seriesPalette } from '../../src/lib/charts/daily-counts';

const rows = [
  { annotator_id: 'b', day: '2026-01-02', judgements: 3 },
  { annotator_id: 'a', day: '2026-01-01', judgements: 4 },
  { annotator_id: 'b', day: '2026-01-01', judgements: 6 },
];

describe('layoutDailyCounts', () => {
  it('stacks one bar per (day, annotator) on a shared linear scale', () => {
    const layout = layoutDailyCounts(rows, 400, 200, { top: 0, right: 0, bottom: 0, left: 0 });
    expect(layout.bars).toHaveLength(3);
    expect(layout.days).toBe(2);
    expect(layout.total).toBe(13);
    // y domain is [0, 10] (the tallest day, 4 + 6, already "nice"): 1 judgement = 20 px
    const [a1, b1, b2] = layout.bars;
    expect([a1.annotator_id, a1.day, a1.height, a1.y]).toEqual(['a', '2026-01-01', 80, 120]);
    expect([b1.annotator_id, b1.day, b1.height, b1.y]).toEqual(['b', '2026-01-01', 120, 0]);
    expect(b2.height).toBe(60);
    expect(b1.color).toBe(b2.color);
    expect(a1.color).not.toBe(b1.color);
    expect(layout.yTicks.map((t) => t.value)).toEqual([0, 2, 4, 6, 8, 10]);
  });
});

describe('seriesPalette', () => {
  it('gives 20 distinct colours', () => {
    expect(new Set(seriesPalette(20)).size).toBe(20);
  });
});

describe('brushedDays', () => {
  it('returns the first and last day a brush touches, in either direction, or null', async () => {
    const { brushedDays } = await import('../../src/lib/charts/daily-counts');
    const days = [1, 2, 3, 4].map((d) => ({ annotator_id: 'a', day: `2026-01-0${d}`, judgements: 1 }));
    const layout = layoutDailyCounts(days, 400, 100, { top: 0, right: 0, bottom: 0, left: 0 });
    // step = 400 / (4 − 0.15) = 103.9 px, bands 88.3 px wide: [0, 88.3], [103.9, 192.2], [207.8, 296.1], [311.7, 400]
    expect(brushedDays(layout, 95, 210)).toEqual({ from: '2026-01-02', to: '2026-01-03' });
    expect(brushedDays(layout, 210, 95)).toEqual({ from: '2026-01-02', to: '2026-01-03' });
    expect(brushedDays(layout, 95, 200)).toEqual({ from: '2026-01-02', to: '2026-01-02' });
    expect(brushedDays(layout, 90.5, 102)).toBeNull();
  });
});

describe('layoutDailyCounts with many annotators', () => {
  it('colours the 10 busiest, sums the others into one grey band per day, keeps every total', async () => {
    const { DAILY_COUNTS_MAX_ANNOTATORS, OTHERS_COLOR, describeDailyCounts } = await import('../../src/lib/charts/daily-counts');
    // 3,000 annotators over 10 days: annotator a has (a mod 11) + 1 judgements on day (a mod 10) + 1
    const many = Array.from({ length: 3000 }, (_, a) => ({
      annotator_id: `ann-${String(a).padStart(4, '0')}`,
      day: `2026-01-${String((a % 10) + 1).padStart(2, '0')}`,
      judgements: (a % 11) + 1,
    }));
    const layout = layoutDailyCounts(many, 760, 220);
    expect(layout.colors).toHaveLength(DAILY_COUNTS_MAX_ANNOTATORS);
    // the busiest have 11 judgements (a ≡ 10 mod 11): ann-0010, ann-0021, … the first ten by name
    expect(layout.colors.map((c) => c.annotator_id)).toEqual(
      [10, 21, 32, 43, 54, 65, 76, 87, 98, 109].map((a) => `ann-${String(a).padStart(4, '0')}`),
    );
    // 10 days × (the named annotators' bars + one "others" bar): ann-0010 … ann-0109 fall on 10 different days
    expect(layout.bars).toHaveLength(10 + 10);
    expect(new Set(layout.bars.map((b) => b.key)).size).toBe(layout.bars.length);
    // each day's stack still adds up to that day's judgements, the total too
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    for (const day of new Set(many.map((r) => r.day)))
      expect(sum(layout.bars.filter((b) => b.day === day).map((b) => b.judgements))).toBe(
        sum(many.filter((r) => r.day === day).map((r) => r.judgements)),
      );
    expect(layout.total).toBe(sum(many.map((r) => r.judgements)));
    expect(layout.annotators).toBe(3000);
    expect(layout.others).toEqual({ annotators: 2990, judgements: layout.total - 10 * 11, color: OTHERS_COLOR });
    // "others" sits on top of each day's stack
    for (const bar of layout.bars.filter((b) => b.others))
      expect(bar.y).toBe(Math.min(...layout.bars.filter((b) => b.day === bar.day).map((b) => b.y)));
    // Σ (a mod 11) + 1 over a < 3,000: 272 cycles of 0..10 (sum 55) + a mod 11 = 0..7 (sum 28) + 3,000 = 17,988; minus 10 × 11 = 17,878
    expect(describeDailyCounts(layout, 5)).toMatch(
      /^17,988 judgements over 10 days by 3,000 annotators; the 10 annotators with the most judgements have their own colour, the other 2,990 annotators \(17,878 judgements\) are the grey band/,
    );
  });
});
