/** Agreement weight matrices (V × V, row-major) over category ranks, as in irrCAC (Gwet 2014 §3.3). */
export type WeightKind = 'unweighted' | 'linear' | 'quadratic';

/**
 * Identity (unweighted), linear `1 − |k−l|/(q−1)` or quadratic `1 − (k−l)²/(q−1)²` weights on
 * the ranks 0…q−1 of the categories (irrCAC `linear.weights` / `quadratic.weights` on rank codes).
 */
export function agreementWeights(q: number, kind: WeightKind): Float64Array {
  const w = new Float64Array(q * q);
  for (let k = 0; k < q; k++) {
    for (let l = 0; l < q; l++) {
      if (kind === 'unweighted' || q === 1) w[k * q + l] = k === l ? 1 : 0;
      else if (kind === 'linear') w[k * q + l] = 1 - Math.abs(k - l) / (q - 1);
      else w[k * q + l] = 1 - ((k - l) * (k - l)) / ((q - 1) * (q - 1));
    }
  }
  return w;
}
