import type { Connector } from '../../db/connector';
import { goldJudgements } from '../../db/gold-join';
import { questionKey } from '../../report/report-types';
import { raw, sql, type SqlQuery } from '../../sql/sql';
import { codeOrder, questionCondition, type QuestionRef } from '../accuracy/scored-judgements';
import type { Filters } from '../filters';
import { codedJudgements, goldItems } from './aggregation-input';
import type { DawidSkeneOptions } from './dawid-skene-em';
import { noAnswers, type DawidSkeneReport, type PackedQuestion } from './dawid-skene-fit';
import { fitOffMainThread } from '../off-main-thread/fit-off-main-thread';

/** Questions whose answers are voted on as classes (the rule of `aggregableQuestions`), over `questions j`. */
export const AGGREGABLE = sql`(j.value_kind IN ('category', 'preference') OR (j.value_kind = 'number' AND j.level IN ('nominal', 'ordinal')))`;

/**
 * Dawid & Skene (1979) EM for every question the filters and `extra` (a condition on the
 * `questions` table aliased `j`; by default the aggregable ones) select, keyed by
 * `questionKey()`. One SQL statement returns one row of lists per question: its answers, one
 * per row, as (item_no, annotator_no, class code), its classes, and its items and annotators
 * in the order of their ids, by which `fitQuestion` codes the answers in its worker; equal
 * answers are counted by `canonicalOrder`, which sorts them anyway. The selected questions are
 * numbered first from the small `questions` table (`q`; joining it selects the answers, where
 * a correlated EXISTS over judgements planned as a slow delim join), and the ids are looked up
 * only for the distinct items and annotators. Coding items and annotators, and counting equal
 * answers, in SQL took two joins and a GROUP BY over every answer: the statement at 10M
 * judgements 10.7–11.0 → 4.7–5.1 s, at 1M 0.66–0.81 → 0.34–0.39 s (native, rows read into
 * JavaScript). `fitQuestion` (dawid-skene-fit.ts) then runs EM from the majority-vote start to
 * convergence, in a browser off the main thread. Works without gold; accuracy needs gold.
 * Classes are the answer codes seen, lowest first.
 */
export async function dawidSkeneByQuestion(
  db: Connector,
  filters: Filters,
  extra: SqlQuery = AGGREGABLE,
  options: DawidSkeneOptions = {},
): Promise<Map<string, DawidSkeneReport>> {
  const key = 'batch_id, strategy, question';
  type Lists = 'i' | 'j' | 'l' | 'item_nos' | 'annotator_nos';
  type Coded = Omit<PackedQuestion, Lists> & Record<Lists, number[]>;
  // per question: its answers, its classes, and its items and annotators in the order of their ids
  const coded = await db.query<Coded>(sql`
    WITH questions_in AS MATERIALIZED (SELECT ${raw(key)}, row_number() OVER ()::INTEGER AS q FROM questions j WHERE ${extra}),
    numbered AS MATERIALIZED (SELECT q, question_no FROM questions_in JOIN question_keys USING (${raw(key)})),
    coded AS MATERIALIZED (SELECT q, item_no, annotator_no, code FROM ${codedJudgements(filters)} JOIN numbered USING (question_no)),
    classes AS MATERIALIZED (SELECT q, code, (row_number() OVER (PARTITION BY q ORDER BY ${codeOrder('code')}) - 1)::INTEGER AS code_no
      FROM (SELECT DISTINCT q, code FROM coded))
    SELECT ${raw(key)}, i, j, l, classes, item_nos, annotator_nos, annotators, gold_item_nos, gold_code FROM questions_in
      JOIN (SELECT q, list(item_no) AS i, list(annotator_no) AS j, list(code_no) AS l FROM coded JOIN classes USING (q, code) GROUP BY q)
        USING (q)
      JOIN (SELECT q, list(code ORDER BY code_no) AS classes FROM classes GROUP BY q) USING (q)
      JOIN (SELECT q, list(item_no ORDER BY item_id) AS item_nos
        FROM (SELECT DISTINCT q, item_no FROM coded) JOIN item_keys USING (item_no) GROUP BY q) USING (q)
      JOIN (SELECT q, list(annotator_no ORDER BY annotator_id) AS annotator_nos, list(annotator_id ORDER BY annotator_id) AS annotators
        FROM (SELECT DISTINCT q, annotator_no FROM coded) JOIN annotator_keys USING (annotator_no) GROUP BY q) USING (q)
      LEFT JOIN (SELECT q, list(item_no) AS gold_item_nos, list(gold_code) AS gold_code
        FROM ${goldItems(filters, sql`true`, await goldJudgements(db))} JOIN numbered USING (question_no) GROUP BY q) USING (q)`);
  const packed: PackedQuestion[] = coded.map((q) => ({
    ...q,
    i: Int32Array.from(q.i),
    j: Int32Array.from(q.j),
    l: Int32Array.from(q.l),
    item_nos: Int32Array.from(q.item_nos),
    annotator_nos: Int32Array.from(q.annotator_nos),
  }));
  const fits = await Promise.all(packed.map((q) => fitOffMainThread('dawidSkene', q, options)));
  return new Map(packed.map((q, i) => [questionKey(q), fits[i]]));
}

/** Dawid–Skene for one question (the Quality view's detail table). */
export async function dawidSkene(
  db: Connector,
  filters: Filters,
  key: QuestionRef,
  options: DawidSkeneOptions = {},
): Promise<DawidSkeneReport> {
  const fit = (await dawidSkeneByQuestion(db, filters, questionCondition(key), options)).get(questionKey(key));
  return fit ?? noAnswers([]);
}
