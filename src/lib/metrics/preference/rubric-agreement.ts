import type { Connector } from '../../db/connector';
import { agreementByQuestion, type AgreementOptions } from '../agreement/agreement-by-question';
import type { Filters } from '../filters';

/** Agreement on one rating question (a rubric dimension or a quality rating). */
export interface RubricAgreement {
  level: string;
  /** Krippendorff's α with the ordinal metric (Krippendorff 2011). */
  alpha_ordinal: number | null;
  /** α at the question's own level of measurement (ordinal unless the user changed it). */
  krippendorff_alpha: number | null;
  /** Gwet's AC2 with linear and quadratic weights (Gwet 2014; irrCAC gwet.ac1.raw with weights). */
  gwet_ac2_linear: number | null;
  gwet_ac2_quadratic: number | null;
  ci95_krippendorff_alpha: [number, number] | null;
  reasons: Record<string, string>;
}

/**
 * Ordinal α and AC2 of the rating questions (level ordinal, interval or ratio) of one strategy
 * — the rubric dimensions of RLHF (helpfulness, harmlessness, honesty …) or the quality
 * ratings of instruction tuning — taken from the generic agreement engine (agreementByQuestion).
 */
export async function rubricAgreementByQuestion(
  db: Connector,
  filters: Filters,
  strategy: string,
  options: AgreementOptions = {},
): Promise<Map<string, RubricAgreement>> {
  if (filters.strategies?.length && !filters.strategies.includes(strategy)) return new Map();
  const all = await agreementByQuestion(db, { ...filters, strategies: [strategy] }, options);
  const out = new Map<string, RubricAgreement>();
  for (const [key, a] of all) {
    const level = String(a.level ?? '');
    if (!['ordinal', 'interval', 'ratio'].includes(level)) continue;
    const byLevel = (a.alpha_by_level ?? {}) as Record<string, number | null>;
    out.set(key, {
      level,
      alpha_ordinal: byLevel.ordinal ?? null,
      krippendorff_alpha: a.krippendorff_alpha,
      gwet_ac2_linear: (a.gwet_ac2_linear as number | null) ?? null,
      gwet_ac2_quadratic: (a.gwet_ac2_quadratic as number | null) ?? null,
      ci95_krippendorff_alpha: a.ci95.krippendorff_alpha,
      reasons: a.reasons,
    });
  }
  return out;
}
