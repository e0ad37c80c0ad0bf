import { ANNOTATORS, poolFor, type AnnotatorProfile } from './annotators';
import { BATCHES } from './calendar';
import { instructionTuning } from './instruction-tuning';
import { Rng } from './random';
import { rlhfPreference } from './rlhf-preference';
import { COLUMNS, sortChronologically, toCsv, type Row, type Task } from './rows';
import { scheduleAnnotator } from './schedule';
import type { GoldBox, StrategyModel } from './strategy-model';
import { vlAlignment } from './vl-alignment';
import { sampleReadme, type FileSummary } from './readme';
import { injectMessyRows } from './messy-rows';

/** Share of items per batch that are gold items (their rows carry the gold answer). */
export const GOLD_SHARE = 0.08;

type AnyItem = { id: string; gold: boolean };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const MODELS: StrategyModel<any>[] = [instructionTuning, rlhfPreference, vlAlignment];

interface PlannedTask {
  task: Task;
  item: AnyItem;
  model: StrategyModel<AnyItem>;
}

/** Items of one strategy in one batch, with exactly round(GOLD_SHARE × n) gold items. */
function makeItems(model: StrategyModel<AnyItem>, batchIndex: number): AnyItem[] {
  const batch = BATCHES[batchIndex];
  const rng = Rng.for('items', model.strategy, batch.id);
  const n = model.itemsPerBatch;
  const gold = new Set(rng.shuffle([...Array(n).keys()]).slice(0, Math.round(GOLD_SHARE * n)));
  const month = batch.id.replace('batch-', '');
  return [...Array(n).keys()].map((i) => model.makeItem(`${model.prefix}-${month}-${String(i + 1).padStart(4, '0')}`, gold.has(i), rng));
}

/** Each item goes to 2 annotators (3 for gold items and for 30 % of the others), drawn by capacity. */
function planTasks(model: StrategyModel<AnyItem>, batchIndex: number, items: AnyItem[]): PlannedTask[] {
  const batch = BATCHES[batchIndex];
  const rng = Rng.for('assign', model.strategy, batch.id);
  const pool = poolFor(model.strategy);
  const planned: PlannedTask[] = [];
  for (const item of items) {
    const k = item.gold || rng.chance(0.3) ? 3 : 2;
    for (const annotator of rng.sampleWeighted(pool, pool.map((a) => a.capacity), k)) {
      const prelabeled = rng.chance(model.prelabelRate(batchIndex));
      const duration = model.unitDuration(item, annotator, prelabeled, rng);
      const task: Task = { batchId: batch.id, strategy: model.strategy, itemId: item.id, annotator, prelabeled, duration, start: 0, periodFraction: 0 };
      planned.push({ task, item, model });
    }
  }
  return planned;
}

/** An annotator's queue: runs of 8–30 units of one strategy, the runs in random order. */
function queue(annotator: AnnotatorProfile, batchId: string, tasks: PlannedTask[]): Task[] {
  const rng = Rng.for('queue', annotator.id, batchId);
  const runs: Task[][] = [];
  for (const model of MODELS) {
    const mine = tasks.filter((t) => t.model === model).map((t) => t.task);
    for (let i = 0; i < mine.length; ) {
      const size = rng.int(8, 30);
      runs.push(mine.slice(i, i + size));
      i += size;
    }
  }
  return rng.shuffle(runs).flat();
}

/**
 * The whole sample: file name → file content (the CSV files, the gold-box file and the README),
 * identical on every run (all randomness from named `seededRandom` streams; no clock).
 */
export function generateSampleData(): Record<string, string> {
  const rowsByStrategy = new Map<string, Row[]>(MODELS.map((m) => [m.strategy, []]));
  const goldBoxes: GoldBox[] = [];
  const summaries = new Map<string, { items: number; goldItems: number; units: number; prelabeledUnits: number }>(
    MODELS.map((m) => [m.strategy, { items: 0, goldItems: 0, units: 0, prelabeledUnits: 0 }]),
  );
  for (const [batchIndex, batch] of BATCHES.entries()) {
    const planned: PlannedTask[] = [];
    for (const model of MODELS) {
      const items = makeItems(model, batchIndex);
      const summary = summaries.get(model.strategy)!;
      summary.items += items.length;
      summary.goldItems += items.filter((i) => i.gold).length;
      for (const item of items.filter((i) => i.gold)) goldBoxes.push(...(model.goldBoxes?.(item) ?? []));
      planned.push(...planTasks(model, batchIndex, items));
    }
    for (const annotator of ANNOTATORS) {
      const mine = planned.filter((p) => p.task.annotator === annotator);
      scheduleAnnotator(batch, annotator, queue(annotator, batch.id, mine), Rng.for('schedule', annotator.id, batch.id));
    }
    for (const { task, item, model } of planned) {
      const rng = Rng.for('answers', task.itemId, task.annotator.id);
      rowsByStrategy.get(model.strategy)!.push(...model.rows(item, task, rng));
      const summary = summaries.get(model.strategy)!;
      summary.units += 1;
      if (task.prelabeled) summary.prelabeledUnits += 1;
    }
  }

  const files: Record<string, string> = {};
  const fileSummaries: FileSummary[] = [];
  for (const model of MODELS) {
    let rows = sortChronologically(rowsByStrategy.get(model.strategy)!);
    let messy = { emptyAnnotator: 0, duplicates: 0 };
    if (model === instructionTuning) ({ rows, messy } = injectMessyRows(rows));
    const name = `${model.strategy}.csv`;
    files[name] = toCsv(COLUMNS, rows);
    const rejected = messy.emptyAnnotator + messy.duplicates;
    fileSummaries.push({
      name,
      role: 'judgements',
      strategy: model.strategy,
      rowsRead: rows.length,
      rowsLoaded: rows.length - rejected,
      rowsRejected: rejected,
      bytes: new TextEncoder().encode(files[name]).length,
      ...summaries.get(model.strategy)!,
      ...messy,
    });
  }
  const goldName = 'vl_alignment_gold.csv';
  files[goldName] = toCsv(
    ['item_id', 'question', 'gold', 'x', 'y', 'w', 'h'],
    goldBoxes.map((b) => ({ item_id: b.itemId, question: 'boxes', gold: b.label, x: b.x.toFixed(1), y: b.y.toFixed(1), w: b.w.toFixed(1), h: b.h.toFixed(1) })),
  );
  fileSummaries.push({
    name: goldName,
    role: 'gold',
    strategy: 'vl_alignment',
    rowsRead: goldBoxes.length,
    rowsLoaded: goldBoxes.length,
    rowsRejected: 0,
    bytes: new TextEncoder().encode(files[goldName]).length,
    items: new Set(goldBoxes.map((b) => b.itemId)).size,
    goldItems: new Set(goldBoxes.map((b) => b.itemId)).size,
    units: 0,
    prelabeledUnits: 0,
    emptyAnnotator: 0,
    duplicates: 0,
  });
  files['README.md'] = sampleReadme(fileSummaries);
  return files;
}
