/**
 * Minimum-cost assignment of a rectangular cost matrix (rows ≤ or > columns both allowed):
 * the Hungarian method (Kuhn 1955; Munkres 1957) in its O(n²m) potentials form
 * (Jonker–Volgenant style shortest augmenting paths). Returns, for each row, the column it
 * is assigned to, or -1 when there are more rows than columns and the row stays unassigned.
 * Every row (if rows ≤ columns) or every column (otherwise) is assigned.
 */
export function hungarianMinCost(cost: readonly (readonly number[])[]): number[] {
  const rows = cost.length;
  if (rows === 0) return [];
  const cols = cost[0].length;
  if (cols === 0) return new Array<number>(rows).fill(-1);
  if (rows > cols) {
    const transposed = Array.from({ length: cols }, (_, j) => cost.map((row) => row[j]));
    const colToRow = hungarianMinCost(transposed);
    const rowToCol = new Array<number>(rows).fill(-1);
    colToRow.forEach((r, c) => {
      if (r >= 0) rowToCol[r] = c;
    });
    return rowToCol;
  }
  // 1-based arrays: u, v potentials; p[j] = row matched to column j; way = predecessor column.
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(cols + 1);
  const p = new Int32Array(cols + 1);
  const way = new Int32Array(cols + 1);
  for (let i = 1; i <= rows; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(cols + 1).fill(Infinity);
    const used = new Uint8Array(cols + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= cols; j++) {
        if (used[j]) continue;
        const reduced = cost[i0 - 1][j - 1] - u[i0] - v[j];
        if (reduced < minv[j]) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= cols; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const assignment = new Array<number>(rows).fill(-1);
  for (let j = 1; j <= cols; j++) if (p[j] > 0) assignment[p[j] - 1] = j - 1;
  return assignment;
}

/**
 * One-to-one matching of two sets that maximises first the NUMBER of matched pairs whose
 * weight is ≥ `minWeight`, then their total weight (weights in [0, 1], e.g. IoU). Done with
 * `hungarianMinCost` on cost = −(M + weight) for admissible pairs, 0 otherwise, with M larger
 * than the number of pairs, so one more pair always outweighs any gain in total weight.
 * Returns the matched pairs [row, column, weight].
 */
export function maxCardinalityMatching(weights: readonly (readonly number[])[], minWeight: number): [number, number, number][] {
  const rows = weights.length;
  const cols = rows ? weights[0].length : 0;
  if (rows === 0 || cols === 0) return [];
  const big = Math.min(rows, cols) + 1;
  const cost = weights.map((row) => row.map((w) => (w >= minWeight && w > 0 ? -(big + w) : 0)));
  const assignment = hungarianMinCost(cost);
  const pairs: [number, number, number][] = [];
  assignment.forEach((c, r) => {
    if (c >= 0 && weights[r][c] >= minWeight && weights[r][c] > 0) pairs.push([r, c, weights[r][c]]);
  });
  return pairs;
}
