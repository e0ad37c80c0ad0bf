import { sql, type SqlQuery } from '../../sql/sql';
import { filteredJudgements, type Filters } from '../filters';

/** Answers that mean "no preference" (compared case-insensitively). */
export const TIE_WORDS = ['tie', 'equal', 'same', 'both', 'neither', 'draw', 'none'];

/**
 * The preference judgements the filters select, one row each (ids and integer keys), with:
 * `side` = 'A' / 'B' / 'tie' (labels normalised: upper-cased A/B, any of TIE_WORDS → tie;
 * other answers are left out), `choice` = the chosen option's id (option_a / option_b, or
 * the side when the options are unnamed; 'tie' for ties) so that agreement compares what
 * was preferred even when annotators saw the options under different letters, and
 * `chose_first` = whether the chosen side is the one shown first (null for ties or when
 * the order is unknown). Only questions with value_kind 'preference'.
 */
export function preferenceChoices(filters: Filters = {}): SqlQuery {
  const side = sql`CASE WHEN upper(trim(j.label)) IN ('A', 'B') THEN upper(trim(j.label))
      WHEN lower(trim(j.label)) IN ('tie', 'equal', 'same', 'both', 'neither', 'draw', 'none') THEN 'tie' END`;
  return sql`(SELECT batch_id, strategy, question, item_id, annotator_id, question_no, item_no, annotator_no, side,
      option_a, option_b, shown_first,
      CASE side WHEN 'A' THEN coalesce(option_a, 'A') WHEN 'B' THEN coalesce(option_b, 'B') ELSE 'tie' END AS choice,
      CASE WHEN side IN ('A', 'B') AND shown_first IN ('A', 'B') THEN side = shown_first END AS chose_first
    FROM (SELECT j.*, ${side} AS side FROM ${filteredJudgements(filters)} j WHERE j.value_kind = 'preference')
    WHERE side IS NOT NULL)`;
}
