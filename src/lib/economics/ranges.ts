/**
 * Published industry ranges for a vendor's economics, per annotation strategy
 * (DESIGN.md, "Reference figures for a vendor's economics"). Inclusive [low, high].
 */
export interface StrategyRanges {
  /** USD per unit (example, comparison, grounded image). */
  price_usd: [number, number];
  /** Units one annotator delivers per active day. */
  units_per_annotator_day: [number, number];
  /** Units a dataset of this kind typically needs. */
  dataset_units: [number, number];
}

/** DESIGN.md's table, keyed by the canonical strategy names. */
export const STRATEGY_RANGES: Readonly<Record<string, StrategyRanges>> = {
  instruction_tuning: { price_usd: [0.5, 2.0], units_per_annotator_day: [50, 200], dataset_units: [5_000, 50_000] },
  rlhf_preference: { price_usd: [1.0, 5.0], units_per_annotator_day: [20, 80], dataset_units: [10_000, 100_000] },
  vl_alignment: { price_usd: [2.0, 10.0], units_per_annotator_day: [10, 40], dataset_units: [50_000, 500_000] },
};

/** The midpoint (low + high) / 2 of an inclusive range: the rate card's defaults. */
export function midpoint([low, high]: [number, number]): number {
  return (low + high) / 2;
}

/** Where a value falls against an inclusive range. */
export type RangePosition = 'below' | 'within' | 'above';

/** `below` when value < low, `above` when value > high, else `within` (bounds inclusive). */
export function positionInRange(value: number, [low, high]: [number, number]): RangePosition {
  if (value < low) return 'below';
  if (value > high) return 'above';
  return 'within';
}
