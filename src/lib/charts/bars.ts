import { scaleBand, scaleLinear } from 'd3';

export interface BarDatum {
  label: string;
  /** null draws no bar (the value is undefined); the row keeps its place. */
  value: number | null;
  /** Optional note for the tooltip (e.g. "n = 40, p = 0.003"). */
  note?: string;
  /** Highlight (e.g. significant position bias). */
  flagged?: boolean;
}

export interface BarRow extends BarDatum {
  y: number;
  height: number;
  x: number;
  width: number;
}

export interface BarsLayout {
  rows: BarRow[];
  ticks: { x: number; label: string }[];
  /** x of the reference line (e.g. 0.5 for position bias), null when none. */
  referenceX: number | null;
  plotLeft: number;
  plotRight: number;
  height: number;
}

/**
 * Horizontal bars, one row per datum, on a linear x scale over `domain` (default [0, 1]),
 * with an optional vertical reference line. Labels go in the left margin `labelWidth`.
 */
export function horizontalBars(
  data: readonly BarDatum[],
  options: { width: number; rowHeight?: number; labelWidth?: number; domain?: [number, number]; reference?: number | null },
): BarsLayout {
  const rowHeight = options.rowHeight ?? 22;
  const labelWidth = options.labelWidth ?? 150;
  const top = 4;
  const height = top + data.length * rowHeight + 22;
  const plotLeft = labelWidth;
  const plotRight = options.width - 12;
  const domain = options.domain ?? [0, 1];
  const x = scaleLinear().domain(domain).range([plotLeft, plotRight]).clamp(true);
  const y = scaleBand<number>()
    .domain(data.map((_, i) => i))
    .range([top, top + data.length * rowHeight])
    .padding(0.2);
  const format = x.tickFormat(5);
  const zero = x(Math.max(domain[0], Math.min(0, domain[1])));
  return {
    rows: data.map((d, i) => ({
      ...d,
      y: y(i) ?? 0,
      height: y.bandwidth(),
      x: d.value === null ? zero : Math.min(zero, x(d.value)),
      width: d.value === null ? 0 : Math.abs(x(d.value) - zero),
    })),
    ticks: x.ticks(5).map((t) => ({ x: x(t), label: format(t) })),
    referenceX: options.reference === undefined || options.reference === null ? null : x(options.reference),
    plotLeft,
    plotRight,
    height,
  };
}
