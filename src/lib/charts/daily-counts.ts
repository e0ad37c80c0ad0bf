import { max } from 'd3-array';
import { scaleBand, scaleLinear, scaleOrdinal } from 'd3-scale';
import { color as d3color } from 'd3-color';
import { schemeTableau10 } from 'd3-scale-chromatic';
import type { DailyCount } from '../metrics/daily-activity';
import { countOf, topByTotal } from './top-series';
import { formatCount } from './format';

export interface StackedBar {
  /** Unique per bar (day and annotator, or day and "others"). */
  key: string;
  day: string;
  /** The annotator; '' on an "others" bar. */
  annotator_id: string;
  /** True on the bar that sums the annotators not drawn one by one. */
  others: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
  judgements: number;
}

export interface DailyCountsLayout {
  bars: StackedBar[];
  /** Each day's band (left edge and width), for brushing a date range. */
  bands: { day: string; x: number; width: number }[];
  xTicks: { day: string; x: number }[];
  yTicks: { value: number; y: number }[];
  /** The annotators drawn one by one, by name. */
  colors: { annotator_id: string; color: string }[];
  /** The annotators summed into one grey "others" band on each day; null when every annotator has a colour. */
  others: { annotators: number; judgements: number; color: string } | null;
  /** Every annotator with a dated judgement (drawn alone or in "others"). */
  annotators: number;
  days: number;
  total: number;
}

/**
 * The stacked bars give their own colour to at most this many annotators (Tableau 10's ten
 * colours stay distinct); the rest are one "others" band per day, so each day's bar keeps its total.
 */
export const DAILY_COUNTS_MAX_ANNOTATORS = 10;

/** The colour of the "others" band: neutral grey, not in Tableau 10. */
export const OTHERS_COLOR = '#a0a0a0';

/**
 * Stacked bars of judgements per UTC day, one colour per annotator (`seriesPalette`). Above
 * `limit` annotators, the `limit` with the most dated judgements (`topByTotal`: they carry the
 * most work, so their bands are the ones wide enough to see) keep a colour and the others are
 * summed into one grey band on top of each day: at most days × (limit + 1) bars, and every
 * day's height and the total are unchanged. Pure layout: Svelte draws it.
 */
export function layoutDailyCounts(
  rows: DailyCount[],
  width: number,
  height: number,
  margin = { top: 8, right: 8, bottom: 24, left: 40 },
  limit = DAILY_COUNTS_MAX_ANNOTATORS,
): DailyCountsLayout {
  const days = [...new Set(rows.map((r) => r.day))].sort();
  const byAnnotator = new Map<string, number>();
  for (const r of rows) byAnnotator.set(r.annotator_id, (byAnnotator.get(r.annotator_id) ?? 0) + r.judgements);
  const split = topByTotal(byAnnotator, limit);
  const annotators = split.top.sort();
  const alone = new Set(annotators);
  const totals = new Map<string, number>();
  const othersByDay = new Map<string, number>();
  for (const r of rows) {
    totals.set(r.day, (totals.get(r.day) ?? 0) + r.judgements);
    if (!alone.has(r.annotator_id)) othersByDay.set(r.day, (othersByDay.get(r.day) ?? 0) + r.judgements);
  }
  const x = scaleBand<string>()
    .domain(days)
    .range([margin.left, width - margin.right])
    .paddingInner(0.15);
  const y = scaleLinear()
    .domain([0, max(totals.values()) ?? 1])
    .nice()
    .range([height - margin.bottom, margin.top]);
  const color = scaleOrdinal<string, string>().domain(annotators).range(seriesPalette(annotators.length));
  const stackTop = new Map<string, number>();
  const bars: StackedBar[] = [];
  const stack = (day: string, annotator_id: string, judgements: number, others: boolean) => {
    const base = stackTop.get(day) ?? 0;
    stackTop.set(day, base + judgements);
    bars.push({
      key: others ? day : `${day}\u0000${annotator_id}`,
      day,
      annotator_id,
      others,
      judgements,
      x: x(day)!,
      width: x.bandwidth(),
      y: y(base + judgements),
      height: y(base) - y(base + judgements),
      color: others ? OTHERS_COLOR : color(annotator_id),
    });
  };
  const drawn = rows.filter((r) => alone.has(r.annotator_id));
  for (const r of drawn.sort((a, b) => a.day.localeCompare(b.day) || a.annotator_id.localeCompare(b.annotator_id)))
    stack(r.day, r.annotator_id, r.judgements, false);
  // the others on top of each day's stack, after the named annotators
  for (const [day, judgements] of [...othersByDay].sort((a, b) => a[0].localeCompare(b[0]))) stack(day, '', judgements, true);
  const step = Math.max(1, Math.ceil(days.length / 8));
  return {
    bars,
    bands: days.map((day) => ({ day, x: x(day)!, width: x.bandwidth() })),
    xTicks: days.filter((_, i) => i % step === 0).map((day) => ({ day, x: x(day)! + x.bandwidth() / 2 })),
    yTicks: y.ticks(4).map((value) => ({ value, y: y(value) })),
    colors: annotators.map((annotator_id) => ({ annotator_id, color: color(annotator_id) })),
    others: split.rest.length
      ? {
          annotators: split.rest.length,
          judgements: [...othersByDay.values()].reduce((a, b) => a + b, 0),
          color: OTHERS_COLOR,
        }
      : null,
    annotators: byAnnotator.size,
    days: days.length,
    total: [...totals.values()].reduce((a, b) => a + b, 0),
  };
}

/**
 * `n` distinct series colours: Tableau 10 (colour-blind-aware) first, then the same hues
 * darkened, so up to 20 series never share a colour (beyond that, hover titles tell them apart).
 */
export function seriesPalette(n: number): string[] {
  return Array.from({ length: Math.max(n, 1) }, (_, i) => {
    const base = schemeTableau10[i % 10];
    return i < 10
      ? base
      : (d3color(base)
          ?.darker(1 + Math.floor(i / 10) * 0.3)
          .formatHex() ?? base);
  });
}

/** The first and last day whose band a brush from x0 to x1 (either order, SVG units) touches; null when none. */
export function brushedDays(layout: DailyCountsLayout, x0: number, x1: number): { from: string; to: string } | null {
  const [lo, hi] = x0 <= x1 ? [x0, x1] : [x1, x0];
  const hit = layout.bands.filter((b) => b.x + b.width >= lo && b.x <= hi);
  return hit.length ? { from: hit[0].day, to: hit[hit.length - 1].day } : null;
}

/**
 * The chart's caption: judgements, days and annotators (all of them), what the colours show when
 * some annotators are folded into "others", and what has no timestamp.
 */
export function describeDailyCounts(layout: DailyCountsLayout, undated = 0): string {
  let text = `${formatCount(layout.total)} judgements over ${layout.days} days by ${countOf(layout.annotators, 'annotator')}`;
  if (layout.others)
    text +=
      `; the ${layout.colors.length} annotators with the most judgements have their own colour, the other ` +
      `${countOf(layout.others.annotators, 'annotator')} (${formatCount(layout.others.judgements)} judgements) ` +
      'are the grey band on top of each day (use the Annotator filter to see one of them)';
  if (undated) text += `; ${formatCount(undated)} judgements have no timestamp and are not shown`;
  return text;
}
