import { describe, expect, it } from 'vitest';
import { betaQuantile } from '../../src/lib/stats/beta-quantile';

// Reference values: SciPy 1.17 `scipy.stats.beta.ppf(p, a, b)` (same values as R `qbeta`;
// R `binom.test(7, 20)$conf.int` = 0.1539092 0.5921885 is the first two rows).
const cases: [number, number, number, number][] = [
  [0.025, 7, 14, 0.15390920478454118],
  [0.975, 8, 13, 0.5921885345328282],
  [0.05, 1, 598, 8.577106123069681e-5],
  [0.05, 598, 1, 0.9950029413057535],
  [0.05, 1000, 3, 0.9937302280600824],
  [0.001, 0.5, 0.5, 2.4673990709169446e-6],
  [0.5, 2, 3, 0.3857275681323895],
  [0.025, 1, 20, 0.0012650894979498038],
  [0.975, 1, 20, 0.1684334709830853],
  [0.05, 99500, 501, 0.9946172692401812],
  [0.95, 0.1, 5, 0.1194284264413824],
  [1e-8, 3, 4, 0.0007941735408983302],
];

describe('betaQuantile', () => {
  it.each(cases)('qbeta(%f, %f, %f) = %f (SciPy beta.ppf)', (p, a, b, expected) => {
    const got = betaQuantile(p, a, b);
    // relative 1e-10 and absolute 1e-12
    expect(Math.abs(got - expected)).toBeLessThan(Math.max(1e-12, 1e-10 * expected));
  });

  it('is the identity for Beta(1, 1) and hits the ends', () => {
    expect(betaQuantile(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(betaQuantile(0, 2, 5)).toBe(0);
    expect(betaQuantile(1, 2, 5)).toBe(1);
  });

  it('rejects invalid arguments with a clear message', () => {
    expect(() => betaQuantile(1.2, 1, 1)).toThrow(/p must be in/);
    expect(() => betaQuantile(0.5, 0, 1)).toThrow(/shape parameters/);
  });
});
