import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { loadDelimited } from '../../../src/lib/ingest/load-delimited';
import { normaliseText } from '../../../src/lib/metrics/text/normalise-text';
import { textByQuestion } from '../../../src/lib/metrics/text/text-by-question';
import { editSimilarity, exactMatch, levenshtein, tokenF1 } from '../../../src/lib/metrics/text/text-similarity';
import { questionKey } from '../../../src/lib/report/report-types';
import { clearDb, freshDb, loadCsvText } from '../../helpers/db';

describe('text similarity by hand', () => {
  it('normalises like SQuAD', () => {
    expect(normaliseText('The  Cat, sat on a mat!')).toBe('cat sat on mat');
    expect(exactMatch('The cat.', 'cat')).toBe(1);
    expect(exactMatch('cat', 'cats')).toBe(0);
  });

  it('token F1', () => {
    // "cat sat on mat" vs "cat on mat today": common 3, P = 3/4, R = 3/4 → F1 0.75.
    expect(tokenF1('The cat sat on a mat', 'cat on the mat today')).toBeCloseTo(0.75, 12);
    // Multiset: "a a b" → tokens "b" after article removal... use non-articles: "x x y" vs "x y y": common 2, P = R = 2/3.
    expect(tokenF1('x x y', 'x y y')).toBeCloseTo(2 / 3, 12);
    expect(tokenF1('', '')).toBe(1);
    expect(tokenF1('x', '')).toBe(0);
  });

  it('edit similarity', () => {
    // kitten → sitting: 3 edits (classic example), max length 7.
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(editSimilarity('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7, 12);
    expect(editSimilarity('', '')).toBe(1);
  });
});

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(async () => db.close());

describe('textByQuestion', () => {
  it('averages pairs per item, then over items, and scores against gold', async () => {
    await clearDb(db);
    const csv = `batch_id,strategy,item_id,annotator_id,question,value_kind,text
b,vl_alignment,i1,x,caption,text,kitten
b,vl_alignment,i1,y,caption,text,sitting
b,vl_alignment,i1,z,caption,text,Kitten.
b,vl_alignment,i2,x,caption,text,a dog runs
b,vl_alignment,i2,y,caption,text,dog running
`;
    await loadCsvText(db, 'captions.csv', csv);
    await loadDelimited(db, {
      fileName: 'gold.csv',
      bytes: new TextEncoder().encode('item_id,question,text,label\ni1,caption,kitten,x\n'),
      role: 'gold',
      mapping: { text: 'text', gold: 'label' },
    });
    const r = (await textByQuestion(db)).get(questionKey({ batch_id: 'b', strategy: 'vl_alignment', question: 'caption' }))!;
    expect(r).toBeDefined();
    expect(r.pairable_items).toBe(2);
    // i1 pairs: (kitten, sitting) 0, (kitten, kitten.) 1, (sitting, kitten.) 0 → 1/3; i2: 0. Mean 1/6.
    expect(r.exact_match).toBeCloseTo(1 / 6, 12);
    // Token F1: i1 likewise 1/3; i2 "dog runs" vs "dog running": 1 common, P = R = 1/2 → 0.5. Mean (1/3 + 1/2)/2.
    expect(r.token_f1).toBeCloseTo((1 / 3 + 1 / 2) / 2, 12);
    // Edit similarity: i1 (4/7 + 1 + 4/7)/3; i2 "dog runs" vs "dog running": s→n plus 3 insertions = 4 edits of 11 → 7/11.
    expect(r.edit_similarity).toBeCloseTo(((4 / 7 + 1 + 4 / 7) / 3 + 7 / 11) / 2, 12);
    // Gold text "kitten" (text wins over label): x 1, y 0, z 1 → 2/3.
    expect(r.answers_with_gold).toBe(3);
    expect(r.exact_match_vs_gold).toBeCloseTo(2 / 3, 12);
    expect(r.edit_similarity_vs_gold).toBeCloseTo((1 + 4 / 7 + 1) / 3, 12);
  });
});
