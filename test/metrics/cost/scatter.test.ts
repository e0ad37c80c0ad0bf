import { describe, expect, it } from 'vitest';
import { paretoFrontier, scatterLayout } from '../../../src/lib/charts/scatter';

// Brute force: a point is on the frontier when no other point is at most as costly and at least as
// accurate with one strict (Pareto dominance), the definition the sweep implements.
function bruteFrontier(points: { id: string; cost: number; accuracy: number }[]) {
  return points
    .filter(
      (p) =>
        !points.some(
          (q) => q !== p && q.cost <= p.cost && q.accuracy >= p.accuracy && (q.cost < p.cost || q.accuracy > p.accuracy),
        ),
    )
    .map((p) => p.id)
    .sort();
}

describe('paretoFrontier', () => {
  it('keeps the undominated points', () => {
    const points = [
      { id: 'cheap-bad', cost: 1, accuracy: 0.8 },
      { id: 'mid', cost: 2, accuracy: 0.9 },
      { id: 'dominated', cost: 3, accuracy: 0.85 },
      { id: 'dear-best', cost: 4, accuracy: 0.97 },
    ];
    expect(paretoFrontier(points).map((p) => p.id)).toEqual(['cheap-bad', 'mid', 'dear-best']);
  });

  it('agrees with brute force on random points', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let trial = 0; trial < 50; trial++) {
      const points = Array.from({ length: 12 }, (_, i) => ({
        id: `p${i}`,
        cost: Math.round(random() * 10),
        accuracy: Math.round(random() * 10) / 10,
      }));
      expect(
        paretoFrontier(points)
          .map((p) => p.id)
          .sort(),
      ).toEqual(bruteFrontier(points));
    }
  });

  it('lays points out inside the plot area', () => {
    const layout = scatterLayout(
      [
        { id: 'a', cost: 1, accuracy: 0.8 },
        { id: 'b', cost: 3, accuracy: 1 },
      ],
      200,
      100,
    );
    for (const p of layout.points) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(200);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(100);
    }
    expect(layout.points.find((p) => p.id === 'b')!.y).toBeCloseTo(0, 9);
    expect(layout.frontierPath.startsWith('M')).toBe(true);
  });
});
