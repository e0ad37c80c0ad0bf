import { max } from 'd3-array';
import { scaleBand, scaleLinear, scaleOrdinal } from 'd3-scale';
import { color as d3color } from 'd3-color';
import { schemeTableau10 } from 'd3-scale-chromatic';
import type { DailyCount } from '../metrics/daily-activity';

export interface StackedBar {
  day: string;
  annotator_id: string;
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
  colors: { annotator_id: string; color: string }[];
  days: number;
  total: number;
}

/**
 * Stacked bars of judgements per UTC day, one colour per annotator (`seriesPalette`).
 * Pure layout: Svelte draws it.
 */
export function layoutDailyCounts(
  rows: DailyCount[],
  width: number,
  height: number,
  margin = { top: 8, right: 8, bottom: 24, left: 40 },
): DailyCountsLayout {
  const days = [...new Set(rows.map((r) => r.day))].sort();
  const annotators = [...new Set(rows.map((r) => r.annotator_id))].sort();
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.day, (totals.get(r.day) ?? 0) + r.judgements);
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
  for (const r of [...rows].sort((a, b) => a.day.localeCompare(b.day) || a.annotator_id.localeCompare(b.annotator_id))) {
    const base = stackTop.get(r.day) ?? 0;
    stackTop.set(r.day, base + r.judgements);
    bars.push({
      day: r.day,
      annotator_id: r.annotator_id,
      judgements: r.judgements,
      x: x(r.day)!,
      width: x.bandwidth(),
      y: y(base + r.judgements),
      height: y(base) - y(base + r.judgements),
      color: color(r.annotator_id),
    });
  }
  const step = Math.max(1, Math.ceil(days.length / 8));
  return {
    bars,
    bands: days.map((day) => ({ day, x: x(day)!, width: x.bandwidth() })),
    xTicks: days.filter((_, i) => i % step === 0).map((day) => ({ day, x: x(day)! + x.bandwidth() / 2 })),
    yTicks: y.ticks(4).map((value) => ({ value, y: y(value) })),
    colors: annotators.map((annotator_id) => ({ annotator_id, color: color(annotator_id) })),
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
