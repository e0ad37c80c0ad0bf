import { scaleBand, scaleDiverging } from 'd3-scale';
import { interpolatePuOr } from 'd3-scale-chromatic';
import { topByTotal } from './top-series';

/** One cell of a symmetric annotator × annotator heatmap. */
export interface HeatmapCell {
  row: string;
  col: string;
  x: number;
  y: number;
  size: number;
  value: number | null;
  /** Count shown under the value (e.g. shared items). */
  count: number;
  fill: string;
  /** Black or white, whichever reads better on `fill`. */
  ink: string;
}

export interface HeatmapLayout {
  width: number;
  height: number;
  margin: number;
  labels: { name: string; position: number }[];
  cells: HeatmapCell[];
  /** Legend stops over [−1, 1]. */
  legend: { value: number; fill: string }[];
}

export interface PairValue {
  first: string;
  second: string;
  value: number | null;
  count: number;
}

const MISSING = '#e6e6e6';

/**
 * Layout of a pairwise heatmap: a band scale over the names, a diverging purple–orange scale
 * (ColorBrewer PuOr, colour-blind safe) over [−1, 0, 1]; undefined values are light grey.
 * Both triangles are filled (the matrix is symmetric); the diagonal is left empty.
 */
export function heatmapLayout(
  names: readonly string[],
  pairs: readonly PairValue[],
  options: { cell?: number; margin?: number } = {},
): HeatmapLayout {
  const cell = options.cell ?? 44;
  // Room for the longest name at 11 px (≈ 6.2 px per character): left of the rows, and above and
  // to the right of the column names rotated by 45° (cos 45° ≈ 0.71 of their length).
  const labelWidth = Math.max(0, ...names.map((n) => n.length)) * 6.2;
  const margin = options.margin ?? Math.min(200, Math.max(60, labelWidth + 14));
  const rightPad = Math.max(8, Math.min(150, labelWidth * 0.71 - cell / 2 + 6));
  const band = scaleBand<string>()
    .domain(names)
    .range([0, names.length * cell])
    .padding(0.04);
  const color = scaleDiverging<string>(interpolatePuOr).domain([-1, 0, 1]);
  const cells: HeatmapCell[] = [];
  for (const p of pairs) {
    for (const [row, col] of [
      [p.first, p.second],
      [p.second, p.first],
    ]) {
      const x = band(col);
      const y = band(row);
      if (x === undefined || y === undefined) continue;
      const fill = p.value === null ? MISSING : color(p.value);
      cells.push({
        row,
        col,
        x: margin + x,
        y: margin + y,
        size: band.bandwidth(),
        value: p.value,
        count: p.count,
        fill,
        ink: p.value !== null && Math.abs(p.value) > 0.55 ? '#ffffff' : '#111111',
      });
    }
  }
  return {
    width: margin + names.length * cell + rightPad,
    height: margin + names.length * cell + 8,
    margin,
    labels: names.map((name) => ({ name, position: margin + band(name)! + band.bandwidth() / 2 })),
    cells,
    legend: [-1, -0.5, 0, 0.5, 1].map((value) => ({ value, fill: color(value) })),
  };
}

/** A heatmap draws at most this many annotators (40 × 39 cells, about 1,800 px wide); more would not read as a chart. */
export const HEATMAP_MAX_ANNOTATORS = 40;

/**
 * The annotators a heatmap draws: all of them up to `limit`, else the `limit` with the most
 * ratings (ties by name), kept in the order of `names`. Pairs outside the choice are left out
 * of the layout; tables and CSVs keep every annotator.
 */
export function busiestAnnotators(
  names: readonly string[],
  ratings: ReadonlyMap<string, number>,
  limit = HEATMAP_MAX_ANNOTATORS,
): string[] {
  if (names.length <= limit) return [...names];
  const chosen = new Set(topByTotal(new Map(names.map((name) => [name, ratings.get(name) ?? 0])), limit).top);
  return names.filter((name) => chosen.has(name));
}
