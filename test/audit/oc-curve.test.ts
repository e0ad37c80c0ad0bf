import { describe, expect, it } from 'vitest';
import { ocCurve } from '../../src/lib/audit/oc-curve';

describe('ocCurve', () => {
  // Plan n = 80, Ac = 2 (ISO 2859-1 letter J, AQL 1.0). SciPy 1.17.1: binom.cdf(2, 80, 0.01) = 0.9534…,
  // binom.cdf(2, 80, 0.05) = 0.2306…; hypergeom.cdf(2, 1000, 50, 80) (lot of 1000, p = 0.05).
  const plan = { sample_size: 80, accept: 2 };

  it('starts at P(accept) = 1 and falls with the defect rate', () => {
    const curve = ocCurve(plan, 1000, { points: 21, maxRate: 0.1 });
    expect(curve).toHaveLength(21);
    expect(curve[0]).toMatchObject({ defect_rate: 0, p_accept_binomial: 1, p_accept_hypergeometric: 1 });
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i].p_accept_binomial).toBeLessThanOrEqual(curve[i - 1].p_accept_binomial);
      expect(curve[i].p_accept_hypergeometric!).toBeLessThanOrEqual(curve[i - 1].p_accept_hypergeometric!);
    }
  });

  it('matches SciPy binom.cdf and hypergeom.cdf at p = 0.01 and 0.05', () => {
    const curve = ocCurve(plan, 1000, { points: 21, maxRate: 0.1 });
    const at = (rate: number) => curve.find((p) => Math.abs(p.defect_rate - rate) < 1e-12)!;
    expect(Math.abs(at(0.05).p_accept_binomial - 0.23062050491649155)).toBeLessThan(1e-10);
    expect(Math.abs(at(0.05).p_accept_hypergeometric! - 0.21864472540416938)).toBeLessThan(1e-10);
    expect(Math.abs(at(0.01).p_accept_binomial - 0.9534468142640684)).toBeLessThan(1e-10);
  });

  it('has no hypergeometric curve without a lot size', () => {
    expect(ocCurve(plan, null, { points: 3 })[1].p_accept_hypergeometric).toBeNull();
  });

  it('chooses a range that reaches P(accept) < 0.1 %', () => {
    const curve = ocCurve(plan, null);
    expect(curve.at(-1)!.p_accept_binomial).toBeLessThan(0.001);
    expect(curve.at(-1)!.defect_rate).toBeLessThan(0.25);
  });
});
