/** One subgroup (a day or a batch) of a p-chart: n inspected judgements, of which `errors` wrong. */
export interface PChartSubgroup {
  subgroup: string;
  n: number;
  errors: number;
}

export interface PChartPoint extends PChartSubgroup {
  /** errors / n */
  p: number;
  /** p̄ + 3√(p̄(1−p̄)/n), capped at 1 */
  ucl: number;
  /** p̄ − 3√(p̄(1−p̄)/n), floored at 0 */
  lcl: number;
  /** `high` above the UCL, `low` below a positive LCL, else null */
  flag: 'high' | 'low' | null;
}

export interface PChartSeries {
  series: string;
  /** centre line p̄ = Σ errors / Σ n over the series' subgroups */
  center: number;
  n: number;
  errors: number;
  points: PChartPoint[];
  flagged: number;
}

/**
 * p-chart with variable sample size (Montgomery, Introduction to Statistical Quality Control,
 * ch. 7: fraction-nonconforming chart, variable sample size, variable-width limits): centre
 * line p̄ = Σ Dᵢ / Σ nᵢ; each subgroup gets its own 3σ limits p̄ ± 3√(p̄(1−p̄)/nᵢ), clipped to [0, 1].
 * A point strictly above the UCL is flagged `high`, strictly below a positive LCL `low`.
 * Subgroups with n = 0 are dropped. Order of `subgroups` is kept.
 */
export function pChartLimits(series: string, subgroups: PChartSubgroup[]): PChartSeries {
  const kept = subgroups.filter((s) => s.n > 0);
  const n = kept.reduce((sum, s) => sum + s.n, 0);
  const errors = kept.reduce((sum, s) => sum + s.errors, 0);
  const center = n > 0 ? errors / n : 0;
  const points = kept.map((s): PChartPoint => {
    const sigma = Math.sqrt((center * (1 - center)) / s.n);
    const ucl = Math.min(1, center + 3 * sigma);
    const lcl = Math.max(0, center - 3 * sigma);
    const p = s.errors / s.n;
    const flag = p > ucl ? 'high' : lcl > 0 && p < lcl ? 'low' : null;
    return { ...s, p, ucl, lcl, flag };
  });
  return { series, center, n, errors, points, flagged: points.filter((p) => p.flag).length };
}
