import type { AnnotatorProfile, Strategy } from './annotators';
import type { Rng } from './random';
import type { Row, Task } from './rows';

/** A gold box for the separate gold file. */
export interface GoldBox {
  itemId: string;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** How one strategy's items, times and answers are simulated. */
export interface StrategyModel<Item extends { id: string; gold: boolean }> {
  strategy: Strategy;
  /** Items per batch. */
  itemsPerBatch: number;
  /** Item id prefix, e.g. `it` → `it-2026-09-0001`. */
  prefix: string;
  /** Share of units that start from an AI pre-label, per batch index. */
  prelabelRate: (batchIndex: number) => number;
  makeItem: (id: string, gold: boolean, rng: Rng) => Item;
  /** Seconds for one annotator to do the whole unit. */
  unitDuration: (item: Item, annotator: AnnotatorProfile, prelabeled: boolean, rng: Rng) => number;
  /** The unit's rows (answers already scheduled: `task.start` is set). */
  rows: (item: Item, task: Task, rng: Rng) => Row[];
  /** Gold boxes of a gold item (VL only). */
  goldBoxes?: (item: Item) => GoldBox[];
}

/** Clamps a simulated duration to the strategy's range; a careless annotator may go below it. */
export function clampDuration(seconds: number, lo: number, hi: number, careless: boolean): number {
  return Math.round(Math.min(hi, Math.max(careless ? Math.round(lo / 3) : lo, seconds)));
}
