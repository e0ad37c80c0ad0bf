import { describe, expect, it } from 'vitest';
import {
  describeScatter,
  paretoFrontier,
  scatterLayout,
  scatterPointsToDraw,
  SCATTER_MAX_LABELS,
  SCATTER_MAX_POINTS,
} from '../../src/lib/charts/scatter';

describe('scatterPointsToDraw', () => {
  const points = [
    { id: 'a', cost: 1, accuracy: 0.9, weight: 5 },
    { id: 'b', cost: 2, accuracy: 0.8, weight: 50 },
    { id: 'c', cost: 3, accuracy: 0.95, weight: 1 },
    { id: 'd', cost: 2, accuracy: 0.7, weight: 20 },
  ];

  it('draws everything up to the limit', () => {
    expect(scatterPointsToDraw(points, 4)).toEqual(new Set(['a', 'b', 'c', 'd']));
  });

  it('above it: the frontier first, then the most gold-scored judgements', () => {
    // frontier: a (cheapest, 0.9), c (0.95); then b (50), d (20)
    expect(scatterPointsToDraw(points, 3)).toEqual(new Set(['a', 'c', 'b']));
    expect(scatterPointsToDraw(points, 1)).toEqual(new Set(['a']));
  });
});

describe('scatterLayout with 3,000 points', () => {
  // annotator a: cost 0.05 + (a mod 7) / 100, accuracy ((a mod 5) + 5) / 10, a mod 40 gold-scored judgements
  const many = Array.from({ length: 3000 }, (_, a) => ({
    id: `ann-${String(a).padStart(4, '0')}`,
    cost: 0.05 + (a % 7) / 100,
    accuracy: ((a % 5) + 5) / 10,
    weight: a % 40,
  }));
  const layout = scatterLayout(many, 400, 200);

  it(`draws ${SCATTER_MAX_POINTS} points, names at most ${SCATTER_MAX_LABELS}`, () => {
    expect(layout.points).toHaveLength(SCATTER_MAX_POINTS);
    expect(layout.points.filter((p) => p.label).length).toBeLessThanOrEqual(SCATTER_MAX_LABELS);
    expect(layout.total).toBe(3000);
  });

  it('keeps the frontier over every point and draws it', () => {
    // cheapest cost 0.05 (a ≡ 0 mod 7) reaches accuracy 0.9 (a ≡ 4 mod 5): every such point ties on the frontier
    const frontier = paretoFrontier(many);
    expect(layout.frontier).toEqual(frontier);
    expect(frontier.every((p) => p.cost === 0.05 && p.accuracy === 0.9)).toBe(true);
    // a ≡ 0 (mod 7) and a ≡ 4 (mod 5) ⇔ a ≡ 14 (mod 35): 86 of them below 3,000
    expect(frontier).toHaveLength(86);
    const drawn = new Set(layout.points.map((p) => p.id));
    for (const p of frontier) expect(drawn.has(p.id)).toBe(true);
  });

  it('says how many are drawn and lists at most 10 names per list', () => {
    const text = describeScatter(layout, ['x1', 'x2']);
    expect(text).toMatch(/^3,000 points; on the frontier .*and 76 more; the chart draws 200 of the 3,000: the frontier, then/);
    expect(text).toMatch(/not drawn \(no cost or no gold\): x1, x2$/);
  });
});
