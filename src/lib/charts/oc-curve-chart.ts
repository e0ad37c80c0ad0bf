import { format, line, scaleLinear } from 'd3';
import type { OcPoint } from '../audit/oc-curve';
import { betaQuantile } from '../stats/beta-quantile';

export interface OcChartOptions {
  width?: number;
  height?: number;
  /** Rates (fractions) to mark with a vertical rule, e.g. the AQL and the LQ. */
  markers?: { rate: number; label: string }[];
}

export interface OcChartLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  binomialPath: string;
  hypergeometricPath: string | null;
  markers: { x: number; label: string }[];
  /** Plot area: x from `margin.left` to `width − margin.right`, y from `margin.top` to `height − margin.bottom`. */
  plot: { x0: number; x1: number; y0: number; y1: number };
}

/**
 * Layout of an operating-characteristic chart (defect rate → P(accept)) with D3 scales and
 * line generators only; Svelte (OcCurveChart) or `ocCurveSvg` (certificate) draws the elements.
 * Coordinates are rounded to 0.1 px so the output is stable across runtimes.
 */
export function ocChartLayout(points: readonly OcPoint[], options: OcChartOptions = {}): OcChartLayout {
  const width = options.width ?? 560;
  const height = options.height ?? 300;
  const margin = { top: 12, right: 16, bottom: 40, left: 52 };
  const maxRate = points.length ? points[points.length - 1].defect_rate : 0.1;
  const x = scaleLinear()
    .domain([0, maxRate || 0.1])
    .range([margin.left, width - margin.right]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([height - margin.bottom, margin.top]);
  const round = (v: number) => Math.round(v * 10) / 10;
  const pct = format('.1~%');
  const path = (get: (p: OcPoint) => number | null) =>
    line<OcPoint>()
      .defined((p) => get(p) !== null)
      .x((p) => round(x(p.defect_rate)))
      .y((p) => round(y(get(p)!)))(points as OcPoint[]) ?? '';
  const hasHyper = points.some((p) => p.p_accept_hypergeometric !== null);
  return {
    width,
    height,
    margin,
    xTicks: x.ticks(6).map((t) => ({ x: round(x(t)), label: pct(t) })),
    yTicks: y.ticks(5).map((t) => ({ y: round(y(t)), label: pct(t) })),
    binomialPath: path((p) => p.p_accept_binomial),
    hypergeometricPath: hasHyper ? path((p) => p.p_accept_hypergeometric) : null,
    markers: (options.markers ?? [])
      .filter((m) => m.rate >= 0 && m.rate <= maxRate)
      .map((m) => ({ x: round(x(m.rate)), label: m.label })),
    plot: { x0: margin.left, x1: width - margin.right, y0: margin.top, y1: height - margin.bottom },
  };
}

/**
 * A one-sentence text summary of a plan's OC curve for screen readers and the certificate.
 * Exact binomial points: P(X ≤ Ac) = q at p = B(1 − q; Ac + 1, n − Ac) (beta–binomial identity).
 */
export function ocCurveSummary(plan: { sample_size: number; accept: number }): string {
  const { sample_size: n, accept: c } = plan;
  const pct = format('.2~%');
  if (c >= n) return `Operating characteristic of the plan n = ${n}, Ac = ${c}: every lot is accepted.`;
  const p95 = betaQuantile(0.05, c + 1, n - c);
  const p10 = betaQuantile(0.9, c + 1, n - c);
  return (
    `Operating characteristic of the plan n = ${n}, Ac = ${c} (binomial): lots with up to ${pct(p95)} defective are accepted ` +
    `at least 95 % of the time; lots with ${pct(p10)} or more defective are accepted at most 10 % of the time.`
  );
}
