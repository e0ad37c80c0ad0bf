import { scaleBand, scaleLinear } from 'd3';

export interface IntervalDatum {
  label: string;
  value: number | null;
  interval: [number, number] | null;
}

export interface IntervalRow extends IntervalDatum {
  y: number;
  cx: number | null;
  x1: number | null;
  x2: number | null;
}

export interface IntervalDotsLayout {
  rows: IntervalRow[];
  ticks: { x: number; label: string }[];
  plotLeft: number;
  plotRight: number;
  height: number;
  /** x of the reference value (e.g. 0 on a centred log scale), null when outside or none. */
  referenceX: number | null;
}

/**
 * A dot for each estimate and a line for its interval (e.g. Bradley–Terry strengths with
 * bootstrap intervals), one row per datum, sorted as given. The x domain covers every value
 * and interval end (padded 5 %), or `domain` when given.
 */
export function intervalDots(
  data: readonly IntervalDatum[],
  options: { width: number; rowHeight?: number; labelWidth?: number; domain?: [number, number]; reference?: number | null },
): IntervalDotsLayout {
  const rowHeight = options.rowHeight ?? 24;
  const labelWidth = options.labelWidth ?? 130;
  const top = 4;
  const height = top + data.length * rowHeight + 22;
  const values = data
    .flatMap((d) => [d.value, ...(d.interval ?? [])])
    .filter((v): v is number => v !== null && Number.isFinite(v));
  if (options.reference !== undefined && options.reference !== null) values.push(options.reference);
  let domain = options.domain;
  if (!domain) {
    const lo = values.length ? Math.min(...values) : 0;
    const hi = values.length ? Math.max(...values) : 1;
    const pad = (hi - lo || 1) * 0.05;
    domain = [lo - pad, hi + pad];
  }
  const x = scaleLinear()
    .domain(domain)
    .range([labelWidth, options.width - 12])
    .nice();
  const y = scaleBand<number>()
    .domain(data.map((_, i) => i))
    .range([top, top + data.length * rowHeight]);
  const format = x.tickFormat(6);
  const [d0, d1] = x.domain();
  return {
    rows: data.map((d, i) => ({
      ...d,
      y: (y(i) ?? 0) + y.bandwidth() / 2,
      cx: d.value === null ? null : x(d.value),
      x1: d.interval ? x(d.interval[0]) : null,
      x2: d.interval ? x(d.interval[1]) : null,
    })),
    ticks: x.ticks(6).map((t) => ({ x: x(t), label: format(t) })),
    plotLeft: labelWidth,
    plotRight: options.width - 12,
    height,
    referenceX:
      options.reference !== undefined && options.reference !== null && options.reference >= d0 && options.reference <= d1
        ? x(options.reference)
        : null,
  };
}
