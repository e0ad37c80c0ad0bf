import { scaleLinear } from 'd3';
import { OKABE_ITO } from './timeline';

export interface CostAccuracyPoint {
  id: string;
  /** USD per unit (x). */
  cost: number;
  /** Accuracy against gold, 0–1 (y). */
  accuracy: number;
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
  points: { id: string; x: number; y: number; cost: number; accuracy: number; onFrontier: boolean; colour: string }[];
  frontierPath: string;
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
}

/** Cost (x, from 0) vs accuracy (y, 0–100 %) positions, with the frontier as a step path. */
export function scatterLayout(points: readonly CostAccuracyPoint[], width: number, height: number): ScatterLayout {
  if (points.length === 0) return { points: [], frontierPath: '', xTicks: [], yTicks: [] };
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
  let path = '';
  frontier.forEach((p, i) => {
    path += i === 0 ? `M${x(p.cost)},${y(p.accuracy)}` : `H${x(p.cost)}V${y(p.accuracy)}`;
  });
  const fx = x.tickFormat(5, '$.2f');
  return {
    points: points.map((p, i) => ({
      id: p.id,
      x: x(p.cost),
      y: y(p.accuracy),
      cost: p.cost,
      accuracy: p.accuracy,
      onFrontier: onFrontier.has(p.id),
      colour: OKABE_ITO[i % OKABE_ITO.length],
    })),
    frontierPath: path,
    xTicks: x.ticks(5).map((t) => ({ x: x(t), label: fx(t) })),
    yTicks: y.ticks(5).map((t) => ({ y: y(t), label: `${Math.round(t * 1000) / 10} %` })),
  };
}
