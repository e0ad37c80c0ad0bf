import { describe, expect, it } from 'vitest';
import { binomialCdf, binomialPmf, binomialSf, binomialTestTwoSided } from '../../src/lib/stats/binomial';

// Reference values: SciPy 1.17 `binom.pmf/cdf/sf` (= R dbinom/pbinom) and
// `scipy.stats.binomtest(k, n, p).pvalue` (same two-sided rule as R binom.test, relErr 1+1e-7).
// R documentation example: binom.test(682, 925, p = 0.75) gives p-value = 0.3825.
const distCases: [number, number, number, number, number, number][] = [
  [3, 10, 0.3, 0.2668279319999998, 0.6496107184000002, 0.3503892815999998],
  [0, 598, 0.005, 0.04991169123005853, 0.04991169123005856, 0.9500883087699414],
  [2, 1000, 0.005, 0.08392862061883734, 0.12401961723200054, 0.8759803827679995],
  [500, 1000, 0.5, 0.025225018178360804, 0.5126125090891802, 0.48738749091081973],
  [520000, 1000000, 0.52, 0.0007985234353859649, 0.500393938232373, 0.499606061767627],
  [10, 1000000, 1e-5, 0.12511066127589932, 0.5830397501940283, 0.4169602498059717],
];

const testCases: [number, number, number, number][] = [
  [7, 20, 0.5, 0.26317596435546875],
  [3, 10, 0.5, 0.34375],
  [682, 925, 0.75, 0.3824915595748517],
  [0, 5, 0.3, 0.33115000000000006],
  [5, 5, 0.3, 0.0024299999999999994],
  [2, 30, 0.02, 0.12054568915892772],
  [12, 40, 0.2, 0.1159673303817507],
  [50000, 100000, 0.5, 1],
  [49800, 100000, 0.5, 0.2070389717642225],
];

describe('binomial distribution', () => {
  it.each(distCases)('k=%i n=%i p=%f', (k, n, p, pmf, cdf, sf) => {
    expect(Math.abs(binomialPmf(k, n, p) - pmf)).toBeLessThan(1e-12 + 1e-9 * pmf);
    expect(Math.abs(binomialCdf(k, n, p) - cdf)).toBeLessThan(1e-10);
    expect(Math.abs(binomialSf(k, n, p) - sf)).toBeLessThan(1e-10);
  });

  it('handles the degenerate p = 0 and p = 1 and out-of-range k', () => {
    expect(binomialPmf(0, 7, 0)).toBe(1);
    expect(binomialPmf(7, 7, 1)).toBe(1);
    expect(binomialPmf(3, 7, 1)).toBe(0);
    expect(binomialPmf(8, 7, 0.5)).toBe(0);
    expect(binomialCdf(-1, 7, 0.5)).toBe(0);
    expect(binomialCdf(7, 7, 0.5)).toBe(1);
  });

  it('keeps relative precision in a tiny tail', () => {
    // P(X ≤ 0 | n = 2000, p = 0.01) = 0.99^2000 = exp(2000 ln 0.99)
    const expected = Math.exp(2000 * Math.log(0.99));
    expect(Math.abs(binomialCdf(0, 2000, 0.01) / expected - 1)).toBeLessThan(1e-10);
  });
});

describe('binomialTestTwoSided', () => {
  it.each(testCases)('binom.test(%i, %i, p=%f)', (k, n, p, expected) => {
    expect(Math.abs(binomialTestTwoSided(k, n, p)! - expected)).toBeLessThan(1e-9);
  });

  it('is null for n = 0', () => {
    expect(binomialTestTwoSided(0, 0)).toBeNull();
  });
});
