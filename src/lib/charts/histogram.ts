import { scaleLinear, tickIncrement } from 'd3';

/**
 * Equal-width bin edges from `min` to at least `max` with a "nice" width (1, 2 or 5 × 10ᵏ,
 * d3's `tickIncrement`), about `count` bins. Always at least one bin.
 */
export function niceBinEdges(min: number, max: number, count: number): number[] {
  if (!(max > min)) max = min + 1;
  const step = tickIncrement(min, max, Math.max(1, count));
  const width = step > 0 ? step : 1 / -step;
  const start = Math.floor(min / width) * width;
  const edges: number[] = [];
  for (let edge = start; edges.length < 2 || edges[edges.length - 1] < max; edge = start + edges.length * width) edges.push(edge);
  return edges;
}

export interface HistogramBar {
  x: number;
  y: number;
  width: number;
  height: number;
  from: number;
  to: number;
  count: number;
}

export interface HistogramLayout {
  bars: HistogramBar[];
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
}

/** Bars and ticks for a histogram of `counts` over `edges` in a width × height plot area (margins handled by the caller). */
export function histogramLayout(
  edges: readonly number[],
  counts: readonly number[],
  width: number,
  height: number,
): HistogramLayout {
  if (edges.length < 2) return { bars: [], xTicks: [], yTicks: [] };
  const x = scaleLinear()
    .domain([edges[0], edges[edges.length - 1]])
    .range([0, width]);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...counts)])
    .nice()
    .range([height, 0]);
  const bars = counts.map((count, i) => ({
    x: x(edges[i]),
    y: y(count),
    width: Math.max(0, x(edges[i + 1]) - x(edges[i]) - 1),
    height: height - y(count),
    from: edges[i],
    to: edges[i + 1],
    count,
  }));
  const fx = x.tickFormat(6);
  const fy = y.tickFormat(5);
  return {
    bars,
    xTicks: x.ticks(6).map((t) => ({ x: x(t), label: fx(t) })),
    yTicks: y.ticks(5).map((t) => ({ y: y(t), label: fy(t) })),
  };
}
