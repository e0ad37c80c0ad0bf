import type { QualityThresholdReport } from '../metrics/instruction/quality-threshold';
import type { ModelStrengths } from '../metrics/preference/model-comparisons';
import type { IntervalDatum } from './interval-dots';

/** Bradley–Terry log-strengths (centred) with bootstrap intervals, strongest model first. */
export function strengthDots(strengths: ModelStrengths): IntervalDatum[] {
  return strengths.models
    .map((model, i) => ({ label: model, value: strengths.log_strength[i], interval: strengths.log_strength_ci[i] }))
    .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
}

/** Share of units below the quality threshold with [share, upper bound] as the interval, one row per question. */
export function thresholdDots(rows: readonly { label: string; report: QualityThresholdReport }[]): IntervalDatum[] {
  return rows.map(({ label, report }) => ({
    label,
    value: report.share_below,
    interval:
      report.share_below === null || report.share_below_upper === null ? null : [report.share_below, report.share_below_upper],
  }));
}
