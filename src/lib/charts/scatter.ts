import { scaleLinear } from 'd3';
import { OKABE_ITO } from './timeline';
import { byName } from './top-series';
import { formatCount } from './format';

export interface CostAccuracyPoint {
  id: string;
  /** USD per unit (x). */
  cost: number;
  /** Accuracy against gold, 0–1 (y). */
  accuracy: number;
  /** Judgements scored against gold behind `accuracy`: ranks the points drawn when there are too many (default 0). */
  weight?: number;
}

/** A cost–accuracy scatter draws at most this many points (more overlap into a blot and cost thousands of SVG marks). */
export const SCATTER_MAX_POINTS = 200;

/** …and names at most this many of them next to their point (more labels overlap). */
export const SCATTER_MAX_LABELS = 20;

/**
 * The ids a scatter draws: all of them up to `limit`; above it the frontier points first (by
 * ascending cost: they answer the chart's question, which annotator gives the most accuracy per
 * dollar), then those with the most gold-scored judgements (their accuracy is the best
 * measured and they carry the most work), ties by id. The frontier itself is computed over
 * every point, drawn or not.
 */
export function scatterPointsToDraw(points: readonly CostAccuracyPoint[], limit = SCATTER_MAX_POINTS): Set<string> {
  if (points.length <= limit) return new Set(points.map((p) => p.id));
  const frontier = paretoFrontier(points).map((p) => p.id);
  const onFrontier = new Set(frontier);
  const rest = points
    .filter((p) => !onFrontier.has(p.id))
    .sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0) || byName(a.id, b.id))
    .map((p) => p.id);
  return new Set([...frontier, ...rest].slice(0, limit));
}

/**
 * The "quality per dollar" frontier: points no other point dominates, where a point dominates
 * another when it costs no more and is at least as accurate, and is strictly better in one
 * (Pareto 1906). Returned by ascending cost.
 */
export function paretoFrontier<T extends CostAccuracyPoint>(points: readonly T[]): T[] {
  const sorted = [...points].sort((a, b) => a.cost - b.cost || b.accuracy - a.accuracy);
  const frontier: T[] = [];
  let best = -Infinity;
  for (const p of sorted) {
    const last = frontier[frontier.length - 1];
    // An exact tie with the last frontier point is not dominated either: keep both.
    if (p.accuracy > best || (last && p.cost === last.cost && p.accuracy === last.accuracy)) {
      frontier.push(p);
      best = p.accuracy;
    }
  }
  return frontier;
}

export interface ScatterLayout {
  /** The points drawn (`scatterPointsToDraw`), in the input's order; `label` when the chart names it. */
  points: {
    id: string;
    x: number;
    y: number;
    cost: number;
    accuracy: number;
    onFrontier: boolean;
    colour: string;
    label: boolean;
  }[];
  /** Every point given, drawn or not. */
  total: number;
  /** The frontier over every point, by ascending cost. */
  frontier: CostAccuracyPoint[];
  frontierPath: string;
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
}

/**
 * Cost (x, from 0) vs accuracy (y, 0–100 %) positions, with the frontier as a step path. Scales
 * and frontier cover every point; at most `maxPoints` are drawn (`scatterPointsToDraw`) and
 * named: all of them up to `maxLabels`, else only the frontier's first `maxLabels`.
 */
export function scatterLayout(
  points: readonly CostAccuracyPoint[],
  width: number,
  height: number,
  maxPoints = SCATTER_MAX_POINTS,
  maxLabels = SCATTER_MAX_LABELS,
): ScatterLayout {
  if (points.length === 0) return { points: [], total: 0, frontier: [], frontierPath: '', xTicks: [], yTicks: [] };
  const x = scaleLinear()
    .domain([0, Math.max(...points.map((p) => p.cost)) || 1])
    .nice()
    .range([0, width]);
  const minAccuracy = Math.min(...points.map((p) => p.accuracy));
  const y = scaleLinear()
    .domain([Math.max(0, Math.floor(minAccuracy * 10) / 10 - 0.05), 1])
    .range([height, 0]);
  const frontier = paretoFrontier(points);
  const onFrontier = new Set(frontier.map((p) => p.id));
  const drawn = scatterPointsToDraw(points, maxPoints);
  const named = new Set(
    drawn.size <= maxLabels
      ? drawn
      : frontier
          .filter((p) => drawn.has(p.id))
          .slice(0, maxLabels)
          .map((p) => p.id),
  );
  let path = '';
  frontier.forEach((p, i) => {
    path += i === 0 ? `M${x(p.cost)},${y(p.accuracy)}` : `H${x(p.cost)}V${y(p.accuracy)}`;
  });
  const fx = x.tickFormat(5, '$.2f');
  return {
    points: points.flatMap((p, i) =>
      drawn.has(p.id)
        ? [
            {
              id: p.id,
              x: x(p.cost),
              y: y(p.accuracy),
              cost: p.cost,
              accuracy: p.accuracy,
              onFrontier: onFrontier.has(p.id),
              colour: OKABE_ITO[i % OKABE_ITO.length],
              label: named.has(p.id),
            },
          ]
        : [],
    ),
    total: points.length,
    frontier,
    frontierPath: path,
    xTicks: x.ticks(5).map((t) => ({ x: x(t), label: fx(t) })),
    yTicks: y.ticks(5).map((t) => ({ y: y(t), label: `${Math.round(t * 1000) / 10} %` })),
  };
}

/** Names listed in a caption before "and N more". */
const LISTED = 10;

const listed = (names: readonly string[]) =>
  names.length <= LISTED
    ? names.join(', ')
    : `${names.slice(0, LISTED).join(', ')} and ${formatCount(names.length - LISTED)} more`;

/**
 * The scatter's caption: how many points, the frontier (over every point; at most 10 named), how
 * many are drawn when not all, and which rows have no point (no cost or no gold; at most 10 named).
 */
export function describeScatter(layout: ScatterLayout, notDrawable: readonly string[]): string {
  const frontier = layout.frontier.map((p) => `${p.id} ($${p.cost.toFixed(2)}, ${(p.accuracy * 100).toFixed(1)} %)`);
  let text = `${formatCount(layout.total)} points; on the frontier (nothing is both cheaper and more accurate): ${listed(frontier)}`;
  if (layout.points.length < layout.total)
    text +=
      `; the chart draws ${formatCount(layout.points.length)} of the ${formatCount(layout.total)}: ` +
      'the frontier, then those with the most gold-scored judgements (the table above has every row)';
  if (notDrawable.length) text += `; not drawn (no cost or no gold): ${listed(notDrawable)}`;
  return text;
}
