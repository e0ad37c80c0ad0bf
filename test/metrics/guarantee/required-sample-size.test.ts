import { describe, expect, it } from 'vitest';
import { demonstrates, requiredSampleSize, requiredSampleSizes } from '../../../src/lib/metrics/guarantee/required-sample-size';
import { guaranteeFromCounts } from '../../../src/lib/metrics/guarantee/guarantee-by-batch';

describe('requiredSampleSize', () => {
  it('is 598 for 99.5 % at 95 % confidence with 0 errors (DESIGN.md; ln 0.05 / ln 0.995 = 597.6)', () => {
    expect(requiredSampleSize(0.995, 0.95, 0)).toBe(598);
    expect(requiredSampleSize(0.995, 0.95, 0)).toBe(Math.ceil(Math.log(0.05) / Math.log(0.995)));
  });

  // Independent computation: SciPy 1.17.1, smallest n with binom.cdf(k, n, 1 − p0) ≤ α, which is
  // equivalent to beta.ppf(α, n − k, k + 1) ≥ p0 (R: binom.test(n − k, n, alt = "greater")$conf.int[1] ≥ p0).
  it.each([
    [0.95, 0.95, [59, 93, 124]],
    [0.95, 0.99, [90, 130, 165]],
    [0.99, 0.95, [299, 473, 628]],
    [0.99, 0.99, [459, 662, 838]],
    [0.995, 0.95, [598, 947, 1258]],
    [0.995, 0.99, [919, 1325, 1678]],
  ] as const)('target %f at confidence %f needs %j gold items for 0, 1, 2 errors', (target, confidence, expected) => {
    expect(Object.values(requiredSampleSizes(target, confidence, 2))).toEqual(expected);
  });

  it('is the smallest such n: one item fewer does not demonstrate the target', () => {
    for (const k of [0, 1, 2, 5]) {
      const n = requiredSampleSize(0.99, 0.95, k);
      expect(demonstrates(n, k, 0.99, 0.95)).toBe(true);
      expect(demonstrates(n - 1, k, 0.99, 0.95)).toBe(false);
    }
  });

  it('refuses targets and confidences outside (0, 1)', () => {
    expect(() => requiredSampleSize(1, 0.95, 0)).toThrow(/target/);
    expect(() => requiredSampleSize(0.99, 95, 0)).toThrow(/confidence/);
    expect(() => requiredSampleSize(0.99, 0.95, -1)).toThrow(RangeError);
  });
});

describe('guaranteeFromCounts', () => {
  // Lower bounds from SciPy 1.17.1 beta.ppf(0.05, k, n − k + 1) (= R binom.test(k, n, alt = "greater")).
  it('598 of 598 correct demonstrates 99.5 % (lower bound 0.9950029413057535)', () => {
    const g = guaranteeFromCounts('b1', 598, 0, { target: 0.995, confidence: 0.95 });
    expect(Math.abs(g.lower_bound! - 0.9950029413057535)).toBeLessThan(1e-9);
    expect(g.demonstrated).toBe(true);
    expect(g.required_n).toEqual({ '0': 598, '1': 947, '2': 1258 });
  });

  it('990 of 1000 correct: lower bound 0.9830968248794375, 99 % not demonstrated', () => {
    const g = guaranteeFromCounts('b1', 1000, 10, { target: 0.99 });
    expect(Math.abs(g.lower_bound! - 0.9830968248794375)).toBeLessThan(1e-9);
    expect(g.accuracy).toBeCloseTo(0.99, 12);
    expect(g.demonstrated).toBe(false);
  });

  it('195 of 200 correct demonstrates 0.94 but not 0.95 (lower bound 0.9481566608797095)', () => {
    expect(Math.abs(guaranteeFromCounts('b', 200, 5).lower_bound! - 0.9481566608797095)).toBeLessThan(1e-9);
    expect(guaranteeFromCounts('b', 200, 5, { target: 0.94 }).demonstrated).toBe(true);
    expect(guaranteeFromCounts('b', 200, 5, { target: 0.95 }).demonstrated).toBe(false);
  });

  it('no gold: null bound with a reason, not demonstrated', () => {
    const g = guaranteeFromCounts('b', 0, 0);
    expect(g.lower_bound).toBeNull();
    expect(g.accuracy).toBeNull();
    expect(g.reason).toMatch(/no gold/);
    expect(g.demonstrated).toBe(false);
  });
});
