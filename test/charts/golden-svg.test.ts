import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import OcCurveChart from '../../src/components/audit/OcCurveChart.svelte';
import DailyCountsChart from '../../src/components/charts/DailyCountsChart.svelte';
import PChart from '../../src/components/quality/PChart.svelte';
import { ocCurve } from '../../src/lib/audit/oc-curve';
import { pChartLimits } from '../../src/lib/metrics/drift/p-chart-limits';

// SVG golden files (the Observable Plot habit): each chart rendered on fixed data, numbers
// rounded to 3 decimals, compared with test/golden/NAME.svg. On a mismatch the new output is
// written beside it as NAME-changed.svg for review; rename it to accept the change.
const GOLDEN = join(import.meta.dirname, '..', 'golden');

function normalisedSvg(html: string): string {
  const svg = /<svg[\s\S]*?<\/svg>/.exec(html)?.[0];
  if (!svg) throw new Error('no <svg> in the rendered component');
  return `${svg
    .replace(/\s+class="svelte-[a-z0-9]+"/g, '')
    .replace(/ svelte-[a-z0-9]+/g, '')
    .replace(/<!--[^]*?-->/g, '')
    .replace(/-?\d+\.\d{4,}/g, (n) => String(Math.round(Number(n) * 1000) / 1000))
    .replace(/></g, '>\n<')}\n`;
}

function expectGolden(name: string, html: string) {
  const actual = normalisedSvg(html);
  const path = join(GOLDEN, `${name}.svg`);
  if (!existsSync(path)) {
    if (process.env.CI) throw new Error(`missing golden file ${path}: run the test locally to create it, review it, commit it`);
    writeFileSync(path, actual);
  }
  const expected = readFileSync(path, 'utf8');
  if (actual !== expected) writeFileSync(join(GOLDEN, `${name}-changed.svg`), actual);
  expect(actual).toBe(expected);
}

describe('chart SVG golden files', () => {
  it('daily counts: stacked bars per annotator', () => {
    const rows = [
      { annotator_id: 'ann-01', day: '2026-10-01', judgements: 12 },
      { annotator_id: 'ann-02', day: '2026-10-01', judgements: 7 },
      { annotator_id: 'ann-01', day: '2026-10-02', judgements: 3 },
      { annotator_id: 'ann-03', day: '2026-10-05', judgements: 20 },
    ];
    const { body } = render(DailyCountsChart, { props: { rows } });
    expect(body.match(/<rect /g)?.length).toBe(4);
    expectGolden('daily-counts', body);
  });

  it('p-chart: error rate per day with 3σ limits and a flagged day', () => {
    const series = pChartLimits('ann-07', [
      { subgroup: '2026-10-01', n: 40, errors: 2 },
      { subgroup: '2026-10-02', n: 35, errors: 3 },
      { subgroup: '2026-10-03', n: 50, errors: 4 },
      { subgroup: '2026-10-06', n: 45, errors: 19 },
    ]);
    const { body } = render(PChart, { props: { series, what: 'annotator ann-07' } });
    expectGolden('p-chart', body);
  });

  it('OC curve of the plan n = 200, Ac = 5', () => {
    const plan = { sample_size: 200, accept: 5 };
    const { body } = render(OcCurveChart, { props: { plan, points: ocCurve(plan, 5000, { points: 21 }) } });
    expectGolden('oc-curve', body);
  });
});
