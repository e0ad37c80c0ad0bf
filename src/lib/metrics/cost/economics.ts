import type { Connector } from '../../db/connector';
import { defaultRateCard, type RateCard } from '../../economics/rate-card';
import type { Interval, Reasons } from '../../report/report-types';
import type { Filters } from '../filters';
import { groupId, perGroupCached, type GroupKey } from '../throughput/group-keys';
import { throughputBy, type ThroughputRow } from '../throughput/throughput-by';
import type { ThroughputOptions } from '../throughput/timed-assignments';
import { accuracyBy } from './accuracy-by';
import { costBy } from './cost-by';
import { accuracyFigures, costPerCorrect } from './cost-per-correct';

/** Throughput, accuracy and cost of one group: the report's `annotators` / `strategies` / `batches` rows. */
export interface EconomicsRow extends ThroughputRow {
  /** Judgements scored against gold, and how many were correct. */
  accuracy_n: number;
  accuracy_correct: number;
  accuracy: number | null;
  wilson95: Interval | null;
  clopper_pearson95: Interval | null;
  cost_usd: number | null;
  cost_source: 'export' | 'rate_card' | 'mixed' | null;
  /** cost ÷ units (distinct (item, question) pairs: a unit labelled by 3 annotators carries 3 answers' cost). */
  cost_per_unit: number | null;
  /** cost ÷ items: what a delivered example / comparison / image cost, all its annotators included. */
  cost_per_item: number | null;
  /** cost ÷ (annotator, item) pairs: the price of one annotator's work on one item — the rate card's and DESIGN.md's price. */
  price_per_item: number | null;
  /** cost per item ÷ accuracy, with the interval carried through as for units. */
  cost_per_correct_item: number | null;
  cost_per_correct_item_ci95: Interval | null;
  /** cost ÷ active hours. */
  cost_per_annotator_hour: number | null;
  cost_per_correct_unit: number | null;
  cost_per_correct_unit_ci95: Interval | null;
  /** Answers per unit (assignments ÷ units): the redundancy the cost per unit includes. */
  answers_per_unit: number | null;
}

/**
 * Economics per group: `throughputBy` + `costBy` + `accuracyBy`, merged. Cost per unit =
 * cost / units; per annotator-hour = cost / active hours; per correct unit = cost per unit /
 * judgement-level accuracy with its Wilson interval carried through (`cost-per-correct.ts`).
 * The merged rows are remembered per filter state (`perGroupCached`): their intervals are beta
 * quantiles, a few per row, which with thousands of annotators cost as much as the queries.
 */
export function economicsBy(
  db: Connector,
  filters: Filters,
  keys: readonly GroupKey[],
  card: RateCard = defaultRateCard(),
  options: ThroughputOptions = {},
): Promise<EconomicsRow[]> {
  return perGroupCached(db, `economics:${JSON.stringify([card, options])}`, filters, keys, (selected) =>
    mergedRows(db, selected, keys, card, options),
  );
}

async function mergedRows(
  db: Connector,
  filters: Filters,
  keys: readonly GroupKey[],
  card: RateCard,
  options: ThroughputOptions,
): Promise<EconomicsRow[]> {
  const [throughput, costs, accuracy] = [
    await throughputBy(db, filters, keys, options),
    await costBy(db, filters, keys, card, options),
    await accuracyBy(db, filters, keys),
  ];
  const costById = new Map(costs.map((c) => [groupId(c as unknown as Record<string, unknown>, keys), c]));
  const accuracyById = new Map(accuracy.map((a) => [groupId(a as unknown as Record<string, unknown>, keys), a]));
  return throughput.map((row) => {
    const id = groupId(row as unknown as Record<string, unknown>, keys);
    const cost = costById.get(id);
    const counts = accuracyById.get(id) ?? { n: 0, correct: 0 };
    const reasons: Reasons = { ...row.reasons, ...cost?.reasons };
    const cost_usd = cost?.cost_usd ?? null;
    const figures = accuracyFigures(counts.correct, counts.n);
    if (counts.n === 0) {
      for (const metric of ['accuracy', 'wilson95', 'clopper_pearson95']) reasons[metric] = 'no judgement here has a gold answer';
    }
    const cost_per_unit = cost_usd === null ? null : cost_usd / row.units;
    let cost_per_annotator_hour: number | null = null;
    if (cost_usd === null) reasons.cost_per_annotator_hour = reasons.cost_usd;
    else if (!row.active_hours) reasons.cost_per_annotator_hour = reasons.active_hours ?? 'no active time was recorded';
    else cost_per_annotator_hour = cost_usd / row.active_hours;
    if (cost_usd === null) reasons.cost_per_unit = reasons.cost_usd;
    const perCorrect = costPerCorrect(cost_per_unit, counts.correct, counts.n);
    const cost_per_item = cost_usd === null ? null : cost_usd / row.items;
    if (cost_usd === null) reasons.cost_per_item = reasons.price_per_item = reasons.cost_usd;
    const perCorrectItem = costPerCorrect(cost_per_item, counts.correct, counts.n);
    for (const [metric, why] of Object.entries(perCorrectItem.reasons)) reasons[metric.replace('_unit', '_item')] = why;
    return {
      ...row,
      accuracy_n: counts.n,
      accuracy_correct: counts.correct,
      ...figures,
      cost_usd,
      cost_source: cost?.cost_source ?? null,
      cost_per_unit,
      cost_per_item,
      price_per_item: cost_usd === null ? null : cost_usd / row.item_assignments,
      cost_per_correct_item: perCorrectItem.cost_per_correct_unit,
      cost_per_correct_item_ci95: perCorrectItem.cost_per_correct_unit_ci95,
      cost_per_annotator_hour,
      cost_per_correct_unit: perCorrect.cost_per_correct_unit,
      cost_per_correct_unit_ci95: perCorrect.cost_per_correct_unit_ci95,
      answers_per_unit: row.units > 0 ? row.assignments / row.units : null,
      reasons: { ...reasons, ...perCorrect.reasons },
    };
  });
}

/**
 * The report's `annotators` rows (issue 5 keys: annotator_id, judgements, units, active_days,
 * units_per_active_day, median_duration_s, p90_duration_s, active_hours, accuracy, cost_usd,
 * plus the other `EconomicsRow` figures and `reasons`).
 */
export function annotatorEconomics(db: Connector, filters: Filters = {}, card?: RateCard, options?: ThroughputOptions) {
  return economicsBy(db, filters, ['annotator_id'], card, options);
}

/**
 * The report's `strategies` rows (issue 5 keys: strategy, units, judgements, annotators,
 * cost_usd, cost_per_unit, cost_per_correct_unit, units_per_annotator_day, prelabeled_share, …).
 */
export function strategyEconomics(db: Connector, filters: Filters = {}, card?: RateCard, options?: ThroughputOptions) {
  return economicsBy(db, filters, ['strategy'], card, options);
}

/** The same figures per batch (to merge into the report's `batches` rows by batch_id). */
export function batchEconomics(db: Connector, filters: Filters = {}, card?: RateCard, options?: ThroughputOptions) {
  return economicsBy(db, filters, ['batch_id'], card, options);
}
