import { describe, expect, it } from 'vitest';
import { ocCurve } from '../../src/lib/audit/oc-curve';
import { ocChartLayout, ocCurveSummary } from '../../src/lib/charts/oc-curve-chart';
import { ocCurveSvg } from '../../src/lib/charts/oc-curve-svg';

const plan = { sample_size: 80, accept: 2 };

describe('OC chart', () => {
  it('maps P(accept) = 1 at rate 0 to the top-left corner of the plot and spans the x range', () => {
    const points = ocCurve(plan, 1000, { points: 11, maxRate: 0.1 });
    const l = ocChartLayout(points, { width: 500, height: 300, markers: [{ rate: 0.01, label: 'AQL' }] });
    expect(l.binomialPath.startsWith(`M${l.plot.x0},${l.plot.y0}`)).toBe(true);
    const lastPoint = l.binomialPath.split('L').at(-1)!.split(',').map(Number);
    expect(lastPoint[0]).toBe(l.plot.x1);
    expect(lastPoint[1]).toBeLessThan(l.plot.y1); // P(accept) at 10 % defective is still > 0
    expect(l.hypergeometricPath).not.toBeNull();
    expect(l.markers).toEqual([{ x: Math.round((l.plot.x0 + (l.plot.x1 - l.plot.x0) * 0.1) * 10) / 10, label: 'AQL' }]);
    expect(l.yTicks.map((t) => t.label)).toEqual(['0%', '20%', '40%', '60%', '80%', '100%']);
  });

  it('summarises the plan with exact binomial points (SciPy: beta.ppf(0.05, 3, 78) = 1.0298 %, beta.ppf(0.9, 3, 78) = 6.5160 %)', () => {
    const text = ocCurveSummary(plan);
    expect(text).toContain('up to 1.03% defective');
    expect(text).toContain('6.52% or more');
  });

  it('SVG string escapes marker labels and carries an aria-label', () => {
    const svg = ocCurveSvg(plan, ocCurve(plan, null, { points: 5, maxRate: 0.1 }), { markers: [{ rate: 0.05, label: '<b>' }] });
    expect(svg).toContain('&lt;b&gt;');
    expect(svg).not.toContain('<b>');
    expect(svg).toMatch(/role="img" aria-label="Operating characteristic/);
  });
});
