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
  const encoded = sql`(SELECT dense_rank() OVER (ORDER BY item_id) - 1 AS i, dense_rank() OVER (ORDER BY annotator_id) - 1 AS j,
      dense_rank() OVER (ORDER BY ${codeOrder('code')}) - 1 AS l, item_id, annotator_id, code FROM ${coded})`;
  const rows = await db.query<{ i: number; j: number; l: number; n: number }>(
    sql`SELECT i, j, l, count(*) AS n FROM ${encoded} GROUP BY ALL`,
  );
  const classes = (await db.query<{ code: string }>(sql`SELECT DISTINCT code FROM ${coded} ORDER BY ${codeOrder('code')}`)).map(
    (r) => r.code,
  );
  const annotatorIds = (
    await db.query<{ annotator_id: string }>(sql`SELECT DISTINCT annotator_id FROM ${coded} ORDER BY annotator_id`)
  ).map((r) => r.annotator_id);
  const gold = await db.query<{ i: number; gold_code: string }>(
    sql`SELECT e.i, g.gold_code FROM (SELECT DISTINCT i, item_id FROM ${encoded}) e
      JOIN ${goldItems(filters, questionCondition(key))} g ON g.item_id = e.item_id`,
  );
  const items = rows.reduce((m, r) => Math.max(m, r.i + 1), 0);
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
    item: Int32Array.from(rows, (r) => r.i),
    annotator: Int32Array.from(rows, (r) => r.j),
    label: Int32Array.from(rows, (r) => r.l),
    count: Float64Array.from(rows, (r) => r.n),
  };
  const fit = fitDawidSkene(data, options);
  const labels = posteriorLabels(fit.posterior, K);

  const judgements = new Float64Array(annotatorIds.length);
  const agreeing = new Float64Array(annotatorIds.length);
  for (let o = 0; o < rows.length; o++) {
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
