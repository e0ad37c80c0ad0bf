import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { loadDelimited } from '../../../src/lib/ingest/load-delimited';
import { boxIou, type Box } from '../../../src/lib/metrics/boxes/box-iou';
import { bruteForceMatchCount, type IouEdge } from '../../../src/lib/metrics/boxes/box-matching';
import { boxesByQuestion } from '../../../src/lib/metrics/boxes/boxes-by-question';
import { textByQuestion } from '../../../src/lib/metrics/text/text-by-question';
import { editSimilarity, exactMatch, tokenF1 } from '../../../src/lib/metrics/text/text-similarity';
import { normaliseVqaAnswer } from '../../../src/lib/metrics/vqa/normalise-vqa-answer';
import { vqaByQuestion } from '../../../src/lib/metrics/vqa/vqa-by-question';
import { questionKey } from '../../../src/lib/report/report-types';
import { freshDb, loadCsvFile } from '../../helpers/db';

// sample-data/vl_alignment.csv + vl_alignment_gold.csv (scripts/generate-sample-data.ts).
// References are recomputed from the parsed CSV in plain TS: IoU by boxIou (not the SQL),
// one-to-one matching by brute force over all assignments (not the Hungarian code).
const DIR = join(import.meta.dirname, '..', '..', '..', 'sample-data');
type CsvRow = Record<string, string>;
const parse = (file: string) =>
  Papa.parse<CsvRow>(readFileSync(join(DIR, file), 'utf8'), { header: true, skipEmptyLines: true }).data as CsvRow[];
const rows = parse('vl_alignment.csv');
const goldRows = parse('vl_alignment_gold.csv');
const box = (r: CsvRow): Box => ({ x: Number(r.x), y: Number(r.y), w: Number(r.w), h: Number(r.h) });

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
  await loadCsvFile(db, join(DIR, 'vl_alignment.csv'));
  await loadDelimited(db, {
    fileName: 'vl_alignment_gold.csv',
    bytes: readFileSync(join(DIR, 'vl_alignment_gold.csv')),
    role: 'gold',
  });
});
afterAll(async () => db.close());

const batches = [...new Set(rows.map((r) => r.batch_id))].sort();

function matched(a: Box[], b: Box[]): number {
  const edges: IouEdge[] = [];
  a.forEach((p, i) => b.forEach((q, j) => edges.push([i, j, boxIou(p, q)])));
  return bruteForceMatchCount(a.length, b.length, edges, 0.5);
}

describe('VL sample batches: boxes', () => {
  it.each(batches)('%s: P/R/F1 vs gold and pairwise F1 equal a brute-force recount', async (batch) => {
    const r = (await boxesByQuestion(db)).get(questionKey({ batch_id: batch, strategy: 'vl_alignment', question: 'boxes' }))!;
    const mine = rows.filter((row) => row.batch_id === batch && row.question === 'boxes');
    const byImage = new Map<string, Map<string, CsvRow[]>>();
    for (const row of mine) {
      if (!byImage.has(row.item_id)) byImage.set(row.item_id, new Map());
      const who = byImage.get(row.item_id)!;
      who.set(row.annotator_id, [...(who.get(row.annotator_id) ?? []), row]);
    }
    let tp = 0,
      predicted = 0,
      reference = 0,
      goldImages = 0;
    const pairs = new Map<string, { tp: number; n: number }>();
    for (const [item, who] of byImage) {
      const gold = goldRows.filter((g) => g.item_id === item);
      if (gold.length) goldImages++;
      const classes = new Set([...gold.map((g) => g.gold), ...mine.filter((m) => m.item_id === item).map((m) => m.answer)]);
      const annotators = [...who.keys()].sort();
      for (const a of annotators) {
        if (!gold.length) continue;
        for (const c of classes) {
          const p = who
            .get(a)!
            .filter((row) => row.answer === c)
            .map(box);
          const g = gold.filter((row) => row.gold === c).map(box);
          tp += matched(p, g);
          predicted += p.length;
          reference += g.length;
        }
      }
      for (let i = 0; i < annotators.length; i++)
        for (let j = i + 1; j < annotators.length; j++) {
          const key = `${annotators[i]}|${annotators[j]}`;
          const acc = pairs.get(key) ?? { tp: 0, n: 0 };
          for (const c of classes) {
            const p = who
              .get(annotators[i])!
              .filter((row) => row.answer === c)
              .map(box);
            const q = who
              .get(annotators[j])!
              .filter((row) => row.answer === c)
              .map(box);
            acc.tp += matched(p, q);
            acc.n += p.length + q.length;
          }
          pairs.set(key, acc);
        }
    }
    expect(r.images).toBe(byImage.size);
    expect(r.images_with_gold).toBe(goldImages);
    expect(goldImages).toBeGreaterThan(0);
    expect(r.iou50_precision_vs_gold).toBeCloseTo(tp / predicted, 12);
    expect(r.iou50_recall_vs_gold).toBeCloseTo(tp / reference, 12);
    expect(r.iou50_f1_vs_gold).toBeCloseTo((2 * tp) / (predicted + reference), 12);
    const f1s = [...pairs.values()].filter((p) => p.n > 0).map((p) => (2 * p.tp) / p.n);
    expect(r.pairwise_f1_iou50).toBeCloseTo(f1s.reduce((s, f) => s + f, 0) / f1s.length, 12);
    // The careless annotator (ann-11) draws sloppier boxes than the careful senior (ann-01).
    const f1 = (id: string) => r.annotators.find((a) => a.annotator_id === id)?.pairwise_f1_iou50 ?? null;
    if (f1('ann-11') !== null && f1('ann-01') !== null) expect(f1('ann-11')!).toBeLessThan(f1('ann-01')!);
  });
});

describe('VL sample batches: VQA answers and captions', () => {
  it.each(batches)('%s: VQA accuracy and caption similarity equal a plain recount', async (batch) => {
    const vqa = (await vqaByQuestion(db)).get(
      questionKey({ batch_id: batch, strategy: 'vl_alignment', question: 'vqa_answer' }),
    )!;
    const answers = rows.filter((row) => row.batch_id === batch && row.question === 'vqa_answer');
    const items = new Map<string, CsvRow[]>();
    for (const row of answers) items.set(row.item_id, [...(items.get(row.item_id) ?? []), row]);
    const human: number[] = [];
    const gold: number[] = [];
    for (const list of items.values()) {
      const norm = list.map((row) => normaliseVqaAnswer(row.answer));
      if (list.length >= 2) norm.forEach((a) => human.push(Math.min((norm.filter((b) => b === a).length - 1) / 3, 1)));
      list.forEach((row, i) => row.gold && gold.push(norm[i] === normaliseVqaAnswer(row.gold) ? 1 : 0));
    }
    expect(vqa.vqa_accuracy).toBeCloseTo(human.reduce((s, x) => s + x, 0) / human.length, 12);
    expect(vqa.answers_with_gold).toBe(gold.length);
    expect(vqa.exact_match_vs_gold).toBeCloseTo(gold.reduce((s, x) => s + x, 0) / gold.length, 12);

    const text = (await textByQuestion(db)).get(questionKey({ batch_id: batch, strategy: 'vl_alignment', question: 'caption' }))!;
    const captions = rows.filter((row) => row.batch_id === batch && row.question === 'caption' && row.gold);
    const mean = (f: (a: string, b: string) => number) =>
      captions.reduce((s, row) => s + f(row.answer, row.gold), 0) / captions.length;
    expect(text.answers_with_gold).toBe(captions.length);
    expect(text.exact_match_vs_gold).toBeCloseTo(mean(exactMatch), 12);
    expect(text.token_f1_vs_gold).toBeCloseTo(mean(tokenF1), 12);
    expect(text.edit_similarity_vs_gold).toBeCloseTo(mean(editSimilarity), 12);
  });
});
