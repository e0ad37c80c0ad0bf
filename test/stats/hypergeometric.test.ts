import { describe, expect, it } from 'vitest';
import { hypergeometricCdf, hypergeometricPmf } from '../../src/lib/stats/hypergeometric';

// Reference values from SciPy 1.17.1 `hypergeom.pmf(k, M=N, n=D, N=n)` / `hypergeom.cdf(...)`,
// which equal R `dhyper(k, D, N − D, n)` / `phyper(k, D, N − D, n)`.
// [k, lot size N, defectives D, sample n, pmf, cdf]
const CASES: [number, number, number, number, number, number][] = [
  [0, 1000, 10, 125, 0.26137831054473604, 0.26137831054473604],
  [1, 1000, 10, 125, 0.3772781618717321, 0.638656472416468],
  [3, 500, 25, 50, 0.23276888120535086, 0.7670831492804558],
  [2, 20, 7, 12, 0.047678018575851404, 0.05211558307533541],
  [10, 5000, 250, 200, 0.13100237137266763, 0.5832155552149652],
  [5, 100, 30, 10, 0.09963727785596206, 0.961234928716693],
];

describe('hypergeometric distribution', () => {
  it.each(CASES)('k=%i N=%i D=%i n=%i matches SciPy/R to 1e-10', (k, N, D, n, pmf, cdf) => {
    // log-space binomial coefficients (ln C(1000,125) ≈ 400) leave ~1e-12 absolute error: tolerance 1e-10
    expect(Math.abs(hypergeometricPmf(k, N, D, n) - pmf)).toBeLessThan(1e-10);
    expect(Math.abs(hypergeometricCdf(k, N, D, n) - cdf)).toBeLessThan(1e-10);
  });

  it('is a distribution: the pmf sums to 1 and the cdf ends at 1', () => {
    let total = 0;
    for (let k = 0; k <= 12; k++) total += hypergeometricPmf(k, 20, 7, 12);
    expect(Math.abs(total - 1)).toBeLessThan(1e-12);
    expect(hypergeometricCdf(7, 20, 7, 12)).toBe(1);
  });

  it('respects the support: at least n − (N − D) defectives must be drawn', () => {
    // N=20, D=15, n=10: at least 5 defectives in any sample
    expect(hypergeometricPmf(4, 20, 15, 10)).toBe(0);
    expect(hypergeometricCdf(4, 20, 15, 10)).toBe(0);
    expect(hypergeometricPmf(5, 20, 15, 10)).toBeGreaterThan(0);
  });

  it('rejects impossible arguments', () => {
    expect(() => hypergeometricPmf(0, 10, 11, 5)).toThrow(/defectives ≤ lot size/);
    expect(() => hypergeometricCdf(0, 10, 2, 11)).toThrow(RangeError);
  });
});
