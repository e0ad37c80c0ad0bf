import type { Connector } from '../../db/connector';
import { sql } from '../../sql/sql';
import type { Filters } from '../filters';
import { fitOffMainThread } from '../off-main-thread/fit-off-main-thread';
import { pairTalliesByQuestion, type ModelComparisons } from './model-comparisons';
import { nominalAlphaFromSums, nominalSumsByQuestion, percentFromSums } from './nominal-agreement';
import { positionBiasByQuestion, type AnnotatorPositionBias } from './position-bias';
import { preferenceChoices } from './preference-choices';

/** The `preference` block of a question in the report (keys of DESIGN.md / issue 6, plus additions). */
export interface PreferenceReport {
  /** Krippendorff's α (nominal) over the chosen option, ties a category of their own. */
  agreement_with_ties: number | null;
  /** Krippendorff's α (nominal) over the non-tie choices only: pairs where both annotators chose a side. */
  agreement_without_ties: number | null;
  /** Percent agreement (share of agreeing ordered pairs, mean over items) with and without ties. */
  percent_with_ties: number | null;
  percent_without_ties: number | null;
  judgements: number;
  tie_rate: number | null;
  first_position_n: number;
  first_position_share: number | null;
  first_position_p_value: number | null;
  annotators: AnnotatorPositionBias[];
  /** Bradley–Terry strengths and cyclic triads, when the judgements name the compared options. */
  models: ModelComparisons | null;
  reasons: Record<string, string>;
}

export interface PreferenceOptions {
  /** Bootstrap resamples for the Bradley–Terry intervals (default 1000) and the seed (default 1). */
  resamples?: number;
  seed?: number;
}

/**
 * RLHF preference measures per question (value_kind 'preference'): agreement on the chosen
 * option with and without ties, tie rate and position bias overall and per annotator,
 * Bradley–Terry strengths with bootstrap intervals and intransitive triads of the compared
 * models. Counting is done in SQL; the Bradley–Terry fit and triads in TS on small tallies.
 */
export async function preferenceByQuestion(
  db: Connector,
  filters: Filters = {},
  options: PreferenceOptions = {},
): Promise<Map<string, PreferenceReport>> {
  const choices = preferenceChoices(filters);
  // The Bradley–Terry tallies are counted first, so that their bootstrap (in a worker) runs while DuckDB counts the rest.
  const [models, withTies, withoutTies, bias] = await Promise.all([
    modelComparisonsByQuestion(db, filters, options),
    nominalSumsByQuestion(db, sql`(SELECT question_no, item_no, choice AS value FROM ${choices} c)`),
    nominalSumsByQuestion(db, sql`(SELECT question_no, item_no, choice AS value FROM ${choices} c WHERE side <> 'tie')`),
    positionBiasByQuestion(db, filters),
  ]);
  const out = new Map<string, PreferenceReport>();
  for (const [key, b] of bias) {
    const reasons: Record<string, string> = { ...b.overall.reasons };
    const alphaTies = withTies.get(key);
    const alpha = alphaTies ? nominalAlphaFromSums(alphaTies) : { value: null, reason: 'no judgements' };
    const percent = alphaTies ? percentFromSums(alphaTies) : { value: null, reason: 'no judgements' };
    const noTies = withoutTies.get(key);
    const alphaNoTies = noTies ? nominalAlphaFromSums(noTies) : { value: null, reason: 'every answer is a tie' };
    const percentNoTies = noTies ? percentFromSums(noTies) : { value: null, reason: 'every answer is a tie' };
    if (alpha.reason) reasons.agreement_with_ties = alpha.reason;
    if (percent.reason) reasons.percent_with_ties = percent.reason;
    if (alphaNoTies.reason) reasons.agreement_without_ties = alphaNoTies.reason;
    if (percentNoTies.reason) reasons.percent_without_ties = percentNoTies.reason;
    if (!models.has(key)) reasons.models = 'the judgements do not name the compared options (option_a, option_b)';
    out.set(key, {
      agreement_with_ties: alpha.value,
      agreement_without_ties: alphaNoTies.value,
      percent_with_ties: percent.value,
      percent_without_ties: percentNoTies.value,
      judgements: b.overall.judgements,
      tie_rate: b.overall.tie_rate,
      first_position_n: b.overall.first_position_n,
      first_position_share: b.overall.first_position_share,
      first_position_p_value: b.overall.first_position_p_value,
      annotators: b.annotators,
      models: models.get(key) ?? null,
      reasons,
    });
  }
  return out;
}

/** Bradley–Terry comparisons of the compared models per question that names them (fitted off the main thread). */
async function modelComparisonsByQuestion(
  db: Connector,
  filters: Filters,
  options: PreferenceOptions,
): Promise<Map<string, ModelComparisons>> {
  const tallies = await pairTalliesByQuestion(db, filters);
  return new Map(
    await Promise.all(
      [...tallies].map(
        async ([key, questionTallies]) => [key, await fitOffMainThread('modelComparisons', questionTallies, options)] as const,
      ),
    ),
  );
}
