import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { aggregationByQuestion } from '../../../src/lib/metrics/aggregation/aggregation-by-question';
import { dawidSkene, dawidSkeneByQuestion } from '../../../src/lib/metrics/aggregation/dawid-skene';
import { majorityVoteByQuestion } from '../../../src/lib/metrics/aggregation/majority-vote';
import { referenceDawidSkene } from '../../../src/lib/metrics/aggregation/reference';
import { questionKey } from '../../../src/lib/report/report-types';
import { freshDb, loadCsvText } from '../../helpers/db';
import { FIXTURE } from '../accuracy/fixture';

// Majority votes on the hand-made fixture (test/metrics/accuracy/fixture.ts):
// q1: i1 cat (2:1) gold cat ✓ · i2 cat (2:1) gold dog ✗ · i3 cat:dog 1:1 TIE, gold cat · i4 dog ✓
//   expected accuracy (tie → 1/2) = (1 + 0 + 0.5 + 1) / 4 = 0.625; ties → lowest code "cat": 3/4;
//   ties left out: 2/3.
// q2: i1 "3" (3, 3.0 vs 2) gold 3 ✓ · i2 1:2 TIE, gold 1 → expected 0.75, lowest "1": 1.0, decisive 1/1.
const key = (batch_id: string, strategy: string, question: string) => questionKey({ batch_id, strategy, question });

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
  await loadCsvText(db, 'fixture.csv', FIXTURE);
});
afterAll(() => db.close());

describe('majority vote', () => {
  it('counts ties and scores them three stated ways', async () => {
    const votes = await majorityVoteByQuestion(db, {});
    const q1 = votes.get(key('b1', 'instruction_tuning', 'q1'))!;
    expect(q1).toMatchObject({ items: 4, ties: 1, gold_items: 4, gold_ties: 1 });
    expect(q1.accuracy).toBeCloseTo(0.625, 15);
    expect(q1.accuracy_ties_lowest).toBeCloseTo(0.75, 15);
    expect(q1.accuracy_decisive).toBeCloseTo(2 / 3, 15);
    const q2 = votes.get(key('b2', 'rlhf_preference', 'q2'))!;
    expect(q2).toMatchObject({ items: 2, ties: 1 });
    expect(q2.accuracy).toBeCloseTo(0.75, 15);
    expect(q2.accuracy_ties_lowest).toBeCloseTo(1, 15);
    const q3 = votes.get(key('b1', 'instruction_tuning', 'q3'))!;
    expect(q3).toMatchObject({ items: 1, ties: 1, gold_items: 0, accuracy: null, accuracy_ties_lowest: null });
  });
});

describe('aggregationByQuestion', () => {
  it('fills the report contract and gives reasons for null figures', async () => {
    const map = await aggregationByQuestion(db, {});
    const q1 = map.get(key('b1', 'instruction_tuning', 'q1'))!;
    expect(q1.majority_vote_accuracy).toBeCloseTo(0.625, 15);
    expect(q1.ties).toBe(1);
    expect(q1.dawid_skene_accuracy).not.toBeNull();
    expect(q1.dawid_skene_converged).toBe(true);
    const q3 = map.get(key('b1', 'instruction_tuning', 'q3'))!;
    expect(q3.majority_vote_accuracy).toBeNull();
    expect(q3.dawid_skene_accuracy).toBeNull();
    expect((q3.reasons as Record<string, string>).majority_vote_accuracy).toMatch(/no item of this question has gold/);
    // q4 holds interval numbers (0.5, 0.75, 0.25): not aggregated by vote
    const q4 = map.get(key('b3', 'vl_alignment', 'q4'))!;
    expect(q4.majority_vote_accuracy).toBeNull();
    expect((q4.reasons as Record<string, string>).majority_vote_accuracy).toMatch(/interval data is not meaningful/);
  });
});

describe('dawidSkene without gold', () => {
  it('estimates annotators from agreement alone', async () => {
    // 30 items of classes x/y; p and q always answer the truth, r answers the truth on the
    // first 20 items and the other class on the last 10. No gold at all.
    const lines = ['item_id,annotator_id,question,answer'];
    for (let i = 0; i < 30; i++) {
      const truth = i % 2 === 0 ? 'x' : 'y';
      const other = truth === 'x' ? 'y' : 'x';
      lines.push(`n${i},p,mood,${truth}`, `n${i},q,mood,${truth}`, `n${i},r,mood,${i < 20 ? truth : other}`);
    }
    const nogold = await freshDb();
    try {
      await loadCsvText(nogold, 'nogold.csv', lines.join('\n') + '\n');
      const ds = await dawidSkene(nogold, {}, { batch_id: 'default', strategy: 'unspecified', question: 'mood' });
      expect(ds.classes).toEqual(['x', 'y']);
      expect(ds.accuracy).toBeNull();
      expect(ds.reasons.accuracy).toMatch(/no item of this question has gold/);
      expect(ds.converged).toBe(true);
      expect(ds.priors[0] + ds.priors[1]).toBeCloseTo(1, 12);
      const byId = new Map(ds.annotators.map((a) => [a.annotator_id, a]));
      // p and q are unanimous, so the posteriors follow them: p, q are perfect, r is right 20/30.
      expect(byId.get('p')!.estimated_accuracy).toBeCloseTo(1, 6);
      expect(byId.get('r')!.estimated_accuracy).toBeCloseTo(20 / 30, 6);
      // r's confusion: of the 15 true x items, r said y on 5 (items 21, 23, … are y; 20, 22, … x)
      expect(byId.get('r')!.confusion[0][1]).toBeCloseTo(5 / 15, 6);
    } finally {
      await nogold.close();
    }
  });
});

describe('dawidSkeneByQuestion', () => {
  it('fits each question as if it were alone (questions numbered in one statement keep their own items, annotators and classes)', async () => {
    // Independent computation: the same EM on one question at a time (`dawidSkene` selects the
    // question's judgements only). Items n0…n9 and annotators p, q, r repeat across three
    // questions of two batches with different classes, so a mix-up between questions shows.
    const lines = ['batch_id,item_id,annotator_id,question,answer'];
    for (let i = 0; i < 10; i++)
      for (const [a, flip] of [
        ['p', 0],
        ['q', 0],
        ['r', i % 3 === 0 ? 1 : 0],
      ] as const) {
        lines.push(`b1,n${i},${a},mood,${(i + flip) % 2 ? 'sad' : 'glad'}`);
        lines.push(`b1,n${i},${a},tone,${(i + flip) % 3 === 0 ? 'warm' : (i + flip) % 3 === 1 ? 'cold' : 'flat'}`);
        lines.push(`b2,n${i},${a},mood,${(i * 7 + flip) % 2 ? 'sad' : 'glad'}`);
      }
    const many = await freshDb();
    try {
      await loadCsvText(many, 'many.csv', lines.join('\n') + '\n');
      const all = await dawidSkeneByQuestion(many, {});
      expect(all.size).toBe(3);
      for (const [batch_id, question] of [
        ['b1', 'mood'],
        ['b1', 'tone'],
        ['b2', 'mood'],
      ]) {
        const ref = { batch_id, strategy: 'unspecified', question };
        expect(all.get(questionKey(ref))).toEqual(await dawidSkene(many, {}, ref));
      }
      expect(all.get(key('b1', 'unspecified', 'tone'))!.classes).toEqual(['cold', 'flat', 'warm']);
    } finally {
      await many.close();
    }
  });

  it('counts an answer loaded twice (a second file repeating some rows) twice, as the paper’s reference does', async () => {
    // 24 items of classes x/y/z by p, q, r; a second file repeats r's answers to the first 8
    // items. The answers reach the fit one per row and are counted there (canonicalOrder).
    const classes = ['x', 'y', 'z'];
    const answers: [number, number][][] = [];
    const first = ['item_id,annotator_id,question,answer'];
    const second = ['item_id,annotator_id,question,answer'];
    for (let i = 0; i < 24; i++) {
      const list: [number, number][] = [];
      for (const [j, a] of ['p', 'q', 'r'].entries()) {
        const l = (i + (j === 2 && i % 4 === 0 ? 1 : 0) + (j === 1 && i % 5 === 0 ? 2 : 0)) % 3;
        first.push(`n${String(i).padStart(2, '0')},${a},mood,${classes[l]}`);
        list.push([j, l]);
        if (a === 'r' && i < 8) {
          second.push(`n${String(i).padStart(2, '0')},${a},mood,${classes[l]}`);
          list.push([j, l]);
        }
      }
      answers.push(list);
    }
    const twice = await freshDb();
    try {
      await loadCsvText(twice, 'first.csv', first.join('\n') + '\n');
      await loadCsvText(twice, 'second.csv', second.join('\n') + '\n');
      const ds = await dawidSkene(twice, {}, { batch_id: 'default', strategy: 'unspecified', question: 'mood' });
      const plain = referenceDawidSkene(answers, 3, 3, 1e-8, 1000);
      expect(ds.annotators.map((a) => [a.annotator_id, a.judgements])).toEqual([
        ['p', 24],
        ['q', 24],
        ['r', 32],
      ]);
      plain.priors.forEach((p, k) => expect(Math.abs(p - ds.priors[k])).toBeLessThan(1e-9));
    } finally {
      await twice.close();
    }
  });
});
