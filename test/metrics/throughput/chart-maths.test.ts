import { describe, expect, it } from 'vitest';
import { histogramLayout, niceBinEdges } from '../../../src/lib/charts/histogram';
import { timelineLayout } from '../../../src/lib/charts/timeline';
import { leastSquaresSlope } from '../../../src/lib/metrics/throughput/daily-trend';

describe('niceBinEdges', () => {
  it('covers the range with a 1/2/5 × 10^k width', () => {
    // 0–173 s in ~30 bins: d3 tickIncrement gives 5 → edges 0, 5, …, 175.
    const edges = niceBinEdges(0, 173, 30);
    expect(edges[1] - edges[0]).toBe(5);
    expect(edges[0]).toBe(0);
    expect(edges[edges.length - 1]).toBe(175);
    expect(niceBinEdges(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.30000000000000004]);
  });

  it('lays bars from the baseline', () => {
    const layout = histogramLayout([0, 10, 20], [2, 4], 100, 50);
    expect(layout.bars.map((b) => b.height)).toEqual([25, 50]);
    expect(layout.bars[1].x).toBeCloseTo(50, 9);
  });
});

describe('timelineLayout', () => {
  it('places UTC days on the x axis', () => {
    const layout = timelineLayout(
      [
        {
          id: 'a',
          points: [
            { day: '2024-03-01', value: 10 },
            { day: '2024-03-03', value: 20 },
          ],
        },
        { id: 'b', points: [{ day: '2024-03-02', value: 5 }] },
      ],
      200,
      100,
    );
    expect(layout.series[0].points.map((p) => p.x)).toEqual([0, 200]);
    expect(layout.series[1].points[0].x).toBeCloseTo(100, 9);
    expect(layout.series[0].points[1].y).toBeCloseTo(0, 9);
    expect(layout.series[0].colour).not.toBe(layout.series[1].colour);
  });
});

describe('leastSquaresSlope', () => {
  it('matches the closed form on a hand example', () => {
    // x 0 1 2 3, y 1 3 2 6: x̄ 1.5, ȳ 3; Σ(x−x̄)(y−ȳ) = (−1.5)(−2) + (−0.5)(0) + (0.5)(−1) + (1.5)(3) = 7; Σ(x−x̄)² = 5 → 1.4.
    expect(leastSquaresSlope([0, 1, 2, 3], [1, 3, 2, 6])).toBeCloseTo(1.4, 12);
    expect(leastSquaresSlope([0], [1])).toBeNull();
  });
});
