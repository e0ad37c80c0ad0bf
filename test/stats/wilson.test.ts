import { describe, expect, it } from 'vitest';
import { wilson } from '../../src/lib/stats/wilson';

// Reference values: statsmodels `proportion_confint(k, n, alpha=1−c, method='wilson')`
// formula (centre (p̂+z²/2n)/(1+z²/n), half-width z√(p̂q̂/n+z²/4n²)/(1+z²/n), z = SciPy
// `norm.ppf(1−α/2)`), evaluated in Python 3 with SciPy 1.17. R: `prop.test(7, 20,
// correct = FALSE)$conf.int` = 0.1811918 0.5671457 agrees.
const cases: [number, number, number, number, number][] = [
  [7, 20, 0.95, 0.18119182410108206, 0.5671457233147638],
  [0, 10, 0.95, 0, 0.2775327998628892],
  [10, 10, 0.95, 0.7224672001371107, 1],
  [1, 1, 0.95, 0.20654931437723745, 1],
  [95, 100, 0.99, 0.8608496970983599, 0.9831516839573993],
  [597, 598, 0.95, 0.9905892764699463, 0.9997047474210955],
  [4980, 5000, 0.9, 0.9942395868847335, 0.997223923593117],
  [3, 1000, 0.95, 0.0010207838811386186, 0.008783014053503173],
];

describe('wilson', () => {
  it.each(cases)('k=%i n=%i conf=%f', (k, n, c, lower, upper) => {
    const interval = wilson(k, n, c);
    expect(interval).not.toBeNull();
    expect(Math.abs(interval![0] - lower)).toBeLessThan(1e-9);
    expect(Math.abs(interval![1] - upper)).toBeLessThan(1e-9);
  });

  it('is null for n = 0 and rejects impossible counts', () => {
    expect(wilson(0, 0)).toBeNull();
    expect(() => wilson(-1, 3)).toThrow(/0 ≤ k ≤ n/);
  });
});
