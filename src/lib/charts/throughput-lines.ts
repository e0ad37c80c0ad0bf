import type { DailySeries } from '../metrics/throughput/daily-trend';
import type { TimelineSeriesInput } from './timeline';
import { countOf, topByTotal } from './top-series';
import { formatCount } from './format';

/** A throughput chart draws at most this many lines one by one: Okabe & Ito's seven colours, the grey is the "others" line. */
export const THROUGHPUT_MAX_LINES = 7;

export interface ThroughputLines {
  /** The lines to draw: the busiest series (in the input's order), then one "others" line summing the rest per day. */
  lines: TimelineSeriesInput[];
  /** Every series (annotators, batches …) in the input. */
  series: number;
  /** Series folded into the "others" line, and their answers (0 and 0 when every series has its own line). */
  othersSeries: number;
  othersAnswers: number;
  /** Answers of every series together. */
  answers: number;
  /** One sentence per drawn line for the caption and screen readers; totals count every series. */
  summary: string;
}

/** What one series is, singular and plural, per key. */
const NOUNS = {
  annotator_id: ['annotator', 'annotators'],
  batch_id: ['batch', 'batches'],
  strategy: ['strategy', 'strategies'],
} as const;

/**
 * Throughput lines (answers per UTC day): every series up to `limit`; above it the `limit`
 * series with the most answers (`topByTotal`: the busiest dominate the team's output, and a
 * line of a few answers reads as noise) and one grey "others" line whose value on a day is the
 * sum of the other series' answers that day, so the lines still add up to the daily total.
 */
export function throughputLines(
  series: readonly DailySeries[],
  idKey: 'annotator_id' | 'batch_id' | 'strategy',
  limit = THROUGHPUT_MAX_LINES,
): ThroughputLines {
  const [noun, nouns] = NOUNS[idKey];
  const id = (s: DailySeries) => String(s[idKey] ?? 'all');
  const totals = new Map<string, number>();
  for (const s of series) totals.set(id(s), (totals.get(id(s)) ?? 0) + s.points.reduce((a, p) => a + p.assignments, 0));
  const split = topByTotal(totals, limit);
  const alone = new Set(split.top);
  const kept = series.filter((s) => alone.has(id(s)));
  const byDay = new Map<string, number>();
  for (const s of series)
    if (!alone.has(id(s))) for (const p of s.points) byDay.set(p.day, (byDay.get(p.day) ?? 0) + p.assignments);
  const othersAnswers = split.rest.reduce((a, name) => a + totals.get(name)!, 0);
  const othersLabel = `${countOf(split.rest.length, `other ${noun}`, `other ${nouns}`)} together`;
  const lines: TimelineSeriesInput[] = kept.map((s) => ({
    id: id(s),
    points: s.points.map((p) => ({ day: p.day, value: p.assignments })),
  }));
  if (split.rest.length)
    lines.push({
      id: othersLabel,
      others: true,
      points: [...byDay].sort((a, b) => a[0].localeCompare(b[0])).map(([day, value]) => ({ day, value })),
    });
  const sentences = kept.map((s) => {
    const trend =
      s.slope_per_day === null
        ? 'no trend'
        : `trend ${s.slope_per_day >= 0 ? '+' : ''}${s.slope_per_day.toFixed(2)} answers/day per day`;
    return `${id(s)}: ${formatCount(totals.get(id(s))!)} answers on ${s.points.length} days (${trend})`;
  });
  const answers = [...totals.values()].reduce((a, b) => a + b, 0);
  let summary = sentences.join('; ');
  if (split.rest.length)
    summary =
      `${formatCount(answers)} answers by ${countOf(totals.size, noun, nouns)}; the ${split.top.length} with the most answers have a line: ` +
      `${summary}; ${othersLabel} (dashed grey line): ${formatCount(othersAnswers)} answers on ${byDay.size} days`;
  return { lines, series: totals.size, othersSeries: split.rest.length, othersAnswers, answers, summary };
}
