import type { Connector } from '../../db/connector';
import type { Level } from '../../db/schema';
import { questionKey } from '../../report/report-types';
import { sql, type SqlQuery } from '../../sql/sql';
import { filteredJudgements, type Filters } from '../filters';
import type { QuestionRatings } from './agreement-report';
import { contingencyTable } from './cohen-kappa';
import { orderCategories, patternsFromValueLists } from './rating-patterns';
import { AGREEMENT_KINDS, numberText, ratedValues, rawRatingRows, someQuestions } from './rated-values';

type PatternRow = { batch_id: string; strategy: string; question: string; pattern: string[]; items: number };

type QuestionRow = {
  batch_id: string;
  strategy: string;
  question: string;
  value_kind: string;
  level: string;
  categories: string[] | null;
  /** Distinct annotators with at least one non-null answer. */
  annotators: number;
  /** Whether some annotator has more than one row for an item (then ratings are de-duplicated). */
  repeated: boolean;
};

/** One question's metadata from the `questions` table, with its number of rating annotators. */
export type QuestionInfo = QuestionRow;

/**
 * The questions (any value kind) with at least one filtered judgement, keyed by `questionKey`,
 * with their number of annotators who gave a value. One cheap scan grouped by (question,
 * annotator) on the integer keys, joined to `questions` in TypeScript.
 */
export async function loadQuestionInfo(
  db: Connector,
  filters: Filters,
  extra: SqlQuery = sql`true`,
): Promise<Map<string, QuestionInfo>> {
  const questions = await db.query<Omit<QuestionRow, 'annotators' | 'repeated'>>(
    'SELECT batch_id, strategy, question, value_kind, level, categories FROM questions',
  );
  const byKey = new Map(questions.map((q) => [questionKey(q), q]));
  const seen = await db.query<{
    batch_id: string;
    strategy: string;
    question: string;
    labelled: number;
    scored: number;
    repeated: boolean;
  }>(
    sql`SELECT k.batch_id, k.strategy, k.question, s.labelled, s.scored, s.repeated FROM (
        SELECT j.question_no, j.annotator_no, count(j.label)::INTEGER AS labelled, count(j.score)::INTEGER AS scored,
          count(*) > count(DISTINCT j.item_no) AS repeated
        FROM ${filteredJudgements(filters)} j WHERE ${extra} GROUP BY ALL) s JOIN question_keys k USING (question_no)`,
  );
  const out = new Map<string, QuestionInfo>();
  for (const row of seen) {
    const key = questionKey(row);
    const q = byKey.get(key);
    if (!q) continue;
    if (!out.has(key)) out.set(key, { ...q, annotators: 0, repeated: false });
    const info = out.get(key)!;
    if ((q.value_kind === 'number' ? row.scored : row.labelled) > 0) info.annotators++;
    info.repeated ||= row.repeated;
  }
  return out;
}

/**
 * The distinct per-item rating multisets with their item counts, in one aggregation pass:
 * each item's multiset is identified by (m, Σ hash(value), Σ hash(value, salt)) — two
 * independent 64-bit additive multiset hashes summed exactly in HUGEINT (a collision needs
 * both to coincide: ~2⁻¹²⁸ per pair) — then the values of one representative item per
 * multiset are listed (a hash join against the few representatives). Items and questions
 * are grouped on their integer keys (`integer-keys.ts`).
 */
function patternQuery(source: SqlQuery, valueOf: (raw: SqlQuery) => SqlQuery): SqlQuery {
  return sql`WITH i AS (
      SELECT question_no, item_no, sum(hash(raw)) AS h1, sum(hash(raw, 'annoqa')) AS h2, count(*) AS m
      FROM ${source} r GROUP BY question_no, item_no),
    g AS (SELECT question_no, h1, h2, m, count(*)::INTEGER AS items, min(item_no) AS rep
      FROM i GROUP BY question_no, h1, h2, m)
    SELECT k.batch_id, k.strategy, k.question, p.items, p.pattern FROM (
      SELECT g.question_no, any_value(g.items) AS items, list(${valueOf(sql`r.raw`)} ORDER BY r.raw) AS pattern
      FROM g JOIN ${source} r ON r.question_no = g.question_no AND r.item_no = g.rep
      GROUP BY g.question_no, g.h1, g.h2, g.m) p JOIN question_keys k USING (question_no)`;
}

/**
 * The shared aggregates of every question (per-item rating patterns with item counts), then
 * the two-rater contingency tables of the questions answered by exactly two annotators. Fast
 * path on raw rating rows; questions where an annotator has several rows for an item go through
 * the de-duplicated ratings (`ratedValues`) instead. `extra` restricts the judgements (a condition over `j`).
 */
export async function loadQuestionRatings(
  db: Connector,
  filters: Filters,
  info: Map<string, QuestionInfo>,
  extra: SqlQuery = sql`true`,
): Promise<Map<string, QuestionRatings>> {
  const rows: PatternRow[] = [];
  const rated = [...info.values()].filter(
    (q) => (AGREEMENT_KINDS as readonly string[]).includes(q.value_kind) && q.annotators > 0,
  );
  for (const kind of ['number', 'label'] as const) {
    const group = rated.filter((q) => !q.repeated && (q.value_kind === 'number') === (kind === 'number'));
    if (group.length === 0) continue;
    const which = group.length === info.size ? sql`${extra}` : sql`(${extra}) AND (${someQuestions(group)})`;
    const valueOf = kind === 'number' ? numberText : (raw: SqlQuery) => raw;
    rows.push(...(await db.query<PatternRow>(patternQuery(rawRatingRows(filters, kind, which), valueOf))));
  }
  const repeated = rated.filter((q) => q.repeated);
  if (repeated.length > 0) {
    const source = sql`(SELECT *, value AS raw FROM ${ratedValues(filters, sql`(${extra}) AND (${someQuestions(repeated)})`)})`;
    rows.push(...(await db.query<PatternRow>(patternQuery(source, (raw) => raw))));
  }
  const grouped = new Map<string, PatternRow[]>();
  for (const row of rows) {
    const key = questionKey(row);
    if (!grouped.has(key)) grouped.set(key, []);
    grouped.get(key)!.push(row);
  }
  const result = new Map<string, QuestionRatings>();
  for (const [key, list] of grouped) {
    const meta = info.get(key);
    if (!meta) continue;
    const categories = orderCategories(
      list.flatMap((r) => r.pattern),
      meta.value_kind,
      meta.categories,
    );
    result.set(key, {
      batch_id: meta.batch_id,
      strategy: meta.strategy,
      question: meta.question,
      value_kind: meta.value_kind,
      level: meta.level as Level,
      annotators: meta.annotators,
      categories,
      patterns: patternsFromValueLists(
        list.map((r) => ({ values: r.pattern, items: r.items })),
        categories,
      ),
      pair: null,
    });
  }
  await attachPairTables(db, filters, result, extra);
  return result;
}

async function attachPairTables(db: Connector, filters: Filters, questions: Map<string, QuestionRatings>, extra: SqlQuery) {
  const pairs = [...questions.values()].filter((q) => q.annotators === 2);
  if (pairs.length === 0) return;
  const cells = await db.query<{
    batch_id: string;
    strategy: string;
    question: string;
    first: string;
    second: string;
    items: number;
  }>(
    sql`SELECT batch_id, strategy, question, first, second, count(*)::INTEGER AS items
      FROM (SELECT batch_id, strategy, question, item_id, arg_min(value, annotator_id) AS first,
              arg_max(value, annotator_id) AS second, count(*) AS raters
            FROM ${ratedValues(filters, sql`(${extra}) AND (${someQuestions(pairs)})`)}
            GROUP BY batch_id, strategy, question, item_id)
      WHERE raters = 2 GROUP BY ALL`,
  );
  const byQuestion = new Map<string, [number, number, number][]>();
  for (const cell of cells) {
    const key = questionKey(cell);
    const q = questions.get(key)!;
    const index = new Map(q.categories.map((c, i) => [c.value, i] as const));
    if (!byQuestion.has(key)) byQuestion.set(key, []);
    byQuestion.get(key)!.push([index.get(cell.first)!, index.get(cell.second)!, cell.items]);
  }
  for (const q of pairs) q.pair = contingencyTable(q.categories.length, byQuestion.get(questionKey(q)) ?? []);
}
