import { chanceCorrected, defined, undefinedBecause, type Coefficient } from './coefficient';

/** A two-rater contingency table: counts[i * size + j] = items rated category i by rater 1 and j by rater 2. */
export interface ContingencyTable {
  size: number;
  counts: Float64Array;
}

/** Builds a table from (rank of rater 1's value, rank of rater 2's value, items) cells. */
export function contingencyTable(size: number, cells: Iterable<[number, number, number]>): ContingencyTable {
  const counts = new Float64Array(size * size);
  for (const [i, j, n] of cells) counts[i * size + j] += n;
  return { size, counts };
}

function margins(table: ContingencyTable) {
  const { size, counts } = table;
  const rows = new Float64Array(size);
  const cols = new Float64Array(size);
  let total = 0;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      rows[i] += counts[i * size + j];
      cols[j] += counts[i * size + j];
    }
  }
  for (const r of rows) total += r;
  return { rows, cols, total };
}

/**
 * Weighted κ with a disagreement-weight matrix v (Cohen 1968, eq. 6): κ_w = 1 − Σ v p_o / Σ v p_e,
 * p_e from the product of the margins. With v = 1 − identity it is Cohen's (1960) κ.
 */
export function weightedKappa(table: ContingencyTable, disagreement: ArrayLike<number>): Coefficient {
  const { rows, cols, total } = margins(table);
  if (total === 0) return undefinedBecause('the two annotators share no rated item');
  const { size, counts } = table;
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      observed += disagreement[i * size + j] * counts[i * size + j];
      expected += (disagreement[i * size + j] * rows[i] * cols[j]) / total;
    }
  }
  if (!(expected > 0)) return undefinedBecause("Cohen's κ: chance disagreement is 0 (only one category was used)");
  return defined(1 - observed / expected);
}

/**
 * Cohen's κ unweighted / linear / quadratic, with weights |i − j| or (i − j)² on the rank of the
 * category among the categories observed in this table (the scikit-learn `cohen_kappa_score`
 * convention). Ranks are re-computed over the categories with a non-zero margin.
 */
export function cohenKappa(table: ContingencyTable, weighting: 'unweighted' | 'linear' | 'quadratic'): Coefficient {
  const { rows, cols } = margins(table);
  const rank = new Int32Array(table.size).fill(-1);
  let r = 0;
  for (let i = 0; i < table.size; i++) if (rows[i] + cols[i] > 0) rank[i] = r++;
  const v = new Float64Array(table.size * table.size);
  for (let i = 0; i < table.size; i++) {
    for (let j = 0; j < table.size; j++) {
      const d = Math.abs(rank[i] - rank[j]);
      v[i * table.size + j] = weighting === 'unweighted' ? (d === 0 ? 0 : 1) : weighting === 'linear' ? d : d * d;
    }
  }
  return weightedKappa(table, v);
}

/** Scott's π (Scott 1955): p_e = Σ_k ((row_k + col_k) / 2n)², the pooled category shares. */
export function scottPi(table: ContingencyTable): Coefficient {
  const { rows, cols, total } = margins(table);
  if (total === 0) return undefinedBecause('the two annotators share no rated item');
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < table.size; i++) {
    observed += table.counts[i * table.size + i] / total;
    expected += ((rows[i] + cols[i]) / (2 * total)) ** 2;
  }
  return chanceCorrected(observed, expected, "Scott's π");
}
