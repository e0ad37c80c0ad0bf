/**
 * Plain-TS reference implementations of the throughput figures, used by the tests to
 * cross-check the SQL on the same inputs (never called by the app).
 */

/**
 * The p-quantile by linear interpolation between order statistics: Hyndman & Fan (1996)
 * type 7, R's default `quantile(x, p)`, DuckDB's `quantile_cont`: h = (n − 1)p,
 * Q = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) on the sorted values (0-based). Null when empty.
 */
export function quantileType7(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export interface TimedAnswer {
  annotator_id: string;
  /** submitted_at as epoch milliseconds (UTC). */
  submitted_ms: number;
  duration_s: number | null;
}

export interface ActiveTime {
  active_s: number;
  sessions: number;
  sessions_without_duration: number;
}

/**
 * Active time per annotator by sessionising submissions (the convention of
 * `timed-assignments.ts`): a gap > gapMinutes starts a session; inside a session an answer
 * counts the gap since the previous one; a session's first answer counts its duration (0 if unknown).
 */
export function activeTimeReference(answers: readonly TimedAnswer[], gapMinutes = 30): Map<string, ActiveTime> {
  const byAnnotator = new Map<string, TimedAnswer[]>();
  for (const a of answers) byAnnotator.set(a.annotator_id, [...(byAnnotator.get(a.annotator_id) ?? []), a]);
  const out = new Map<string, ActiveTime>();
  for (const [annotator, list] of byAnnotator) {
    const sorted = [...list].sort((a, b) => a.submitted_ms - b.submitted_ms);
    const time: ActiveTime = { active_s: 0, sessions: 0, sessions_without_duration: 0 };
    sorted.forEach((answer, i) => {
      const gap = i === 0 ? Infinity : (answer.submitted_ms - sorted[i - 1].submitted_ms) / 1000;
      if (gap > gapMinutes * 60) {
        time.sessions += 1;
        if (answer.duration_s === null) time.sessions_without_duration += 1;
        time.active_s += answer.duration_s ?? 0;
      } else {
        time.active_s += gap;
      }
    });
    out.set(annotator, time);
  }
  return out;
}
