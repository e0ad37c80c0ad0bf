import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { loadDelimited } from '../../../src/lib/ingest/load-delimited';
import { boxIou } from '../../../src/lib/metrics/boxes/box-iou';
import { bruteForceMatchCount, matchClassBoxes, type IouEdge } from '../../../src/lib/metrics/boxes/box-matching';
import { boxesByQuestion } from '../../../src/lib/metrics/boxes/boxes-by-question';
import { questionKey } from '../../../src/lib/report/report-types';
import { seededRandom } from '../../../src/lib/stats/seeded-random';
import { clearDb, freshDb, loadCsvText } from '../../helpers/db';

describe('boxIou', () => {
  it('gives the hand-computed IoU of overlapping boxes', () => {
    // Shifted by 5 of 10: intersection 5·10 = 50, union 100 + 100 − 50 = 150 → 1/3.
    expect(boxIou({ x: 0, y: 0, w: 10, h: 10 }, { x: 5, y: 0, w: 10, h: 10 })).toBeCloseTo(1 / 3, 12);
    // Shifted by 1 in x and y: intersection 9·9 = 81, union 200 − 81 = 119.
    expect(boxIou({ x: 0, y: 0, w: 10, h: 10 }, { x: 1, y: 1, w: 10, h: 10 })).toBeCloseTo(81 / 119, 12);
    // Nested: 4·4 inside 10·10 → 16/100.
    expect(boxIou({ x: 0, y: 0, w: 10, h: 10 }, { x: 3, y: 3, w: 4, h: 4 })).toBeCloseTo(0.16, 12);
    expect(boxIou({ x: 0, y: 0, w: 10, h: 10 }, { x: 10, y: 0, w: 10, h: 10 })).toBe(0);
  });
});

describe('matchClassBoxes', () => {
  it('finds both pairs where greedy-by-IoU finds one', () => {
    // Greedy takes p0–g0 (0.9) first and leaves p1 without a partner; two pairs ≥ 0.5 exist.
    const edges: IouEdge[] = [
      [0, 0, 0.9],
      [0, 1, 0.6],
      [1, 0, 0.6],
    ];
    expect(matchClassBoxes(2, 2, edges).matchedAt[0]).toBe(2);
    expect(matchClassBoxes(2, 2, edges).matchedAt[IOU_INDEX_0_9]).toBe(1);
  });

  it('agrees with brute force on random small images at every threshold', () => {
    const random = seededRandom(11);
    for (let trial = 0; trial < 200; trial++) {
      const n1 = 1 + Math.floor(random() * 4);
      const n2 = 1 + Math.floor(random() * 4);
      const edges: IouEdge[] = [];
      for (let i = 0; i < n1; i++) for (let j = 0; j < n2; j++) if (random() < 0.6) edges.push([i, j, 0.3 + 0.7 * random()]);
      const match = matchClassBoxes(n1, n2, edges);
      [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95].forEach((t, i) =>
        expect(match.matchedAt[i]).toBe(bruteForceMatchCount(n1, n2, edges, t)),
      );
    }
  });
});
const IOU_INDEX_0_9 = 8;

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(async () => db.close());

const judgements = `batch_id,strategy,item_id,annotator_id,question,label,x,y,w,h
v1,vl_alignment,img1,x,boxes,car,1,0,10,10
v1,vl_alignment,img1,x,boxes,car,20,0,10,10
v1,vl_alignment,img1,x,boxes,dog,0,20,10,20
v1,vl_alignment,img1,y,boxes,car,0,0,10,10
v1,vl_alignment,img1,y,boxes,car,25,0,10,10
v1,vl_alignment,img1,y,boxes,person,0,22,10,20
v1,vl_alignment,img2,x,boxes,car,0,0,5,5
`;
// Gold file without batch or question columns: wildcard gold for img1.
const gold = `item_id,label,x,y,w,h
img1,car,0,0,10,10
img1,car,20,0,10,10
img1,person,0,20,10,20
`;

describe('boxesByQuestion on a hand-checked image', () => {
  it('matches the hand computation', async () => {
    await clearDb(db);
    await loadCsvText(db, 'boxes.csv', judgements);
    await loadDelimited(db, { fileName: 'gold.csv', bytes: new TextEncoder().encode(gold), role: 'gold' });
    const r = (await boxesByQuestion(db)).get(questionKey({ batch_id: 'v1', strategy: 'vl_alignment', question: 'boxes' }))!;
    expect(r).toBeDefined();
    expect(r.images).toBe(2);
    expect(r.images_with_gold).toBe(1);
    // IoUs by hand: x car1 vs gold car1 = 90/110; x car2 = 1; x "dog" has no gold dog (class must agree);
    // y car1 = 1; y car2 vs gold car2 = 50/150 (< 0.5); y person = 180/220.
    // At IoU ≥ 0.5: TP = 4 of 6 annotator boxes and 6 gold boxes (3 per annotator).
    expect(r.iou50_precision_vs_gold).toBeCloseTo(4 / 6, 12);
    expect(r.iou50_recall_vs_gold).toBeCloseTo(4 / 6, 12);
    expect(r.iou50_f1_vs_gold).toBeCloseTo(4 / 6, 12);
    // Thresholds 0.50…0.80 (7) keep 4 pairs; 0.85…0.95 (3) keep the two IoU-1 pairs: (7·4/6 + 3·2/6)/10.
    expect(r.f1_vs_gold_iou50_95).toBeCloseTo(34 / 60, 12);
    expect(r.mean_iou).toBeCloseTo((90 / 110 + 1 + 1 + 180 / 220) / 4, 12);
    // x vs y: only car1–car1 (IoU 90/110) reaches 0.5; 3 boxes each → F1 = 2·1/6.
    expect(r.pairwise_f1_iou50).toBeCloseTo(1 / 3, 12);
    const car = r.classes.find((c) => c.class === 'car')!;
    expect(car.iou50_precision_vs_gold).toBeCloseTo(3 / 4, 12);
    expect(car.iou50_recall_vs_gold).toBeCloseTo(3 / 4, 12);
    const person = r.classes.find((c) => c.class === 'person')!;
    expect(person.iou50_precision_vs_gold).toBeCloseTo(1, 12);
    expect(person.iou50_recall_vs_gold).toBeCloseTo(1 / 2, 12);
    const dog = r.classes.find((c) => c.class === 'dog')!;
    expect(dog.iou50_precision_vs_gold).toBe(0);
    expect(dog.iou50_recall_vs_gold).toBeNull();
    const x = r.annotators.find((a) => a.annotator_id === 'x')!;
    expect(x.images).toBe(2);
    expect(x.iou50_f1_vs_gold).toBeCloseTo(2 / 3, 12);
    expect(x.pairwise_f1_iou50).toBeCloseTo(1 / 3, 12);
    // Histogram of any-overlap matches against gold: IoUs 0.818, 1, 1, 0.333, 0.818.
    expect(r.iou_histogram.vs_gold.reduce((s, n) => s + n, 0)).toBe(5);
    expect(r.iou_histogram.vs_gold[19]).toBe(2);
    expect(r.iou_histogram.vs_gold[6]).toBe(1);
  });

  it('is null with a reason when nothing has gold', async () => {
    await clearDb(db);
    await loadCsvText(db, 'boxes.csv', judgements);
    const r = [...(await boxesByQuestion(db)).values()][0];
    expect(r.iou50_f1_vs_gold).toBeNull();
    expect(r.reasons.iou50_f1_vs_gold).toMatch(/gold/);
    expect(r.pairwise_f1_iou50).toBeCloseTo(1 / 3, 12);
  });
});
