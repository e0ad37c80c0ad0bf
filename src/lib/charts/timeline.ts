import { line, scaleLinear, scaleUtc, utcDay } from 'd3';

export interface TimelineSeriesInput {
  id: string;
  points: readonly { day: string; value: number }[];
  /** The line that sums the series not drawn one by one (grey, dashed). */
  others?: boolean;
}

export interface TimelineLayout {
  series: {
    /** Unique per line: the id, or '' for the "others" line (ids never collide with it: they are keyed with a prefix). */
    key: string;
    id: string;
    others: boolean;
    path: string;
    colour: string;
    points: { x: number; y: number; day: string; value: number }[];
  }[];
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
}

/** Okabe & Ito (2008) colour-blind-safe palette (black omitted). */
export const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999'];

/** The "others" line's colour: the grey Okabe & Ito's palette ends with (named lines take the seven others first). */
export const OTHERS_LINE_COLOUR = OKABE_ITO[OKABE_ITO.length - 1];

/** `YYYY-MM-DD` → the UTC midnight Date. */
export function utcDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/**
 * A daily timeline: one polyline per series (e.g. answers per day per annotator) on a UTC
 * day axis; days without work are gaps in the data, drawn as straight segments between
 * worked days (points mark the days with work).
 */
export function timelineLayout(series: readonly TimelineSeriesInput[], width: number, height: number): TimelineLayout {
  const days = series.flatMap((s) => s.points.map((p) => utcDate(p.day).getTime()));
  if (days.length === 0) return { series: [], xTicks: [], yTicks: [] };
  const first = Math.min(...days);
  const last = Math.max(...days);
  const x = scaleUtc()
    .domain([new Date(first), new Date(last === first ? first + 86_400_000 : last)])
    .range([0, width]);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.value)))])
    .nice()
    .range([height, 0]);
  const path = line<{ x: number; y: number }>()
    .x((p) => p.x)
    .y((p) => p.y);
  const fx = x.tickFormat();
  const fy = y.tickFormat(5);
  return {
    series: series.map((s, i) => {
      const points = [...s.points]
        .sort((a, b) => a.day.localeCompare(b.day))
        .map((p) => ({ x: x(utcDate(p.day)), y: y(p.value), day: p.day, value: p.value }));
      const others = !!s.others;
      return {
        key: others ? '' : `s:${s.id}`,
        id: s.id,
        others,
        path: path(points) ?? '',
        colour: others ? OTHERS_LINE_COLOUR : OKABE_ITO[i % OKABE_ITO.length],
        points,
      };
    }),
    xTicks: x.ticks(Math.min(8, utcDay.count(new Date(first), new Date(last)) + 1)).map((t) => ({ x: x(t), label: fx(t) })),
    yTicks: y.ticks(5).map((t) => ({ y: y(t), label: fy(t) })),
  };
}
