import type { PChartSeries } from '../metrics/drift/p-chart-limits';
import { byName } from './top-series';
import { formatCount } from './format';

/** The p-chart small multiples show at most this many series (annotators or batches) at once. */
export const PCHART_MAX_CHARTS = 12;

export interface PChartSelection {
  /** The series to draw, most in need of a look first (all of them, in their order, up to the limit). */
  shown: PChartSeries[];
  /** Every series computed (the flagged count and the accuracy table cover them all). */
  total: number;
  /** True when the series are more than the limit, so the charts drawn are a choice. */
  limited: boolean;
  /** The series asked for by name, when found (drawn first, even outside the ranking). */
  asked: PChartSeries | null;
}

/**
 * Which p-charts to draw: every series up to `limit`, in their order; above it the `limit` with
 * the most points outside their 3σ limits (drift is what a p-chart is for), then the most errors
 * against gold (the wrong answers that weigh most on the dataset: an error rate over a handful
 * of judgements would rank noise first), then the most judgements, ties by name. A series
 * `asked` for by name (exactly, else ignoring case) is drawn first whatever its rank.
 */
export function pChartsToShow(series: readonly PChartSeries[], limit = PCHART_MAX_CHARTS, asked = ''): PChartSelection {
  const query = asked.trim();
  const found = query
    ? (series.find((s) => s.series === query) ?? series.find((s) => s.series.toLowerCase() === query.toLowerCase()) ?? null)
    : null;
  const ranked =
    series.length <= limit
      ? [...series]
      : [...series]
          .sort((a, b) => b.flagged - a.flagged || b.errors - a.errors || b.n - a.n || byName(a.series, b.series))
          .slice(0, limit);
  const shown = found ? [found, ...ranked.filter((s) => s !== found)] : ranked;
  return { shown, total: series.length, limited: series.length > limit, asked: found };
}

/**
 * The note under a limited set of p-charts: how many of how many are drawn, which, and how to
 * see any other. `by` is what one chart is for ("annotator", "batch").
 */
export function describePChartSelection(selection: PChartSelection, by: 'annotator' | 'batch'): string {
  const plural = by === 'batch' ? 'batches' : 'annotators';
  const asked = selection.asked ? `${selection.asked.series} (asked for), then ` : '';
  return (
    `Showing ${formatCount(selection.shown.length)} of ${formatCount(selection.total)} ${plural}' charts: ${asked}those with the most ` +
    `points outside their limits, then the most errors against gold. The flagged count above covers all ${formatCount(selection.total)}` +
    ` and the accuracy table every ${by}; to chart another, type its name below or pick it in the ${by === 'batch' ? 'Batch' : 'Annotator'} filter.`
  );
}
