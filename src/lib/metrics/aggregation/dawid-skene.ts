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
 * `questionKey()`. One SQL statement reads the answers as (question, item, annotator, class),
 * integer-codes them from small dictionaries (hash joins, not rank windows over every
 * judgement) and returns one row of lists per question. The selected questions are numbered
 * first from the small `questions` table (`q`; joining it selects the answers, where a
 * correlated EXISTS over judgements planned as a slow delim join), so the dictionaries and
 * joins key on (q, number) with the judgements' integer keys (`integer-keys.ts`; the ids are
 * looked up only for the distinct items and annotators, which are coded in id order); an
 * answer is coded by item, then by (annotator, class) in one probe of their small product
 * (1M judgements, native: 1.3–1.7 → 0.8–1.0 s; 10M: 28 → 13 s), one row per answer: equal
 * answers are counted by `canonicalOrder`, which sorts them anyway (a GROUP BY here took 4 s
 * at 10M). `fitQuestion` (dawid-skene-fit.ts) then runs EM from the majority-vote start to
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
  // item and annotator codes in the order of their ids (the strings from the dictionaries)
  const codes = (no: string, dictionary: string, id: string) =>
    raw(`(SELECT q, ${no}, ${id}, (row_number() OVER (PARTITION BY q ORDER BY ${id}) - 1)::INTEGER AS code_no
      FROM (SELECT DISTINCT q, ${no} FROM coded) JOIN ${dictionary} USING (${no}))`);
  type Coded = Omit<PackedQuestion, 'i' | 'j' | 'l'> & { i: number[]; j: number[]; l: number[] };
  const coded = await db.query<Coded>(sql`
    WITH questions_in AS MATERIALIZED (SELECT ${raw(key)}, row_number() OVER ()::INTEGER AS q FROM questions j WHERE ${extra}),
    numbered AS MATERIALIZED (SELECT q, question_no FROM questions_in JOIN question_keys USING (${raw(key)})),
    coded AS MATERIALIZED (SELECT q, item_no, annotator_no, code FROM ${codedJudgements(filters)} JOIN numbered USING (question_no)),
    items AS MATERIALIZED ${codes('item_no', 'item_keys', 'item_id')},
    annotators AS MATERIALIZED ${codes('annotator_no', 'annotator_keys', 'annotator_id')},
    classes AS MATERIALIZED (SELECT q, code, (row_number() OVER (PARTITION BY q ORDER BY ${codeOrder('code')}) - 1)::INTEGER AS code_no
      FROM (SELECT DISTINCT q, code FROM coded)),
    pairs AS MATERIALIZED (SELECT q, a.annotator_no, c.code, a.code_no AS j, c.code_no AS l FROM annotators a JOIN classes c USING (q)),
    observations AS (SELECT q, e.code_no AS i, j, l FROM coded JOIN items e USING (q, item_no) JOIN pairs USING (q, annotator_no, code))
    SELECT ${raw(key)}, i, j, l, classes, annotators, gold_i, gold_code FROM questions_in
      JOIN (SELECT q, list(i) AS i, list(j) AS j, list(l) AS l FROM observations GROUP BY q) USING (q)
      JOIN (SELECT q, list(code ORDER BY code_no) AS classes FROM classes GROUP BY q) USING (q)
      JOIN (SELECT q, list(annotator_id ORDER BY code_no) AS annotators FROM annotators GROUP BY q) USING (q)
      LEFT JOIN (SELECT q, list(e.code_no) AS gold_i, list(g.gold_code) AS gold_code
        FROM items e JOIN (SELECT q, item_no, gold_code FROM ${goldItems(filters, sql`true`, await goldJudgements(db))} JOIN numbered USING (question_no)) g
        USING (q, item_no) GROUP BY q) USING (q)`);
  const packed: PackedQuestion[] = coded.map((q) => ({
    ...q,
    i: Int32Array.from(q.i),
    j: Int32Array.from(q.j),
    l: Int32Array.from(q.l),
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
