import type { Connector } from '../../db/connector';
import type { AgreementReport } from '../../report/report-types';
import type { Filters } from '../filters';
import { agreementReport, DEFAULT_BOOTSTRAP, notApplicable } from './agreement-report';
import { loadQuestionInfo, loadQuestionRatings } from './load-question-ratings';

export interface AgreementOptions {
  /** Percentile bootstrap CIs for α and AC1 (default true). */
  bootstrap?: boolean;
  /** Seed of the bootstrap's generator (default 20110101). */
  seed?: number;
  /** Bootstrap resamples (default 1,000). */
  resamples?: number;
}

/**
 * Agreement of every (batch, strategy, question) the filters select, keyed by `questionKey()`,
 * each value the report contract's `agreement` object (DESIGN.md; see `agreementReport` for the
 * extra keys). The heavy work is two GROUP BY queries in DuckDB (per-item rating patterns and
 * the two-rater tables); the coefficients are small TypeScript arithmetic on those aggregates.
 * Text and box questions get all-null coefficients with a reason.
 */
export async function agreementByQuestion(
  db: Connector,
  filters: Filters = {},
  options: AgreementOptions = {},
): Promise<Map<string, AgreementReport>> {
  const settings = {
    bootstrap: options.bootstrap ?? DEFAULT_BOOTSTRAP.bootstrap,
    seed: options.seed ?? DEFAULT_BOOTSTRAP.seed,
    resamples: options.resamples ?? DEFAULT_BOOTSTRAP.resamples,
  };
  const info = await loadQuestionInfo(db, filters);
  const ratings = await loadQuestionRatings(db, filters, info);
  const out = new Map<string, AgreementReport>();
  for (const [key, meta] of info) {
    const data = ratings.get(key);
    if (data) out.set(key, agreementReport(data, settings));
    else if (meta.value_kind === 'text')
      out.set(key, notApplicable('text answers: agreement is measured by the text-similarity metrics'));
    else if (meta.value_kind === 'box')
      out.set(key, notApplicable('box answers: agreement is measured by the IoU-matched box metrics'));
    else out.set(key, notApplicable('no judgement of this question carries a value'));
  }
  return out;
}
