import { errorRate, type AnnotatorProfile } from './annotators';
import type { Rng } from './random';
import { choose, unitPriceCents, unitRows, type Part } from './rows';
import { clampDuration, type StrategyModel } from './strategy-model';
import { caption, rewrite } from './texts';

export const BOX_CLASSES = ['person', 'car', 'bicycle', 'dog', 'traffic light'] as const;
const CLASS_WEIGHTS = [0.36, 0.3, 0.12, 0.1, 0.12];
const COLOURS = ['red', 'blue', 'white', 'black', 'silver', 'green'];
const SCENES = ['on a city street', 'in a park', 'at a crossroads', 'near a café', 'outside a railway station'];
const SIZES: [number, number][] = [
  [1280, 720],
  [1024, 768],
  [640, 480],
];

interface Box {
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** An image with its true objects (boxes), the colour of its car, a VQA question and its answer. */
export interface VlItem {
  id: string;
  gold: boolean;
  width: number;
  height: number;
  objects: Box[];
  colour: string;
  scene: string;
  vqa: { kind: 'count' | 'colour' | 'presence'; answer: string; options: string[] };
}

function makeBox(label: string, width: number, height: number, rng: Rng): Box {
  const small = label === 'traffic light' ? 0.4 : 1;
  const w = width * rng.uniform(0.05, label === 'car' ? 0.3 : 0.16) * small;
  const h = height * rng.uniform(label === 'person' ? 0.2 : 0.08, label === 'person' ? 0.5 : 0.3) * small;
  return { label, x: rng.uniform(0, width - w), y: rng.uniform(0, height - h), w, h };
}

function counts(boxes: readonly Box[]): Map<string, number> {
  const out = new Map<string, number>(BOX_CLASSES.map((c) => [c, 0]));
  for (const b of boxes) out.set(b.label, (out.get(b.label) ?? 0) + 1);
  return out;
}

/** An annotator's box: the true one moved and resized by `jitter` × its size (normal), kept inside the image. */
function jittered(box: Box, jitter: number, item: VlItem, rng: Rng): Box {
  const x = Math.max(0, box.x + rng.normal(0, jitter * box.w));
  const y = Math.max(0, box.y + rng.normal(0, jitter * box.h));
  const w = Math.min(item.width - x, Math.max(4, box.w * (1 + rng.normal(0, jitter))));
  const h = Math.min(item.height - y, Math.max(4, box.h * (1 + rng.normal(0, jitter))));
  return { label: box.label, x, y, w, h };
}

/**
 * One annotator's boxes: per true object a miss (3 % + 30 % of the error rate; 15 % when
 * careless), a jittered copy (2 % of the size; 7 % careless; 3 % for a kept AI pre-label), a
 * wrong class with half the error rate; plus an occasional extra box (6 %; 15 % careless).
 */
function annotatorBoxes(item: VlItem, annotator: AnnotatorProfile, error: number, prelabeled: boolean, rng: Rng): Box[] {
  const careless = !!annotator.careless;
  const out: Box[] = [];
  for (const box of item.objects) {
    const keptAi = prelabeled && rng.chance(annotator.keepsPrelabel);
    const miss = keptAi ? 0.06 : careless ? 0.15 : 0.03 + 0.3 * error;
    if (rng.chance(miss)) continue;
    const moved = jittered(box, keptAi ? 0.03 : careless ? 0.07 : 0.02, item, rng);
    out.push({ ...moved, label: choose(box.label, BOX_CLASSES, keptAi ? 0.04 : error / 2, rng) });
  }
  if (rng.chance(careless ? 0.15 : 0.06)) out.push(makeBox(rng.weighted(BOX_CLASSES, CLASS_WEIGHTS), item.width, item.height, rng));
  return out;
}

const px = (v: number) => v.toFixed(1);

/** A VQA answer: right with probability 1 − error; a wrong count is off by one, a wrong colour or yes/no another option. */
function vqaAnswer(item: VlItem, error: number, rng: Rng): string {
  if (item.vqa.kind !== 'count') return choose(item.vqa.answer, item.vqa.options, error, rng);
  if (!rng.chance(error)) return item.vqa.answer;
  const truth = Number(item.vqa.answer);
  return String(truth === 1 || rng.chance(0.5) ? truth + 1 : truth - 1);
}

/**
 * Vision-language alignment: `caption` (text), `vqa_answer` (a short answer such as "2",
 * "red", "yes") and `boxes` (one row per box: class in `answer`, x/y/w/h in pixels, top-left
 * origin). Units take 60–600 s (median 120 s + 45 s per object; ×0.6 when pre-labelled).
 * Batch batch-2026-09 carries no cost (the vendor's first export had none).
 */
export const vlAlignment: StrategyModel<VlItem> = {
  strategy: 'vl_alignment',
  itemsPerBatch: 260,
  prefix: 'vl',
  prelabelRate: (batch) => [0.15, 0.3, 0.4][batch],
  makeItem(id, gold, rng) {
    const [width, height] = rng.pick(SIZES);
    const n = rng.weighted([1, 2, 3, 4, 5, 6], [0.14, 0.24, 0.24, 0.18, 0.12, 0.08]);
    const objects = Array.from({ length: n }, () => makeBox(rng.weighted(BOX_CLASSES, CLASS_WEIGHTS), width, height, rng));
    const present = counts(objects);
    const colour = rng.pick(COLOURS);
    const scene = rng.pick(SCENES);
    const kind = rng.pick(['count', 'colour', 'presence'] as const);
    const vqa =
      kind === 'count'
        ? { kind, answer: String(present.get(rng.pick(objects).label)), options: ['1', '2', '3', '4', '5', '6'] }
        : kind === 'colour'
          ? { kind, answer: colour, options: COLOURS }
          : { kind, answer: (present.get(rng.pick(BOX_CLASSES)) ?? 0) > 0 ? 'yes' : 'no', options: ['yes', 'no'] };
    return { id, gold, width, height, objects, colour, scene, vqa };
  },
  unitDuration(item, annotator, prelabeled, rng) {
    const seconds = rng.logNormal(120 + 45 * item.objects.length, 0.3) * annotator.speed * (prelabeled ? 0.6 : 1);
    return clampDuration(seconds, 60, 600, !!annotator.careless);
  },
  rows(item, task, rng) {
    const annotator = task.annotator;
    const error = errorRate(annotator, task.periodFraction);
    const boxes = annotatorBoxes(item, annotator, error, task.prelabeled, rng);
    const seen = counts(rng.chance(error) ? boxes.slice(1) : boxes.filter((b) => item.objects.some((o) => o.label === b.label)));
    const captionText = rewrite(caption(seen, item.colour, item.scene), annotator.careless ? 0.6 : 0.3, !!annotator.careless, rng);
    const gold = (value: string) => (item.gold ? value : undefined);
    const parts: Part[] = [
      { question: 'caption', valueKind: 'text', answer: captionText, gold: gold(caption(counts(item.objects), item.colour, item.scene)), weight: 0.3 },
      { question: 'vqa_answer', valueKind: 'category', answer: vqaAnswer(item, error, rng), gold: gold(item.vqa.answer), weight: 0.1 },
      ...boxes.map(
        (b): Part => ({
          question: 'boxes',
          valueKind: 'box',
          answer: b.label,
          weight: 0.6 / boxes.length,
          fields: { x: px(b.x), y: px(b.y), w: px(b.w), h: px(b.h) },
        }),
      ),
    ];
    const price = task.batchId === 'batch-2026-09' ? null : unitPriceCents(task, item.objects.length, rng);
    return unitRows(task, parts, price, { prelabeled: String(task.prelabeled), image_w: String(item.width), image_h: String(item.height) });
  },
  goldBoxes: (item) => item.objects.map((o) => ({ itemId: item.id, label: o.label, x: o.x, y: o.y, w: o.w, h: o.h })),
};
