import type { Reasons } from '../report/report-types';
import { midpoint, STRATEGY_RANGES } from './ranges';

/** What the projection needs about the current work (a `strategyEconomics` row has it). */
export interface ProjectionInput {
  /** Items (examples, comparisons, images) done so far. */
  items: number;
  /** (annotator, item) pairs: item_assignments ÷ items is the redundancy. */
  item_assignments: number;
  annotators: number;
  items_per_annotator_day: number | null;
  cost_per_item: number | null;
}

export interface Projection {
  target_items: number;
  remaining_items: number;
  /** Working days for the current team: remaining × annotators per item ÷ (annotators × items per annotator-day). */
  days: number | null;
  /** remaining × cost per item (which already includes the redundancy). */
  cost_usd: number | null;
  reasons: Reasons;
}

/** The default target: the midpoint of DESIGN.md's "units needed" range for the strategy, else null. */
export function defaultTargetItems(strategy: string): number | null {
  const range = STRATEGY_RANGES[strategy]?.dataset_units;
  return range ? midpoint(range) : null;
}

/**
 * Projected cost and working days to reach `targetItems` items with the current team at the
 * observed rates: every current annotator works every day at the observed items per
 * annotator-day, each item gets the observed number of annotators, and costs the observed
 * cost per item. Already at or past the target → 0 days, 0 USD.
 */
export function projectToTarget(current: ProjectionInput, targetItems: number): Projection {
  if (!(targetItems >= 0) || !Number.isFinite(targetItems))
    throw new RangeError(`projectToTarget: target must be a non-negative number of items (got ${targetItems})`);
  const reasons: Reasons = {};
  const remaining = Math.max(0, targetItems - current.items);
  let days: number | null = null;
  if (remaining === 0) days = 0;
  else if (!current.items_per_annotator_day || current.annotators === 0 || current.items === 0) {
    reasons.days = 'no observed throughput (items per annotator-day) to project from';
  } else {
    days = (remaining * (current.item_assignments / current.items)) / (current.annotators * current.items_per_annotator_day);
  }
  let cost: number | null = null;
  if (remaining === 0) cost = 0;
  else if (current.cost_per_item === null) reasons.cost_usd = 'cost per item is unknown';
  else cost = remaining * current.cost_per_item;
  return { target_items: targetItems, remaining_items: remaining, days, cost_usd: cost, reasons };
}
