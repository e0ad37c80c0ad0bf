import type { Connector } from '../../db/connector';
import type { Reasons } from '../../report/report-types';
import type { Filters } from '../filters';
import { groupId, type GroupKey } from './group-keys';
import { throughputBy } from './throughput-by';
import type { ThroughputOptions } from './timed-assignments';

export interface DailyPoint {
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  units: number;
  /** Answers delivered that day (annotator × unit). */
  assignments: number;
  annotators: number;
  /** assignments ÷ annotators active that day. */
  units_per_annotator: number;
  active_hours: number | null;
}

export interface DailySeries {
  annotator_id?: string;
  batch_id?: string;
  strategy?: string;
  points: DailyPoint[];
  /** Ordinary least-squares slope of answers per day against the day number (answers/day per day); null with < 2 days. */
  slope_per_day: number | null;
  reasons: Reasons;
}

const DAY_MS = 86_400_000;

/** OLS slope of y on x: Σ(x−x̄)(y−ȳ) / Σ(x−x̄)²; null when x has no spread. */
export function leastSquaresSlope(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  return sxx > 0 ? sxy / sxx : null;
}

/**
 * The trend over the batch: per group (e.g. per annotator for the timeline, per batch for the
 * trend) the answers delivered on each UTC day with a submission, and the OLS slope of
 * answers per day over calendar days (days without work are absent, not zero).
 */
export async function dailyTrend(
  db: Connector,
  filters: Filters = {},
  keys: readonly GroupKey[] = [],
  options: ThroughputOptions = {},
): Promise<DailySeries[]> {
  const rows = (await throughputBy(db, filters, [...keys, 'day'], options)).filter((r) => r.day);
  const series = new Map<string, DailySeries>();
  for (const row of rows) {
    const id = groupId(row as unknown as Record<string, unknown>, keys);
    if (!series.has(id)) {
      const head = Object.fromEntries(keys.map((k) => [k, row[k as keyof typeof row]]));
      series.set(id, { ...head, points: [], slope_per_day: null, reasons: {} });
    }
    series.get(id)!.points.push({
      day: row.day!,
      units: row.units,
      assignments: row.assignments,
      annotators: row.annotators,
      units_per_annotator: row.assignments / row.annotators,
      active_hours: row.active_hours,
    });
  }
  for (const s of series.values()) {
    s.points.sort((a, b) => a.day.localeCompare(b.day));
    const first = Date.parse(s.points[0].day);
    s.slope_per_day = leastSquaresSlope(
      s.points.map((p) => (Date.parse(p.day) - first) / DAY_MS),
      s.points.map((p) => p.assignments),
    );
    if (s.slope_per_day === null) s.reasons.slope_per_day = 'fewer than 2 active days: no trend';
  }
  return [...series.values()];
}
