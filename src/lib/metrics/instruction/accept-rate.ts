import type { Connector } from '../../db/connector';
import { leftJoinGold } from '../../db/gold-join';
import { questionKey } from '../../report/report-types';
import { joinSql, raw, sql } from '../../sql/sql';
import { clopperPearson } from '../../stats/clopper-pearson';
import { filteredJudgements, type Filters } from '../filters';

/** Answers read as "accept" and as "reject" (case-insensitive, trimmed). */
export const ACCEPT_WORDS = ['accept', 'accepted', 'approve', 'approved', 'yes', 'pass', 'good', 'ok', 'true', '1'];
export const REJECT_WORDS = ['reject', 'rejected', 'deny', 'denied', 'no', 'fail', 'bad', 'false', '0'];

export interface AcceptRateReport {
  judgements: number;
  /** Share of judgements that accept. */
  accept_rate: number | null;
  /** Judgements whose item has an accept/reject gold answer. */
  judgements_with_gold: number;
  /** Share of those gold answers that accept (judgement-weighted). */
  gold_accept_rate: number | null;
  /** Share of judgements agreeing with gold, with a two-sided 95 % Clopper–Pearson interval. */
  agreement_with_gold: number | null;
  agreement_with_gold_ci95: [number, number] | null;
  /** Accepted although gold rejects: share of gold-reject judgements. */
  false_accept_rate: number | null;
  /** Rejected although gold accepts: share of gold-accept judgements. */
  false_reject_rate: number | null;
  annotators: {
    annotator_id: string;
    judgements: number;
    accept_rate: number | null;
    agreement_with_gold: number | null;
    false_accept_rate: number | null;
  }[];
  reasons: Record<string, string>;
}

type Row = {
  batch_id: string;
  strategy: string;
  question: string;
  annotator_id: string | null;
  n: number;
  accepts: number;
  n_gold: number;
  gold_accepts: number;
  correct: number;
  false_accepts: number;
  false_rejects: number;
};

const list = (words: string[]) => joinSql(words.map((w) => sql`${w}`));
const ratio = (k: number, n: number) => (n ? k / n : null);

/**
 * Accept-rate of accept/reject questions against gold accept/reject: by default every
 * category question of the instruction_tuning strategy whose answers are all accept/reject
 * words (or the questions named). Gold follows the gold-join convention (specific over '*').
 */
export async function acceptRateByQuestion(
  db: Connector,
  filters: Filters = {},
  options: { questions?: string[] } = {},
): Promise<Map<string, AcceptRateReport>> {
  const decision = (column: string) =>
    sql`CASE WHEN lower(trim(${raw(column)})) IN (${list(ACCEPT_WORDS)}) THEN 1 WHEN lower(trim(${raw(column)})) IN (${list(REJECT_WORDS)}) THEN 0 END`;
  const where = options.questions?.length
    ? sql`j.question IN (${joinSql(options.questions.map((q) => sql`${q}`))})`
    : sql`j.strategy = 'instruction_tuning' AND j.value_kind = 'category'`;
  const rows = await db.query<Row>(sql`
    WITH answers AS (
      SELECT j.batch_id, j.strategy, j.question, j.annotator_id, ${decision('j.label')} AS accepted, ${decision('g.gold_label')} AS gold_accepted
      FROM ${filteredJudgements(filters)} j ${await leftJoinGold(db)}
      WHERE j.label IS NOT NULL AND j.x IS NULL AND ${where}),
    decisive AS (SELECT * FROM answers a WHERE NOT EXISTS (SELECT 1 FROM answers b WHERE b.accepted IS NULL
      AND b.batch_id = a.batch_id AND b.strategy = a.strategy AND b.question = a.question))
    SELECT batch_id, strategy, question, annotator_id, count(*)::INTEGER AS n, sum(accepted)::INTEGER AS accepts,
      count(gold_accepted)::INTEGER AS n_gold, coalesce(sum(gold_accepted), 0)::INTEGER AS gold_accepts,
      count(*) FILTER (WHERE accepted = gold_accepted)::INTEGER AS correct,
      count(*) FILTER (WHERE accepted = 1 AND gold_accepted = 0)::INTEGER AS false_accepts,
      count(*) FILTER (WHERE accepted = 0 AND gold_accepted = 1)::INTEGER AS false_rejects
    FROM decisive GROUP BY GROUPING SETS ((batch_id, strategy, question), (batch_id, strategy, question, annotator_id))
    ORDER BY batch_id, strategy, question, annotator_id NULLS FIRST`);
  const out = new Map<string, AcceptRateReport>();
  for (const r of rows) {
    const goldRejects = r.n_gold - r.gold_accepts;
    if (r.annotator_id === null) {
      const reasons: Record<string, string> = {};
      if (!r.n_gold) reasons.agreement_with_gold = 'no judgement has an accept/reject gold answer';
      out.set(questionKey(r), {
        judgements: r.n,
        accept_rate: ratio(r.accepts, r.n),
        judgements_with_gold: r.n_gold,
        gold_accept_rate: ratio(r.gold_accepts, r.n_gold),
        agreement_with_gold: ratio(r.correct, r.n_gold),
        agreement_with_gold_ci95: clopperPearson(r.correct, r.n_gold),
        false_accept_rate: ratio(r.false_accepts, goldRejects),
        false_reject_rate: ratio(r.false_rejects, r.gold_accepts),
        annotators: [],
        reasons,
      });
    } else {
      out.get(questionKey(r))?.annotators.push({
        annotator_id: r.annotator_id,
        judgements: r.n,
        accept_rate: ratio(r.accepts, r.n),
        agreement_with_gold: ratio(r.correct, r.n_gold),
        false_accept_rate: ratio(r.false_accepts, goldRejects),
      });
    }
  }
  return out;
}
