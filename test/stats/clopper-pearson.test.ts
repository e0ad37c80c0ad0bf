import { describe, expect, it } from 'vitest';
import { clopperPearson, clopperPearsonLower, clopperPearsonUpper } from '../../src/lib/stats/clopper-pearson';

// Reference values: R `binom.test(k, n, conf.level = c)$conf.int` (R: 7/20 → 0.1539092,
// 0.5921885), to full precision from statsmodels' formula for
// `proportion_confint(k, n, alpha, method='beta')` = SciPy `beta.ppf(α/2, k, n−k+1)`,
// `beta.ppf(1−α/2, k+1, n−k)`, evaluated with SciPy 1.17. One-sided lower bound:
// R `binom.test(k, n, alternative = "greater", conf.level = c)$conf.int[1]` = `beta.ppf(1−c, k, n−k+1)`.
const cases: [number, number, number, number, number, number][] = [
  // k, n, confidence, lower, upper, one-sided lower
  [7, 20, 0.95, 0.1539092047845412, 0.5921885345328282, 0.17731091757444914],
  [0, 10, 0.95, 0, 0.3084971078187607, 0],
  [10, 10, 0.95, 0.6915028921812392, 1, 0.7411344491069478],
  [1, 1, 0.95, 0.025000000000000022, 1, 0.050000000000000044],
  [95, 100, 0.99, 0.8648553174643765, 0.9890596664152099, 0.8741482693023214],
  [597, 598, 0.95, 0.9907184068787858, 0.9999576634246725, 0.9920919054336146],
  [4980, 5000, 0.9, 0.9941928651463251, 0.9973475444257992, 0.9945947921292342],
  [3, 1000, 0.95, 0.0006190999316495715, 0.008742023238478303, 0.0008181753982218005],
];

describe('clopperPearson', () => {
  it.each(cases)('k=%i n=%i conf=%f', (k, n, c, lower, upper, oneSided) => {
    const interval = clopperPearson(k, n, c);
    expect(interval).not.toBeNull();
    expect(Math.abs(interval![0] - lower)).toBeLessThan(1e-9);
    expect(Math.abs(interval![1] - upper)).toBeLessThan(1e-9);
    expect(Math.abs(clopperPearsonLower(k, n, c)! - oneSided)).toBeLessThan(1e-9);
  });

  it('598 successes out of 598 demonstrate 99.5 % at 95 % confidence; 597 do not', () => {
    // (1 − 0.05)^(1/n) ≥ 0.995 ⇔ n ≥ ln 0.05 / ln 0.995 = 597.6 (the "598" figure).
    expect(clopperPearsonLower(598, 598, 0.95)!).toBeGreaterThanOrEqual(0.995);
    expect(clopperPearsonLower(597, 597, 0.95)!).toBeLessThan(0.995);
    expect(clopperPearsonLower(598, 598, 0.95)!).toBeCloseTo(Math.pow(0.05, 1 / 598), 12);
  });

  it('upper one-sided bound mirrors the lower one (k ↔ n−k)', () => {
    expect(clopperPearsonUpper(3, 20, 0.9)!).toBeCloseTo(1 - clopperPearsonLower(17, 20, 0.9)!, 12);
    expect(clopperPearsonUpper(20, 20)).toBe(1);
  });

  it('is null when there are no trials and rejects impossible counts', () => {
    expect(clopperPearson(0, 0)).toBeNull();
    expect(clopperPearsonLower(0, 0)).toBeNull();
    expect(() => clopperPearson(5, 3)).toThrow(/0 ≤ k ≤ n/);
    expect(() => clopperPearson(1, 3, 1)).toThrow(/confidence/);
  });
});
