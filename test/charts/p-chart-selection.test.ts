import { describe, expect, it } from 'vitest';
import { describePChartSelection, pChartsToShow, PCHART_MAX_CHARTS } from '../../src/lib/charts/p-chart-selection';
import type { PChartSeries } from '../../src/lib/metrics/drift/p-chart-limits';

const series = (name: string, flagged: number, errors: number, n: number): PChartSeries => ({
  series: name,
  center: errors / n,
  n,
  errors,
  points: [],
  flagged,
});

describe('pChartsToShow', () => {
  const all = [
    series('ann', 0, 9, 90),
    series('bo', 1, 2, 10),
    series('cy', 0, 9, 50),
    series('di', 2, 1, 5),
    series('ed', 0, 1, 99),
  ];

  it('draws every series up to the limit, in their order', () => {
    const picked = pChartsToShow(all, 5);
    expect(picked.shown.map((s) => s.series)).toEqual(['ann', 'bo', 'cy', 'di', 'ed']);
    expect([picked.total, picked.limited]).toEqual([5, false]);
  });

  it('above it: most flagged points, then most errors, then most judgements', () => {
    // di 2 flagged, bo 1; then ann and cy 9 errors each (ann has more judgements), ed 1 error
    expect(pChartsToShow(all, 4).shown.map((s) => s.series)).toEqual(['di', 'bo', 'ann', 'cy']);
    expect(pChartsToShow(all, 4)).toMatchObject({ total: 5, limited: true, asked: null });
  });

  it('draws a series asked for by name first, exactly or ignoring case', () => {
    expect(pChartsToShow(all, 2, 'ed').shown.map((s) => s.series)).toEqual(['ed', 'di', 'bo']);
    expect(pChartsToShow(all, 2, ' ED ').asked?.series).toBe('ed');
    // already among the chosen: not twice
    expect(pChartsToShow(all, 2, 'bo').shown.map((s) => s.series)).toEqual(['bo', 'di']);
    expect(pChartsToShow(all, 2, 'nobody')).toMatchObject({ asked: null });
  });

  it(`bounds 3,000 annotators to ${PCHART_MAX_CHARTS} charts and says so`, () => {
    const many = Array.from({ length: 3000 }, (_, a) => series(`a${a}`, a % 500 === 0 ? 1 : 0, a % 7, 20));
    const picked = pChartsToShow(many);
    expect(picked.shown).toHaveLength(PCHART_MAX_CHARTS);
    // the six with a flagged point (a = 0, 500, …, 2500) first, by errors a mod 7: 1000 → 6, 2000 → 5, 500 → 3, 1500 → 2, 2500 → 1, 0 → 0
    expect(picked.shown.slice(0, 6).map((s) => s.series)).toEqual(['a1000', 'a2000', 'a500', 'a1500', 'a2500', 'a0']);
    expect(describePChartSelection(picked, 'annotator')).toMatch(
      /^Showing 12 of 3,000 annotators' charts: those with the most points/,
    );
    expect(describePChartSelection(pChartsToShow(many, 12, 'a7'), 'annotator')).toMatch(
      /^Showing 13 of 3,000 annotators' charts: a7 \(asked for\), then/,
    );
  });
});
