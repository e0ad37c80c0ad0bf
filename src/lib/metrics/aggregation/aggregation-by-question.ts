import type { Connector } from '../../db/connector';
import type { AggregationReport } from '../../report/report-types';
import type { Filters } from '../filters';
import { aggregableQuestions } from './aggregation-input';
import { dawidSkeneByQuestion } from './dawid-skene';
import { noAnswers } from './dawid-skene-fit';
import { majorityVoteByQuestion } from './majority-vote';

/**
 * `aggregation` of the report contract for every question of the filtered judgements, keyed by
 * `questionKey()`:
 * - `majority_vote_accuracy`: majority vote against gold, a tie scored 1/t when gold is among
 *   its t tied classes (the expected accuracy of a fair random tie-break; no tie is silently
 *   broken); `majority_vote_accuracy_ties_lowest` breaks ties towards the lowest class code,
 *   `majority_vote_accuracy_decisive` leaves tied items out;
 * - `ties`: items whose top vote is shared; `gold_ties`: those that have gold;
 * - `dawid_skene_accuracy`: Dawid & Skene (1979) EM labels against gold, with its iterations,
 *   convergence, tolerance and iteration cap.
 * Null figures carry their reason in `reasons`.
 */
export async function aggregationByQuestion(db: Connector, filters: Filters): Promise<Map<string, AggregationReport>> {
  // Dawid–Skene's counting is asked for first: its EM (in a worker) then runs while DuckDB answers the others.
  const [fits, questions, votes] = await Promise.all([
    dawidSkeneByQuestion(db, filters),
    aggregableQuestions(db, filters),
    majorityVoteByQuestion(db, filters),
  ]);
  const out = new Map<string, AggregationReport>();
  for (const q of questions) {
    if (!q.aggregable) {
      out.set(q.key, {
        majority_vote_accuracy: null,
        dawid_skene_accuracy: null,
        ties: 0,
        reasons: { majority_vote_accuracy: q.reason, dawid_skene_accuracy: q.reason },
      });
      continue;
    }
    const vote = votes.get(q.key);
    const ds = fits.get(q.key) ?? noAnswers([]);
    const reasons: Record<string, string> = {};
    if (!vote || vote.gold_items === 0) reasons.majority_vote_accuracy = 'no item of this question has gold';
    if (ds.accuracy === null) reasons.dawid_skene_accuracy = ds.reasons.accuracy ?? ds.reasons.dawid_skene ?? 'undefined';
    if (ds.reasons.converged) reasons.dawid_skene_converged = ds.reasons.converged;
    out.set(q.key, {
      majority_vote_accuracy: vote?.accuracy ?? null,
      dawid_skene_accuracy: ds.accuracy,
      ties: vote?.ties ?? 0,
      items: vote?.items ?? 0,
      gold_items: vote?.gold_items ?? 0,
      gold_ties: vote?.gold_ties ?? 0,
      majority_vote_accuracy_ties_lowest: vote?.accuracy_ties_lowest ?? null,
      majority_vote_accuracy_decisive: vote?.accuracy_decisive ?? null,
      majority_vote_tie_rule: 'tie scored 1/t when gold is among the t tied classes (expected accuracy of a random tie-break)',
      dawid_skene_iterations: ds.iterations,
      dawid_skene_converged: ds.converged,
      dawid_skene_tolerance: ds.tolerance,
      dawid_skene_max_iterations: ds.max_iterations,
      reasons,
    });
  }
  return out;
}
