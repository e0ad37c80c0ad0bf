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
