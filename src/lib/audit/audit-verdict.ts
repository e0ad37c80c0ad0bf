import { binomialCdf } from '../stats/binomial';
import { betaQuantile } from '../stats/beta-quantile';
import { hypergeometricCdf } from '../stats/hypergeometric';
import type { ReviewOutcome } from './lot-items';

/** The plan the audit follows (an ISO 2859-1 plan or an exact hypergeometric plan). */
export interface AuditPlan {
  kind: 'iso2859-1' | 'exact-hypergeometric';
  sample_size: number;
  accept: number;
  reject: number;
  /** AQL as a fraction (1 % = 0.01). */
  aql: number;
  /** Limiting quality as a fraction, when the plan was designed for one. */
  lq?: number | null;
  code_letter?: string | null;
}

export interface AuditVerdict {
  verdict: 'accept' | 'reject' | null;
  /** Why the verdict is null (review incomplete), else null. */
  reason: string | null;
  lot_size: number;
  seed: number;
  plan: AuditPlan;
  /** Items drawn. */
  n: number;
  reviewed: number;
  unreviewed_ids: string[];
  defects: number;
  defective_ids: string[];
  accept: number;
  reject: number;
  /** 1 − P(accept) for a lot exactly at the AQL (binomial; hypergeometric in `risks_hypergeometric`). */
  producer_risk_at_aql: number;
  /** The defect rate this plan accepts only 10 % of the time (LQ at β = 0.10, binomial). */
  lq_at_10_percent: number;
  /** P(accept) at the plan's LQ, when it has one. */
  consumer_risk_at_lq: number | null;
  /** One-sided 95 % upper Clopper–Pearson bound on the lot's defect rate from this sample; null before review. */
  defect_rate_upper95: number | null;
  risks_hypergeometric: { producer_risk_at_aql: number; consumer_risk_at_lq: number | null } | null;
  statements: string[];
}

const percent = (x: number) => `${(100 * x).toFixed(x < 0.01 ? 3 : 2)} %`;

/**
 * The audit verdict for a single sampling plan (n, Ac, Re): count the defective items among
 * the sampled ones (delivered answer ≠ review); accept when defects ≤ Ac, reject when ≥ Re
 * (ISO 2859-1 §11.1). With some items not yet reviewed the verdict is given only when it can no
 * longer change (defects ≥ Re already, or defects + unreviewed ≤ Ac); otherwise null with a reason.
 * Risk statements: P(accept) at the AQL and LQ from the binomial OC curve (and hypergeometric
 * for the lot), the LQ at β = 10 % = B(0.90; Ac+1, n−Ac), and an upper 95 % bound on the lot's
 * defect rate = B(0.95; d+1, n−d) (Clopper & Pearson 1934).
 */
export function auditVerdict(input: {
  plan: AuditPlan;
  lotSize: number;
  seed: number;
  sampleIds: readonly string[];
  outcomes: readonly ReviewOutcome[];
}): AuditVerdict {
  const { plan, lotSize, seed, sampleIds } = input;
  const byId = new Map(input.outcomes.map((o) => [o.item_id, o]));
  const unreviewed_ids = sampleIds.filter((id) => !byId.get(id)?.reviewed);
  const defective_ids = sampleIds.filter((id) => byId.get(id)?.reviewed && byId.get(id)?.defective);
  const n = sampleIds.length;
  const defects = defective_ids.length;
  const reviewed = n - unreviewed_ids.length;
  const { accept, reject } = plan;

  let verdict: AuditVerdict['verdict'] = null;
  let reason: string | null = null;
  if (n < Math.min(plan.sample_size, lotSize)) {
    reason = `the sample has ${n} items but the plan needs ${Math.min(plan.sample_size, lotSize)}; draw the sample again`;
  } else if (defects >= reject) verdict = 'reject';
  else if (defects + unreviewed_ids.length <= accept) verdict = 'accept';
  else reason = `${unreviewed_ids.length} of ${n} sampled items have no review result yet`;

  const m = plan.sample_size;
  const producer_risk_at_aql = 1 - binomialCdf(accept, m, plan.aql);
  const lq_at_10_percent = accept >= m ? 1 : betaQuantile(0.9, accept + 1, m - accept);
  const lq = plan.lq ?? null;
  const consumer_risk_at_lq = lq === null ? null : binomialCdf(accept, m, lq);
  const risks_hypergeometric =
    m <= lotSize
      ? {
          producer_risk_at_aql: 1 - hypergeometricCdf(accept, lotSize, Math.floor(plan.aql * lotSize + 1e-9), m),
          consumer_risk_at_lq: lq === null ? null : hypergeometricCdf(accept, lotSize, Math.ceil(lq * lotSize - 1e-9), m),
        }
      : null;
  const complete = unreviewed_ids.length === 0 && n > 0;
  const defect_rate_upper95 = !complete ? null : defects === n ? 1 : betaQuantile(0.95, defects + 1, n - defects);

  const statements = [
    `Plan: inspect ${m} items, accept the lot with at most ${accept} defective, reject with ${reject} or more` +
      (plan.code_letter ? ` (ISO 2859-1 code letter ${plan.code_letter}, AQL ${percent(plan.aql)}).` : '.'),
    `A lot exactly at the AQL (${percent(plan.aql)} defective) is rejected with probability ${percent(producer_risk_at_aql)} (producer's risk).`,
    `A lot with ${percent(lq_at_10_percent)} defective items is accepted only 10 % of the time (limiting quality at 10 % consumer's risk).`,
  ];
  if (lq !== null && consumer_risk_at_lq !== null) {
    statements.push(
      `A lot at the limiting quality (${percent(lq)} defective) is accepted with probability ${percent(consumer_risk_at_lq)} (consumer's risk).`,
    );
  }
  statements.push(
    `Found ${defects} defective among ${reviewed} reviewed of ${n} sampled items (seed ${seed}, lot of ${lotSize}).`,
  );
  if (defect_rate_upper95 !== null) {
    statements.push(
      `With 95 % confidence the lot's defect rate is at most ${percent(defect_rate_upper95)} (one-sided Clopper–Pearson).`,
    );
  }
  statements.push(verdict === null ? `No verdict yet: ${reason}.` : `Verdict: ${verdict.toUpperCase()} the lot.`);

  return {
    verdict,
    reason,
    lot_size: lotSize,
    seed,
    plan,
    n,
    reviewed,
    unreviewed_ids,
    defects,
    defective_ids,
    accept,
    reject,
    producer_risk_at_aql,
    lq_at_10_percent,
    consumer_risk_at_lq,
    defect_rate_upper95,
    risks_hypergeometric,
    statements,
  };
}
