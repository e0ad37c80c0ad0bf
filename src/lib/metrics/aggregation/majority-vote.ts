import type { Connector } from '../../db/connector';
import { goldJudgements } from '../../db/gold-join';
import { questionKey } from '../../report/report-types';
import { sql, type SqlQuery } from '../../sql/sql';
import { listInCodeOrder } from '../accuracy/scored-judgements';
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

/** Per (question_no, item_no): the class codes that share the top vote count (lowest code first) and how many. */
export function majorityVotes(filters: Filters, extra?: SqlQuery): SqlQuery {
  return sql`(WITH votes AS (SELECT question_no, item_no, code, count(*) AS votes
      FROM ${codedJudgements(filters, extra)} GROUP BY ALL),
    top AS (SELECT question_no, item_no, max(votes) AS votes FROM votes GROUP BY ALL)
    SELECT question_no, item_no, ${listInCodeOrder('code')} AS winners, count(*) AS tied, any_value(votes) AS votes
    FROM votes JOIN top USING (question_no, item_no, votes) GROUP BY ALL)`;
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
          count(g.gold_code) AS gold_items, count(g.gold_code) FILTER (WHERE tied > 1) AS gold_ties,
          sum(CASE WHEN list_contains(winners, g.gold_code) THEN 1.0 / tied ELSE 0.0 END) FILTER (WHERE g.gold_code IS NOT NULL) AS expected_correct,
          count(*) FILTER (WHERE winners[1] = g.gold_code) AS lowest_correct,
          count(*) FILTER (WHERE tied = 1 AND winners[1] = g.gold_code) AS decisive_correct
        FROM ${majorityVotes(filters)} v LEFT JOIN ${goldItems(filters, sql`true`, await goldJudgements(db))} g USING (question_no, item_no)
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
