import { describe, expect, it } from 'vitest';
import { exactPlan } from '../../src/lib/audit/exact-plan';
import { hypergeometricCdf } from '../../src/lib/stats/hypergeometric';

// Expected plans from an independent brute force in SciPy 1.17.1: for n = 1, 2, … take the
// smallest c with hypergeom.cdf(c, N, floor(AQL·N), n) ≥ 1 − α and stop at the first n with
// hypergeom.cdf(c, N, ceil(LQ·N), n) ≤ β.
// [N, AQL, α, LQ, β, n, c, P(accept | AQL), P(accept | LQ)]
const CASES: [number, number, number, number, number, number, number, number, number][] = [
  [1000, 0.01, 0.05, 0.05, 0.1, 128, 3, 0.9709869985600575, 0.09679115677375612],
  [500, 0.02, 0.05, 0.1, 0.1, 63, 3, 0.9731958948018341, 0.09775211970417964],
  [200, 0.01, 0.05, 0.08, 0.1, 44, 1, 0.9524623115577889, 0.09397485456793897],
  [5000, 0.005, 0.05, 0.03, 0.1, 219, 3, 0.978042556605173, 0.0984060554497218],
  [60, 0, 0.05, 0.1, 0.05, 23, 0, 1, 0.046436371466363174],
];

describe('exactPlan (hypergeometric)', () => {
  it.each(CASES)('N=%i AQL=%f α=%f LQ=%f β=%f → n=%i c=%i', (N, aql, a, lq, b, n, c, pAql, pLq) => {
    const plan = exactPlan({ lotSize: N, aql, producerRisk: a, lqOrLtpd: lq, consumerRisk: b });
    expect([plan.sample_size, plan.accept, plan.reject]).toEqual([n, c, c + 1]);
    expect(Math.abs(plan.p_accept_at_aql - pAql)).toBeLessThan(1e-9);
    expect(Math.abs(plan.p_accept_at_lq - pLq)).toBeLessThan(1e-9);
  });

  it('meets both risks, and no smaller sample does (checked with hypergeometricCdf)', () => {
    const input = { lotSize: 1000, aql: 0.01, producerRisk: 0.05, lqOrLtpd: 0.05, consumerRisk: 0.1 };
    const plan = exactPlan(input);
    expect(hypergeometricCdf(plan.accept, 1000, plan.defectives_at_aql, plan.sample_size)).toBeGreaterThanOrEqual(0.95);
    expect(hypergeometricCdf(plan.accept, 1000, plan.defectives_at_lq, plan.sample_size)).toBeLessThanOrEqual(0.1);
    for (let n = 1; n < plan.sample_size; n++) {
      for (let c = 0; c <= n; c++) {
        const ok =
          hypergeometricCdf(c, 1000, plan.defectives_at_aql, n) >= 0.95 &&
          hypergeometricCdf(c, 1000, plan.defectives_at_lq, n) <= 0.1;
        expect(ok).toBe(false);
        if (hypergeometricCdf(c, 1000, plan.defectives_at_aql, n) >= 0.95) break; // larger c only raises P(accept | LQ)
      }
    }
  });

  it('uses floor(AQL·N) and ceil(LQ·N) defectives', () => {
    const plan = exactPlan({ lotSize: 250, aql: 0.015, producerRisk: 0.05, lqOrLtpd: 0.061, consumerRisk: 0.1 });
    expect(plan.defectives_at_aql).toBe(3); // 3.75 → 3
    expect(plan.defectives_at_lq).toBe(16); // 15.25 → 16
  });

  it('refuses inputs that cannot work', () => {
    expect(() => exactPlan({ lotSize: 10, aql: 0.1, producerRisk: 0.05, lqOrLtpd: 0.1 + 1e-12, consumerRisk: 0.1 })).toThrow(
      /cannot tell/,
    );
    expect(() => exactPlan({ lotSize: 100, aql: 0.05, producerRisk: 0.05, lqOrLtpd: 0.01, consumerRisk: 0.1 })).toThrow(
      /AQL < LQ/,
    );
    expect(() => exactPlan({ lotSize: 100, aql: 0.01, producerRisk: 0, lqOrLtpd: 0.1, consumerRisk: 0.1 })).toThrow(/producer/);
  });
});
