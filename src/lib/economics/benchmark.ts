import type { Reasons } from '../report/report-types';
import { positionInRange, STRATEGY_RANGES, type RangePosition, type StrategyRanges } from './ranges';

/** One figure set against its published range. */
export interface RangeCheck {
  value: number | null;
  range: [number, number] | null;
  position: RangePosition | null;
}

export interface StrategyBenchmark {
  strategy: string;
  /** price_per_item (cost per annotator per item, as a rate card prices it) against the price range. */
  price: RangeCheck;
  /** items_per_annotator_day against the throughput range. */
  units_per_annotator_day: RangeCheck;
  /** items (the dataset size so far) against the "units needed" range. */
  dataset_units: RangeCheck;
  reasons: Reasons;
}

/** The figures a benchmark needs (a `strategyEconomics` row has them). */
export interface BenchmarkInput {
  /** A `strategyEconomics` row always has it; missing counts as "unspecified". */
  strategy?: string;
  price_per_item: number | null;
  items_per_annotator_day: number | null;
  items: number;
}

/**
 * Each strategy's price, units per annotator-day and dataset size set against DESIGN.md's
 * published ranges. DESIGN.md's unit there is the unit of work — an example, a comparison, a
 * grounded image — i.e. an item, so the figures compared are the price of one annotator's
 * work on one item (`price_per_item`), items per annotator-day and items: `below` / `within` / `above` (bounds inclusive).
 * A strategy without a published range, or a figure that is null, gets `position: null`
 * and a reason.
 */
export function benchmarkAgainstRanges(
  rows: readonly BenchmarkInput[],
  ranges: Readonly<Record<string, StrategyRanges>> = STRATEGY_RANGES,
): StrategyBenchmark[] {
  return rows.map((input) => {
    const row = { ...input, strategy: input.strategy ?? 'unspecified' };
    const reasons: Reasons = {};
    const published = ranges[row.strategy];
    const check = (
      metric: 'price' | 'units_per_annotator_day' | 'dataset_units',
      value: number | null,
      range: [number, number] | undefined,
    ): RangeCheck => {
      if (!range) {
        reasons[metric] =
          `no published range for strategy "${row.strategy}" (ranges exist for ${Object.keys(ranges).join(', ')})`;
        return { value, range: null, position: null };
      }
      if (value === null) {
        reasons[metric] = `the ${metric.replaceAll('_', ' ')} figure is unknown`;
        return { value, range, position: null };
      }
      return { value, range, position: positionInRange(value, range) };
    };
    return {
      strategy: row.strategy,
      price: check('price', row.price_per_item, published?.price_usd),
      units_per_annotator_day: check('units_per_annotator_day', row.items_per_annotator_day, published?.units_per_annotator_day),
      dataset_units: check('dataset_units', row.items, published?.dataset_units),
      reasons,
    };
  });
}
