import { describe, expect, it } from 'vitest';
import { cohenKappa, contingencyTable, scottPi, weightedKappa } from '../../../src/lib/metrics/agreement/cohen-kappa';
import { referenceCohen, type Rating } from '../../../src/lib/metrics/agreement/reference';

// Cohen, J. (1968). Weighted kappa: nominal scale agreement with provision for scaled
// disagreement or partial credit. Psychological Bulletin 70(4), 213–220, Table 1: two
// psychiatrists, 200 patients, categories personality disorder / neurosis / psychosis, cell
// proportions .44 .07 .09 / .05 .20 .05 / .01 .03 .06 (margins .60 .30 .10 and .50 .30 .20),
// disagreement weights v = 0 1 3 / 1 0 6 / 3 6 0. The paper reports κ = .492 and κ_w = .348.
// (Table reconstructed from the paper's printed proportions × 200.)
const TABLE: [number, number, number][] = [
  [0, 0, 88],
  [0, 1, 14],
  [0, 2, 18],
  [1, 0, 10],
  [1, 1, 40],
  [1, 2, 10],
  [2, 0, 2],
  [2, 1, 6],
  [2, 2, 12],
];

describe('Cohen (1968) Table 1', () => {
  const table = contingencyTable(3, TABLE);
  it('unweighted κ = .492 (p_o = .70, p_e = .41)', () => {
    expect(cohenKappa(table, 'unweighted').value).toBeCloseTo(0.29 / 0.59, 12);
    expect(cohenKappa(table, 'unweighted').value).toBeCloseTo(0.492, 3);
  });
  it("κ_w with the paper's weights 1, 3, 6 = .348 (1 − .90/1.38)", () => {
    const v = [0, 1, 3, 1, 0, 6, 3, 6, 0];
    expect(weightedKappa(table, v).value).toBeCloseTo(1 - 0.9 / 1.38, 12);
    expect(weightedKappa(table, v).value).toBeCloseTo(0.348, 3);
  });
  it('linear / quadratic rank weights equal the raw-pairs reference (scikit-learn convention)', () => {
    const cats = ['PD', 'N', 'Ps'];
    const ratings: Rating[] = [];
    let item = 0;
    for (const [i, j, n] of TABLE) {
      for (let k = 0; k < n; k++, item++) {
        ratings.push({ item: `p${item}`, annotator: 'A', value: cats[i] }, { item: `p${item}`, annotator: 'B', value: cats[j] });
      }
    }
    for (const w of ['unweighted', 'linear', 'quadratic'] as const) {
      expect(Math.abs(cohenKappa(table, w).value! - referenceCohen(ratings, 'A', 'B', w, cats)!)).toBeLessThan(1e-12);
    }
  });
  it("Scott's π: p_e from pooled shares ((.60+.50)/2)² + ((.30+.30)/2)² + ((.10+.20)/2)² = .415", () => {
    expect(scottPi(table).value).toBeCloseTo((0.7 - 0.415) / (1 - 0.415), 12);
  });
  it('one category only → null with a reason', () => {
    const k = cohenKappa(contingencyTable(3, [[1, 1, 5]]), 'unweighted');
    expect(k.value).toBeNull();
    expect(k.reason).toMatch(/one category/);
  });
});
