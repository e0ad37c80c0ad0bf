import type { Connector } from '../../db/connector';
import { sql } from '../../sql/sql';
import { codeOrder, questionCondition, type QuestionRef } from '../accuracy/scored-judgements';
import type { Filters } from '../filters';
import { codedJudgements, goldItems } from './aggregation-input';
import { fitDawidSkene, posteriorLabels, type DawidSkeneOptions } from './dawid-skene-em';

/** One annotator's Dawid–Skene estimates. */
export interface AnnotatorEstimate {
  annotator_id: string;
  judgements: number;
  /** expected share of this annotator's answers that equal the true class: Σ_i Σ_k T_ik n_ijk / n_j (no gold needed) */
  estimated_accuracy: number;
  /** confusion[k][l] = P(answers classes[l] | true class classes[k]) */
  confusion: number[][];
}

/** Dawid–Skene for one question: the fit, each annotator's estimates and, where gold exists, accuracy. */
export interface DawidSkeneReport {
  classes: string[];
  priors: number[];
  annotators: AnnotatorEstimate[];
  items: number;
  iterations: number;
  converged: boolean;
  tolerance: number;
  max_iterations: number;
  log_likelihood: number | null;
  gold_items: number;
  correct: number;
  /** accuracy of the Dawid–Skene labels (posterior argmax) against gold; null without gold */
  accuracy: number | null;
  reasons: Record<string, string>;
}

/**
 * Dawid & Skene (1979) EM for one question over the filtered judgements: SQL counts answers
 * per (item, annotator, class) and integer-codes them (dense_rank); `fitDawidSkene` runs EM
 * from the majority-vote start to convergence. Works without gold; accuracy needs gold.
 * Classes are the answer codes seen, lowest first.
 */
export async function dawidSkene(
  db: Connector,
  filters: Filters,
  key: QuestionRef,
  options: DawidSkeneOptions = {},
): Promise<DawidSkeneReport> {
  const coded = codedJudgements(filters, questionCondition(key));
  // Integer codes from small dictionaries joined by hash (much faster than dense_rank windows
  // over every judgement); results come back as one row of lists, not a million row objects.
  const itemCodes = sql`(SELECT item_id, (row_number() OVER (ORDER BY item_id) - 1)::INTEGER AS i FROM (SELECT DISTINCT item_id FROM ${coded}))`;
  const annotatorCodes = sql`(SELECT annotator_id, (row_number() OVER (ORDER BY annotator_id) - 1)::INTEGER AS j FROM (SELECT DISTINCT annotator_id FROM ${coded}))`;
  const classCodes = sql`(SELECT code, (row_number() OVER (ORDER BY ${codeOrder('code')}) - 1)::INTEGER AS l FROM (SELECT DISTINCT code FROM ${coded}))`;
  const [packed] = await db.query<{ i: number[] | null; j: number[] | null; l: number[] | null; n: number[] | null }>(
    sql`SELECT list(i) AS i, list(j) AS j, list(l) AS l, list(n) AS n FROM (
      SELECT i, j, l, count(*)::INTEGER AS n FROM ${coded} c JOIN ${itemCodes} USING (item_id)
        JOIN ${annotatorCodes} USING (annotator_id) JOIN ${classCodes} USING (code) GROUP BY ALL)`,
  );
  const classes = (await db.query<{ code: string }>(sql`SELECT code FROM ${classCodes} ORDER BY l`)).map((r) => r.code);
  const annotatorIds = (await db.query<{ annotator_id: string }>(sql`SELECT annotator_id FROM ${annotatorCodes} ORDER BY j`)).map(
    (r) => r.annotator_id,
  );
  const gold = await db.query<{ i: number; gold_code: string }>(
    sql`SELECT e.i, g.gold_code FROM ${itemCodes} e JOIN ${goldItems(filters, questionCondition(key))} g USING (item_id)`,
  );
  const rows = { i: packed?.i ?? [], j: packed?.j ?? [], l: packed?.l ?? [], n: packed?.n ?? [] };
  const items = rows.i.reduce((m, i) => Math.max(m, i + 1), 0);
  const empty: DawidSkeneReport = {
    classes,
    priors: [],
    annotators: [],
    items,
    iterations: 0,
    converged: false,
    tolerance: 0,
    max_iterations: 0,
    log_likelihood: null,
    gold_items: 0,
    correct: 0,
    accuracy: null,
    reasons: {},
  };
  if (items === 0) return { ...empty, reasons: { dawid_skene: 'no answers to aggregate' } };
  const K = classes.length;
  const data = {
    items,
    annotators: annotatorIds.length,
    classes: K,
    item: Int32Array.from(rows.i),
    annotator: Int32Array.from(rows.j),
    label: Int32Array.from(rows.l),
    count: Float64Array.from(rows.n),
  };
  const fit = fitDawidSkene(data, options);
  const labels = posteriorLabels(fit.posterior, K);

  const judgements = new Float64Array(annotatorIds.length);
  const agreeing = new Float64Array(annotatorIds.length);
  for (let o = 0; o < data.item.length; o++) {
    judgements[data.annotator[o]] += data.count[o];
    agreeing[data.annotator[o]] += data.count[o] * fit.posterior[data.item[o] * K + data.label[o]];
  }
  const classIndex = new Map(classes.map((c, k) => [c, k]));
  let correct = 0;
  for (const g of gold) if (labels[g.i] === classIndex.get(g.gold_code)) correct++;
  const reasons: Record<string, string> = {};
  if (gold.length === 0) reasons.accuracy = 'no item of this question has gold';
  if (!fit.converged)
    reasons.converged = `EM stopped at the iteration cap (${fit.maxIterations}) before posteriors moved less than ${fit.tolerance}`;
  return {
    classes,
    priors: fit.priors,
    annotators: annotatorIds.map((annotator_id, j) => ({
      annotator_id,
      judgements: judgements[j],
      estimated_accuracy: agreeing[j] / judgements[j],
      confusion: fit.confusion[j],
    })),
    items,
    iterations: fit.iterations,
    converged: fit.converged,
    tolerance: fit.tolerance,
    max_iterations: fit.maxIterations,
    log_likelihood: fit.logLikelihood,
    gold_items: gold.length,
    correct,
    accuracy: gold.length ? correct / gold.length : null,
    reasons,
  };
}
