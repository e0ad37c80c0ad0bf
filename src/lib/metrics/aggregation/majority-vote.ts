import type { Connector } from '../../db/connector';
import { goldJudgements } from '../../db/gold-join';
import { questionKey } from '../../report/report-types';
import { sql, type SqlQuery } from '../../sql/sql';
import { lowestInCodeOrder } from '../accuracy/scored-judgements';
import type { Filters } from '../filters';
import { codedJudgements, goldItems } from './aggregation-input';

/** Majority-vote figures for one question. */
export interface MajorityVoteSummary {
  /** items with at least one answer */
  items: number;
  /** items whose top vote count is shared by two or more classes */
  ties: number;
  /** items that have gold */
  gold_items: number;
  /** of those, items with a tied vote */
  gold_ties: number;
  /**
   * Accuracy against gold with ties scored in expectation under a uniform random tie-break:
   * a tied item counts 1/t when gold is among its t tied classes, else 0. Null without gold.
   */
  accuracy: number | null;
  /** accuracy with ties broken towards the lowest class code (numbers numerically) — the convention of realdata/README.md */
  accuracy_ties_lowest: number | null;
  /** accuracy over the gold items whose vote is not tied (tied items left out) */
  accuracy_decisive: number | null;
}

/**
 * Per (question_no, item_no) of the filtered answers: how many class codes share the top vote
 * count (`tied`), the lowest of them in code order (`lowest`), the item's gold code when it has
 * one (`gold_code`) and whether gold is among the top codes (`gold_among`).
 */
function majorityVotes(filters: Filters, gold: SqlQuery): SqlQuery {
  return sql`(WITH votes AS (SELECT question_no, item_no, code, count(*) AS votes
      FROM ${codedJudgements(filters)} GROUP BY ALL),
    top AS (SELECT question_no, item_no, max(votes) AS votes FROM votes GROUP BY ALL)
    SELECT question_no, item_no, count(*) AS tied, ${lowestInCodeOrder('code')} AS lowest,
      any_value(g.gold_code) AS gold_code, bool_or(code = g.gold_code) AS gold_among
    FROM votes JOIN top USING (question_no, item_no, votes) LEFT JOIN ${gold} g USING (question_no, item_no)
    GROUP BY question_no, item_no)`;
}

/**
 * Majority vote per (item, question), all questions in one SQL pass. Ties are counted and
 * reported, never silently broken: `accuracy` scores a tie in expectation (1/t if gold is
 * among the t tied classes), and the lowest-code and ties-left-out variants are given beside it.
 */
export async function majorityVoteByQuestion(db: Connector, filters: Filters): Promise<Map<string, MajorityVoteSummary>> {
  const rows = await db.query<{
    batch_id: string;
    strategy: string;
    question: string;
    items: number;
    ties: number;
    gold_items: number;
    gold_ties: number;
    expected_correct: number | null;
    lowest_correct: number;
    decisive_correct: number;
  }>(
    sql`SELECT k.batch_id, k.strategy, k.question, s.* EXCLUDE (question_no) FROM (
        SELECT question_no, count(*) AS items, count(*) FILTER (WHERE tied > 1) AS ties,
          count(gold_code) AS gold_items, count(gold_code) FILTER (WHERE tied > 1) AS gold_ties,
          sum(CASE WHEN gold_among THEN 1.0 / tied ELSE 0.0 END) FILTER (WHERE gold_code IS NOT NULL) AS expected_correct,
          count(*) FILTER (WHERE lowest = gold_code) AS lowest_correct,
          count(*) FILTER (WHERE tied = 1 AND lowest = gold_code) AS decisive_correct
        FROM ${majorityVotes(filters, goldItems(filters, sql`true`, await goldJudgements(db)))}
        GROUP BY question_no) s JOIN question_keys k USING (question_no)`,
  );
  const out = new Map<string, MajorityVoteSummary>();
  for (const r of rows) {
    const decisive = r.gold_items - r.gold_ties;
    out.set(questionKey(r), {
      items: r.items,
      ties: r.ties,
      gold_items: r.gold_items,
      gold_ties: r.gold_ties,
      accuracy: r.gold_items ? Number(r.expected_correct) / r.gold_items : null,
      accuracy_ties_lowest: r.gold_items ? r.lowest_correct / r.gold_items : null,
      accuracy_decisive: decisive ? r.decisive_correct / decisive : null,
    });
  }
  return out;
}
