import { max } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import type { PChartSeries } from '../metrics/drift/p-chart-limits';

export interface PChartMark {
  subgroup: string;
  n: number;
  errors: number;
  p: number;
  ucl: number;
  lcl: number;
  flag: 'high' | 'low' | null;
  /** centre of the point */
  x: number;
  y: number;
}

export interface PChartLayout {
  marks: PChartMark[];
  /** step paths of the upper and lower 3σ limits (one flat segment across each subgroup's band) */
  uclPath: string;
  lclPath: string;
  /** the p̄ line */
  centerY: number;
  /** the error-rate polyline through the points */
  linePath: string;
  xTicks: { label: string; x: number }[];
  yTicks: { value: number; y: number }[];
  left: number;
  right: number;
  bottom: number;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/**
 * Pure layout of one p-chart series (Svelte draws it): a band x scale over the subgroups in
 * their order (days or batches), a linear y scale from 0 to the highest point or limit, the
 * variable-width limits as step paths and the points with their flags. Numbers rounded to 3
 * decimals so SVG output is stable.
 */
export function layoutPChart(
  series: PChartSeries,
  width: number,
  height: number,
  margin = { top: 10, right: 10, bottom: 26, left: 44 },
): PChartLayout {
  const subgroups = series.points.map((p) => p.subgroup);
  const x = scaleBand<string>()
    .domain(subgroups)
    .range([margin.left, width - margin.right])
    .padding(0.1);
  const top = max(series.points, (p) => Math.max(p.p, p.ucl)) ?? 0;
  const y = scaleLinear()
    .domain([0, Math.max(top, series.center, 0.01)])
    .nice()
    .range([height - margin.bottom, margin.top]);
  const marks = series.points.map((p) => ({
    subgroup: p.subgroup,
    n: p.n,
    errors: p.errors,
    p: p.p,
    ucl: p.ucl,
    lcl: p.lcl,
    flag: p.flag,
    x: round(x(p.subgroup)! + x.bandwidth() / 2),
    y: round(y(p.p)),
  }));
  const step = (value: (i: number) => number) =>
    series.points
      .map((_, i) => `M${round(x(subgroups[i])!)},${round(y(value(i)))}H${round(x(subgroups[i])! + x.bandwidth())}`)
      .join('');
  const every = Math.max(1, Math.ceil(subgroups.length / 8));
  return {
    marks,
    uclPath: step((i) => series.points[i].ucl),
    lclPath: step((i) => series.points[i].lcl),
    centerY: round(y(series.center)),
    linePath: marks.map((m, i) => `${i ? 'L' : 'M'}${m.x},${m.y}`).join(''),
    xTicks: subgroups.filter((_, i) => i % every === 0).map((label) => ({ label, x: round(x(label)! + x.bandwidth() / 2) })),
    yTicks: y.ticks(4).map((value) => ({ value, y: round(y(value)) })),
    left: margin.left,
    right: width - margin.right,
    bottom: height - margin.bottom,
  };
}

/** A one-sentence text summary of a p-chart series, for screen readers and the caption. */
export function describePChart(series: PChartSeries, what: string): string {
  const high = series.points.filter((p) => p.flag === 'high').map((p) => p.subgroup);
  const low = series.points.filter((p) => p.flag === 'low').map((p) => p.subgroup);
  const rate = `${(series.center * 100).toFixed(1)} %`;
  let text = `${what}: error rate ${rate} over ${series.n} gold-scored judgements in ${series.points.length} subgroups`;
  text += high.length ? `; above the upper 3σ limit on ${high.join(', ')}` : '; no point above the upper limit';
  if (low.length) text += `; below the lower limit on ${low.join(', ')}`;
  return text;
}
