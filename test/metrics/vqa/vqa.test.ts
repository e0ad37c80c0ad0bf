import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { loadDelimited } from '../../../src/lib/ingest/load-delimited';
import { normaliseVqaAnswer } from '../../../src/lib/metrics/vqa/normalise-vqa-answer';
import { humanVqaAccuracies, vqaAccuracy } from '../../../src/lib/metrics/vqa/vqa-accuracy';
import { vqaReference } from '../../../src/lib/metrics/vqa/reference';
import { VQA_SQL_TEXT_LIMIT, vqaByQuestion } from '../../../src/lib/metrics/vqa/vqa-by-question';
import { textAnswers } from '../../../src/lib/metrics/text/text-answers';
import { sql } from '../../../src/lib/sql/sql';
import { questionKey } from '../../../src/lib/report/report-types';
import { clearDb, freshDb, loadCsvText } from '../../helpers/db';

// Ten answers to one question; after VQA normalisation: seven "2", two "3", one "4".
const TEN = ['two', '2', '2', 'Two.', 'the two', 'three', '3', '4', '2', ' 2 '];

describe('normaliseVqaAnswer (official vqaEval.py rules)', () => {
  it('lower-cases, maps number words, drops articles and punctuation', () => {
    expect(TEN.map(normaliseVqaAnswer)).toEqual(['2', '2', '2', '2', '2', '3', '3', '4', '2', '2']);
    expect(normaliseVqaAnswer('A red-car!')).toBe('red car');
    expect(normaliseVqaAnswer('yes, it is')).toBe('yes it is');
    expect(normaliseVqaAnswer('1,000')).toBe('1000');
    expect(normaliseVqaAnswer('3.5')).toBe('3.5');
  });
});

describe('vqaAccuracy (Antol et al. 2015)', () => {
  const refs = TEN.map(normaliseVqaAnswer);
  it('averages min(matches/3, 1) over the 10 leave-one-out subsets of 9', () => {
    // "3" matches 2 of 10: 2 subsets keep 1 match (1/3), 8 keep 2 (2/3) → (2/3 + 16/3)/10 = 0.6.
    expect(vqaAccuracy('3', refs)).toBeCloseTo(0.6, 12);
    // "4" matches 1: 9 subsets keep it → 9·(1/3)/10 = 0.3.
    expect(vqaAccuracy('4', refs)).toBeCloseTo(0.3, 12);
    // "2" matches 7: every subset keeps ≥ 3 → 1.
    expect(vqaAccuracy('2', refs)).toBe(1);
    // Exactly 3 matches → 0.9 (7 subsets keep 3, 3 keep 2: (7 + 3·2/3)/10).
    expect(vqaAccuracy('x', ['x', 'x', 'x', 'y', 'y', 'y', 'y', 'y', 'y', 'y'])).toBeCloseTo(0.9, 12);
    // Brute force over the subsets as a cross-check.
    const brute = (a: string) =>
      refs.reduce((s, _, k) => s + Math.min(refs.filter((r, i) => i !== k && r === a).length / 3, 1), 0) / refs.length;
    for (const a of ['2', '3', '4', '5']) expect(vqaAccuracy(a, refs)).toBeCloseTo(brute(a), 12);
  });

  it('scores each human answer against the other nine', () => {
    // "2"-answerers: 6 others agree → 1; "3": 1 other → 1/3; "4": 0. Mean (7 + 2/3)/10.
    const scores = humanVqaAccuracies(refs);
    expect(scores.reduce((s, x) => s + x, 0) / 10).toBeCloseTo((7 + 2 / 3) / 10, 12);
  });
});

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(async () => db.close());

describe('vqaByQuestion', () => {
  it('gives the item accuracy, the gold exact match and per-annotator scores', async () => {
    await clearDb(db);
    const lines = TEN.map((a, i) => `v1,vl_alignment,img1,ann${i},vqa_answer,"${a}"`);
    lines.push(
      'v1,vl_alignment,img2,ann0,vqa_answer,cat',
      'v1,vl_alignment,img2,ann1,vqa_answer,a cat',
      'v1,vl_alignment,img2,ann2,vqa_answer,dog',
    );
    await loadCsvText(db, 'vqa.csv', 'batch_id,strategy,item_id,annotator_id,question,answer\n' + lines.join('\n'));
    await loadDelimited(db, {
      fileName: 'gold.csv',
      bytes: new TextEncoder().encode('item_id,gold\nimg1,3\nimg2,Cat\n'),
      role: 'gold',
    });
    const r = (await vqaByQuestion(db)).get(questionKey({ batch_id: 'v1', strategy: 'vl_alignment', question: 'vqa_answer' }))!;
    expect(r).toBeDefined();
    // img2: "cat","cat","dog" → 1/3, 1/3, 0. Mean over 13 answers: (7 + 2/3 + 2/3)/13.
    expect(r.vqa_accuracy).toBeCloseTo((7 + 2 / 3 + 2 / 3) / 13, 12);
    // Gold: img1 "3" matches 2 answers, img2 "cat" matches 2 of 3 → 4/13.
    expect(r.exact_match_vs_gold).toBeCloseTo(4 / 13, 12);
    // Gold's VQA accuracy: img1 0.6 (above); img2 "cat" vs 3 refs, 2 matches: (2·1/3 + 1·2/3)/3 = 4/9.
    expect(r.gold_vqa_accuracy).toBeCloseTo((0.6 + 4 / 9) / 2, 12);
    const ann7 = r.annotators.find((a) => a.annotator_id === 'ann7')!;
    expect(ann7.vqa_accuracy).toBe(0);
  });
});

describe('vqaByQuestion against the in-memory reference', () => {
  // Counted in SQL from per-item answer counts; the reference (reference.ts) scores every
  // answer row in memory with humanVqaAccuracies / vqaAccuracy. Seeded answers with spelling
  // variants that normalise alike, items of 1–6 answers, gold on some items of some questions.
  it('gives every figure of every question and annotator the reference gives', async () => {
    await clearDb(db);
    const variants = ['two', '2', 'Two.', 'the two', 'three', '3', "it's red", 'its red', 'Red!', 'a dog', 'dog', 'dögs', 'x'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const lines: string[] = [];
    const gold: string[] = [];
    for (const batch of ['b1', 'b2'])
      for (const question of ['vqa_answer', 'colour'])
        for (let item = 0; item < 40; item++) {
          const answers = 1 + Math.floor(next() * 6);
          for (let a = 0; a < answers; a++) {
            const annotator = `ann${Math.floor(next() * 9)}${a}`;
            const answer = variants[Math.floor(next() * variants.length)];
            lines.push(`${batch},vl_alignment,img${item},${annotator},${question},category,"${answer}"`);
          }
          if (question === 'vqa_answer' && next() < 0.5)
            gold.push(`${batch},img${item},${question},"${variants[Math.floor(next() * variants.length)]}"`);
        }
    await loadCsvText(db, 'vqa.csv', 'batch_id,strategy,item_id,annotator_id,question,value_kind,answer\n' + lines.join('\n'));
    await loadDelimited(db, {
      fileName: 'gold.csv',
      bytes: new TextEncoder().encode('batch_id,item_id,question,gold\n' + gold.join('\n') + '\n'),
      role: 'gold',
    });
    const where = sql`j.strategy = 'vl_alignment'`;
    for (const filters of [{}, { batches: ['b2'] }]) {
      const sqlReports = await vqaByQuestion(db, filters);
      const reference = vqaReference(await textAnswers(db, filters, where));
      expect([...sqlReports.keys()]).toEqual([...reference.keys()]);
      expect(sqlReports.size).toBe('batches' in filters ? 2 : 4);
      for (const [key, expected] of reference) {
        const got = sqlReports.get(key)!;
        for (const field of ['vqa_accuracy', 'exact_match_vs_gold', 'gold_vqa_accuracy'] as const) {
          if (expected[field] === null) expect(got[field], `${key} ${field}`).toBeNull();
          else expect(got[field], `${key} ${field}`).toBeCloseTo(expected[field]!, 12);
        }
        expect([got.pairable_items, got.answers_with_gold, got.reasons]).toEqual([
          expected.pairable_items,
          expected.answers_with_gold,
          expected.reasons,
        ]);
        expect(got.annotators.map((a) => [a.annotator_id, a.answers])).toEqual(
          expected.annotators.map((a) => [a.annotator_id, a.answers]),
        );
        got.annotators.forEach((a, i) => {
          for (const field of ['vqa_accuracy', 'exact_match_vs_gold'] as const) {
            const want = expected.annotators[i][field];
            if (want === null) expect(a[field], `${key} ${a.annotator_id} ${field}`).toBeNull();
            else expect(a[field], `${key} ${a.annotator_id} ${field}`).toBeCloseTo(want, 12);
          }
        });
      }
    }
  });
});

describe('vqaByQuestion with many distinct texts', () => {
  it(`scores more than ${VQA_SQL_TEXT_LIMIT} distinct answers in memory, as the reference does`, async () => {
    await clearDb(db);
    const lines = Array.from({ length: VQA_SQL_TEXT_LIMIT + 1 }, (_, i) => {
      const item = Math.floor(i / 3);
      // two of every three answers on an item agree after normalisation
      const answer = i % 3 === 2 ? `other ${i}` : i % 3 === 0 ? `The answer ${item}` : `answer ${item}!`;
      return `v1,vl_alignment,img${item},ann${i % 3},vqa_answer,category,"${answer}"`;
    });
    await loadCsvText(db, 'many.csv', 'batch_id,strategy,item_id,annotator_id,question,value_kind,answer\n' + lines.join('\n'));
    const key = questionKey({ batch_id: 'v1', strategy: 'vl_alignment', question: 'vqa_answer' });
    const got = (await vqaByQuestion(db)).get(key)!;
    const expected = vqaReference(await textAnswers(db, {}, sql`true`)).get(key)!;
    expect(got).toEqual(expected);
    // every item has three answers: two agreeing (1/3 each), one alone (0)
    expect(got.vqa_accuracy).toBeCloseTo(2 / 9, 12);
  });
});
