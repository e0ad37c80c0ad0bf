import type { Connector } from '../../db/connector';
import { questionKey } from '../../report/report-types';
import type { Filters } from '../filters';
import { matchClassBoxes, type IouEdge } from './box-matching';
import { boxCounts, boxCoverage, boxEdges, type ImageKey } from './box-tables';
import { BoxTally, histogram } from './box-tally';

export interface BoxClassReport {
  class: string;
  annotator_boxes: number;
  gold_boxes: number;
  iou50_precision_vs_gold: number | null;
  iou50_recall_vs_gold: number | null;
  iou50_f1_vs_gold: number | null;
  pairwise_f1_iou50: number | null;
}

export interface BoxAnnotatorReport {
  annotator_id: string;
  images: number;
  boxes: number;
  iou50_precision_vs_gold: number | null;
  iou50_recall_vs_gold: number | null;
  iou50_f1_vs_gold: number | null;
  f1_vs_gold_iou50_95: number | null;
  mean_iou: number | null;
  /** F1 at IoU ≥ 0.5 against every other annotator, pooled over images and partners. */
  pairwise_f1_iou50: number | null;
}

/** The `boxes` block of a question in the report (keys of issue 6, plus additions). */
export interface BoxesReport {
  matching: string;
  images: number;
  images_with_gold: number;
  iou50_precision_vs_gold: number | null;
  iou50_recall_vs_gold: number | null;
  iou50_f1_vs_gold: number | null;
  precision_vs_gold_iou50_95: number | null;
  recall_vs_gold_iou50_95: number | null;
  f1_vs_gold_iou50_95: number | null;
  /** Mean IoU of the annotator–gold pairs matched at IoU ≥ 0.5. */
  mean_iou: number | null;
  /** Mean over annotator pairs of their F1 at IoU ≥ 0.5 (pooled over the images both answered). */
  pairwise_f1_iou50: number | null;
  pairwise_f1_iou50_95: number | null;
  pairwise_mean_iou: number | null;
  classes: BoxClassReport[];
  annotators: BoxAnnotatorReport[];
  /** IoU of pairs matched with any overlap, in 0.05 bins: against gold and between annotators. */
  iou_histogram: { bins: [number, number][]; vs_gold: number[]; pairwise: number[] };
  reasons: Record<string, string>;
}

export const BOX_MATCHING_NOTE =
  'one-to-one Hungarian assignment per image and class (class must agree), maximising the number of pairs with IoU ≥ t, then their total IoU, at each t in 0.50:0.05:0.95';

const SEP = '\u0001';
const GOLD = '\u0000gold';
const imageId = (k: ImageKey) => questionKey(k) + SEP + k.item_id;

interface QuestionAcc {
  images: Set<string>;
  goldImages: Set<string>;
  vsGold: BoxTally;
  goldByClass: Map<string, BoxTally>;
  goldByAnnotator: Map<string, BoxTally>;
  pairs: Map<string, BoxTally>;
  pairsByClass: Map<string, BoxTally>;
  pairsByAnnotator: Map<string, BoxTally>;
  annotatorImages: Map<string, number>;
  annotatorBoxes: Map<string, number>;
  goldIous: number[];
  pairIous: number[];
}

const tallyOf = (map: Map<string, BoxTally>, key: string) => {
  let tally = map.get(key);
  if (!tally) map.set(key, (tally = new BoxTally()));
  return tally;
};

/**
 * Box agreement per box question (value_kind 'box'): each annotator's boxes against gold and
 * against every other annotator's on the same image, matched one-to-one within class (see
 * BOX_MATCHING_NOTE); precision, recall and F1 pooled over images at IoU ≥ 0.5 and averaged
 * over IoU 0.50:0.05:0.95, mean IoU of matched pairs, per class and per annotator. IoU of
 * same-class box pairs is computed in SQL; the assignment runs in TS per image and class.
 * An annotator covers an image when they have any row of the question on it; an image counts
 * against gold only when it has gold boxes (an empty gold image cannot be told from no gold).
 */
export async function boxesByQuestion(db: Connector, filters: Filters = {}): Promise<Map<string, BoxesReport>> {
  const [counts, coverage, edges] = await Promise.all([boxCounts(db, filters), boxCoverage(db, filters), boxEdges(db, filters)]);
  const perImage = new Map<string, Map<string, Map<string, number>>>();
  for (const c of counts) {
    const image = imageId(c);
    if (!perImage.has(image)) perImage.set(image, new Map());
    const who = perImage.get(image)!;
    const side = c.annotator_id ?? GOLD;
    if (!who.has(side)) who.set(side, new Map());
    who.get(side)!.set(c.class, c.boxes);
  }
  const edgeGroups = new Map<string, IouEdge[]>();
  for (const e of edges) {
    const group = [imageId(e), e.class, e.annotator_1, e.annotator_2 ?? GOLD].join(SEP);
    if (!edgeGroups.has(group)) edgeGroups.set(group, []);
    edgeGroups.get(group)!.push([e.i1, e.i2, e.iou]);
  }
  const coveredBy = new Map<string, { key: string; annotators: string[] }>();
  for (const c of coverage) {
    const image = imageId(c);
    if (!coveredBy.has(image)) coveredBy.set(image, { key: questionKey(c), annotators: [] });
    coveredBy.get(image)!.annotators.push(c.annotator_id);
  }

  const acc = new Map<string, QuestionAcc>();
  for (const [image, { key, annotators }] of coveredBy) {
    if (!acc.has(key)) {
      acc.set(key, {
        images: new Set(),
        goldImages: new Set(),
        vsGold: new BoxTally(),
        goldByClass: new Map(),
        goldByAnnotator: new Map(),
        pairs: new Map(),
        pairsByClass: new Map(),
        pairsByAnnotator: new Map(),
        annotatorImages: new Map(),
        annotatorBoxes: new Map(),
        goldIous: [],
        pairIous: [],
      });
    }
    const q = acc.get(key)!;
    q.images.add(image);
    annotators.sort();
    const sides = perImage.get(image) ?? new Map<string, Map<string, number>>();
    const boxesOf = (who: string) => sides.get(who) ?? new Map<string, number>();
    const gold = sides.get(GOLD);
    if (gold) q.goldImages.add(image);
    for (const a of annotators) {
      q.annotatorImages.set(a, (q.annotatorImages.get(a) ?? 0) + 1);
      q.annotatorBoxes.set(a, (q.annotatorBoxes.get(a) ?? 0) + [...boxesOf(a).values()].reduce((s, n) => s + n, 0));
      if (!gold) continue;
      for (const cls of new Set([...boxesOf(a).keys(), ...gold.keys()])) {
        const n1 = boxesOf(a).get(cls) ?? 0;
        const n2 = gold.get(cls) ?? 0;
        const match = matchClassBoxes(n1, n2, edgeGroups.get([image, cls, a, GOLD].join(SEP)) ?? []);
        for (const tally of [q.vsGold, tallyOf(q.goldByClass, cls), tallyOf(q.goldByAnnotator, a)]) tally.add(n1, n2, match);
        q.goldIous.push(...match.iousAnyOverlap);
      }
    }
    for (let i = 0; i < annotators.length; i++) {
      for (let j = i + 1; j < annotators.length; j++) {
        const [a, b] = [annotators[i], annotators[j]];
        for (const cls of new Set([...boxesOf(a).keys(), ...boxesOf(b).keys()])) {
          const n1 = boxesOf(a).get(cls) ?? 0;
          const n2 = boxesOf(b).get(cls) ?? 0;
          const match = matchClassBoxes(n1, n2, edgeGroups.get([image, cls, a, b].join(SEP)) ?? []);
          for (const tally of [tallyOf(q.pairs, a + SEP + b), tallyOf(q.pairsByClass, cls), tallyOf(q.pairsByAnnotator, a)])
            tally.add(n1, n2, match);
          tallyOf(q.pairsByAnnotator, b).add(n2, n1, match);
          q.pairIous.push(...match.iousAnyOverlap);
        }
      }
    }
  }

  const out = new Map<string, BoxesReport>();
  for (const [key, q] of acc) out.set(key, summarise(q));
  return out;
}

function mean(values: (number | null)[]): number | null {
  const defined = values.filter((v): v is number => v !== null);
  return defined.length ? defined.reduce((s, v) => s + v, 0) / defined.length : null;
}

function summarise(q: QuestionAcc): BoxesReport {
  const reasons: Record<string, string> = {};
  const g = q.vsGold;
  if (q.goldImages.size === 0) {
    for (const k of ['iou50_precision_vs_gold', 'iou50_recall_vs_gold', 'iou50_f1_vs_gold', 'mean_iou'])
      reasons[k] = 'no image of this question has gold boxes';
  } else if (g.iouCount50 === 0) reasons.mean_iou = 'no annotator box matches a gold box at IoU ≥ 0.5';
  const pairTallies = [...q.pairs.values()];
  if (pairTallies.length === 0) reasons.pairwise_f1_iou50 = 'no image was answered by two annotators';
  const pooledPairs = new BoxTally();
  pairTallies.forEach((t) => pooledPairs.merge(t));
  const classes = [...new Set([...q.goldByClass.keys(), ...q.pairsByClass.keys()])].sort();
  const goldCount = (cls: string) => q.goldByClass.get(cls)?.reference ?? 0;
  return {
    matching: BOX_MATCHING_NOTE,
    images: q.images.size,
    images_with_gold: q.goldImages.size,
    iou50_precision_vs_gold: g.precision(),
    iou50_recall_vs_gold: g.recall(),
    iou50_f1_vs_gold: g.f1(),
    precision_vs_gold_iou50_95: g.averaged((t) => g.precision(t)),
    recall_vs_gold_iou50_95: g.averaged((t) => g.recall(t)),
    f1_vs_gold_iou50_95: g.averaged((t) => g.f1(t)),
    mean_iou: g.meanIou(),
    pairwise_f1_iou50: mean(pairTallies.map((t) => t.f1())),
    pairwise_f1_iou50_95: mean(pairTallies.map((t) => t.averaged((i) => t.f1(i)))),
    pairwise_mean_iou: pooledPairs.meanIou(),
    classes: classes.map((cls) => {
      const t = q.goldByClass.get(cls);
      return {
        class: cls,
        annotator_boxes: t?.evaluated ?? 0,
        gold_boxes: goldCount(cls),
        iou50_precision_vs_gold: t ? t.precision() : null,
        iou50_recall_vs_gold: t ? t.recall() : null,
        iou50_f1_vs_gold: t ? t.f1() : null,
        pairwise_f1_iou50: q.pairsByClass.get(cls)?.f1() ?? null,
      };
    }),
    annotators: [...q.annotatorImages.keys()].sort().map((a) => {
      const t = q.goldByAnnotator.get(a);
      return {
        annotator_id: a,
        images: q.annotatorImages.get(a)!,
        boxes: q.annotatorBoxes.get(a) ?? 0,
        iou50_precision_vs_gold: t ? t.precision() : null,
        iou50_recall_vs_gold: t ? t.recall() : null,
        iou50_f1_vs_gold: t ? t.f1() : null,
        f1_vs_gold_iou50_95: t ? t.averaged((i) => t.f1(i)) : null,
        mean_iou: t ? t.meanIou() : null,
        pairwise_f1_iou50: q.pairsByAnnotator.get(a)?.f1() ?? null,
      };
    }),
    iou_histogram: { bins: histogram([]).bins, vs_gold: histogram(q.goldIous).counts, pairwise: histogram(q.pairIous).counts },
    reasons,
  };
}
