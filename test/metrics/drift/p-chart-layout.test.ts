import { describe, expect, it } from 'vitest';
import { describePChart, layoutPChart } from '../../../src/lib/charts/p-chart';
import { pChartLimits } from '../../../src/lib/metrics/drift/p-chart-limits';

// Same hand-computed series as p-chart.test.ts: p̄ = 39/425, day 3 high (0.52 > 0.265), day 4 low.
const series = pChartLimits('a', [
  { subgroup: '2026-03-02', n: 100, errors: 10 },
  { subgroup: '2026-03-03', n: 100, errors: 12 },
  { subgroup: '2026-03-04', n: 25, errors: 13 },
  { subgroup: '2026-03-05', n: 200, errors: 4 },
]);

describe('layoutPChart', () => {
  const layout = layoutPChart(series, 500, 200, { top: 10, right: 10, bottom: 30, left: 40 });

  it('places points on a 0…0.55 scale (d3 nice() of max(p, UCL) = 0.52 with step 0.05) inside the plot area', () => {
    // y = 170 − p / 0.55 × 160; bands: 4 subgroups over 40…490, padding 0.1
    expect(layout.yTicks[0]).toEqual({ value: 0, y: 170 });
    expect(layout.marks[2].y).toBeCloseTo(170 - (0.52 / 0.55) * 160, 3);
    expect(layout.marks.map((m) => m.flag)).toEqual([null, null, 'high', 'low']);
    for (const m of layout.marks) {
      expect(m.x).toBeGreaterThan(40);
      expect(m.x).toBeLessThan(490);
    }
    expect(layout.marks[0].x).toBeLessThan(layout.marks[1].x);
  });

  it('draws the limits as one flat step per subgroup', () => {
    expect(layout.uclPath.match(/M/g)).toHaveLength(4);
    const firstUcl = 170 - (series.points[0].ucl / 0.55) * 160;
    expect(Number(/^M[\d.]+,([\d.]+)H/.exec(layout.uclPath)![1])).toBeCloseTo(firstUcl, 3);
    expect(layout.centerY).toBeCloseTo(170 - (39 / 425 / 0.55) * 160, 3);
  });

  it('summarises the flags in words', () => {
    expect(describePChart(series, 'annotator a')).toBe(
      'annotator a: error rate 9.2 % over 425 gold-scored judgements in 4 subgroups; above the upper 3σ limit on 2026-03-04; below the lower limit on 2026-03-05',
    );
  });
});
