/**
 * Plain-TS reference of the economics figures, computed from raw `judgements` and `gold`
 * rows, used by the tests to cross-check the SQL (never called by the app). It follows the
 * conventions of `timed-assignments.ts`, `assignment-cost.ts` and the `judgement_gold` view.
 */
import { itemPrice, hourlyRate, type RateCard } from '../../economics/rate-card';
import { quantileType7 } from '../throughput/reference';

export interface RawJudgement {
  annotator_id: string;
  batch_id: string;
  strategy: string;
  item_id: string;
  question: string;
  value_kind: string | null;
  label: string | null;
  score: number | null;
  x: number | null;
  submitted_at: number | null;
  duration_s: number | null;
  cost_usd: number | null;
}

export interface RawGold {
  batch_id: string;
  item_id: string;
  question: string;
  label: string | null;
  score: number | null;
  x: number | null;
}

export interface ReferenceFigures {
  judgements: number;
  units: number;
  items: number;
  annotators: number;
  cost_usd: number | null;
  accuracy_n: number;
  accuracy_correct: number;
  median_duration_s: number | null;
  p90_duration_s: number | null;
  active_s: number;
  annotator_days: number;
  items_per_annotator_day: number | null;
}

interface Assignment {
  rows: RawJudgement[];
  submitted: number | null;
  duration: number | null;
  cost: number | null;
  active_s: number | null;
}

const sum = (values: (number | null)[]) =>
  values.some((v) => v !== null) ? values.reduce<number>((a, v) => a + (v ?? 0), 0) : null;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const goldIndex = new WeakMap<readonly RawGold[], Map<string, RawGold[]>>();
function goldByItem(gold: readonly RawGold[]): Map<string, RawGold[]> {
  let index = goldIndex.get(gold);
  if (!index) {
    index = new Map();
    for (const g of gold) index.set(g.item_id, [...(index.get(g.item_id) ?? []), g]);
    goldIndex.set(gold, index);
  }
  return index;
}

/** Is the judgement correct against its gold (specific gold before wildcard '*'); null when not scorable. */
export function isCorrectReference(j: RawJudgement, gold: readonly RawGold[]): boolean | null {
  if (j.x !== null || j.value_kind === 'text') return null;
  const candidates = (goldByItem(gold).get(j.item_id) ?? []).filter(
    (g) => g.x === null && (g.batch_id === j.batch_id || g.batch_id === '*') && (g.question === j.question || g.question === '*'),
  );
  candidates.sort(
    (a, b) => Number(a.batch_id === '*') - Number(b.batch_id === '*') || Number(a.question === '*') - Number(b.question === '*'),
  );
  const g = candidates[0];
  if (!g) return null;
  if (j.value_kind === 'number') return j.score === null || g.score === null ? null : j.score === g.score;
  if (j.value_kind === 'preference')
    return j.label === null || g.label === null ? null : j.label.toUpperCase() === g.label.toUpperCase();
  return j.label === null || g.label === null ? null : j.label === g.label;
}

/** The economics figures per group (groupOf(judgement) → key), by plain iteration. */
export function economicsReference(
  judgements: readonly RawJudgement[],
  gold: readonly RawGold[],
  card: RateCard,
  groupOf: (j: RawJudgement) => string,
  gapMinutes = 30,
): Map<string, ReferenceFigures> {
  const assignments = new Map<string, Assignment>();
  for (const j of judgements) {
    const key = JSON.stringify([j.annotator_id, j.batch_id, j.strategy, j.item_id, j.question]);
    const a = assignments.get(key) ?? { rows: [], submitted: null, duration: null, cost: null, active_s: null };
    a.rows.push(j);
    assignments.set(key, a);
  }
  const questionsOnItem = new Map<string, number>();
  for (const a of assignments.values()) {
    const j = a.rows[0];
    const itemKey = JSON.stringify([j.annotator_id, j.batch_id, j.item_id]);
    questionsOnItem.set(itemKey, (questionsOnItem.get(itemKey) ?? 0) + 1);
    const times = a.rows.flatMap((r) => (r.submitted_at === null ? [] : [r.submitted_at]));
    a.submitted = times.length ? Math.max(...times) : null;
    a.duration = sum(a.rows.map((r) => r.duration_s));
    a.cost = sum(a.rows.map((r) => r.cost_usd));
  }
  // Active time per assignment: sessionise each annotator's assignments one at a time.
  const byAnnotator = new Map<string, [string, Assignment][]>();
  for (const entry of assignments) {
    if (entry[1].submitted === null) continue;
    const id = entry[1].rows[0].annotator_id;
    if (!byAnnotator.has(id)) byAnnotator.set(id, []);
    byAnnotator.get(id)!.push(entry);
  }
  for (const list of byAnnotator.values()) {
    list.sort((p, q) => p[1].submitted! - q[1].submitted! || (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0));
    list.forEach(([, a], i) => {
      const gap = i === 0 ? Infinity : (a.submitted! - list[i - 1][1].submitted!) / 1000;
      a.active_s = gap > gapMinutes * 60 ? (a.duration ?? 0) : gap;
    });
  }
  const groups = new Map<string, Assignment[]>();
  for (const a of assignments.values()) {
    const g = groupOf(a.rows[0]);
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(a);
  }
  const out = new Map<string, ReferenceFigures>();
  for (const [g, list] of groups) {
    const rows = list.flatMap((a) => a.rows);
    const costs = list.map((a) => {
      if (a.cost !== null) return a.cost;
      const j = a.rows[0];
      if (card.basis === 'per_item') {
        const price = itemPrice(card, j.strategy);
        return price === null ? null : price / questionsOnItem.get(JSON.stringify([j.annotator_id, j.batch_id, j.item_id]))!;
      }
      const rate = hourlyRate(card, j.annotator_id);
      return rate === null || a.active_s === null ? null : (rate * a.active_s) / 3600;
    });
    const scored = rows.map((j) => isCorrectReference(j, gold)).filter((c) => c !== null);
    const durations = list.flatMap((a) => (a.duration === null ? [] : [a.duration]));
    const timed = list.filter((a) => a.submitted !== null);
    const annotatorDays = new Set(timed.map((a) => `${a.rows[0].annotator_id}|${day(a.submitted!)}`)).size;
    const timedItems = new Set(timed.map((a) => JSON.stringify([a.rows[0].annotator_id, a.rows[0].batch_id, a.rows[0].item_id])))
      .size;
    out.set(g, {
      judgements: rows.length,
      units: new Set(list.map((a) => JSON.stringify([a.rows[0].batch_id, a.rows[0].item_id, a.rows[0].question]))).size,
      items: new Set(list.map((a) => JSON.stringify([a.rows[0].batch_id, a.rows[0].item_id]))).size,
      annotators: new Set(list.map((a) => a.rows[0].annotator_id)).size,
      cost_usd: costs.some((c) => c === null) ? null : costs.reduce<number>((s, c) => s + c!, 0),
      accuracy_n: scored.length,
      accuracy_correct: scored.filter(Boolean).length,
      median_duration_s: quantileType7(durations, 0.5),
      p90_duration_s: quantileType7(durations, 0.9),
      active_s: list.reduce((s, a) => s + (a.active_s ?? 0), 0),
      annotator_days: annotatorDays,
      items_per_annotator_day: annotatorDays ? timedItems / annotatorDays : null,
    });
  }
  return out;
}
