import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { accuracyBy, accuracyByQuestion } from '../../../src/lib/metrics/accuracy/accuracy-by';
import { confusionMatrix } from '../../../src/lib/metrics/accuracy/confusion-matrix';
import { questionKey } from '../../../src/lib/report/report-types';
import { clopperPearson } from '../../../src/lib/stats/clopper-pearson';
import { wilson } from '../../../src/lib/stats/wilson';
import { freshDb, loadCsvText } from '../../helpers/db';
import { FIXTURE } from './fixture';

const key = (batch_id: string, strategy: string, question: string) => ({ batch_id, strategy, question });

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
  await loadCsvText(db, 'fixture.csv', FIXTURE);
});
afterAll(() => db.close());

describe('accuracyBy', () => {
  it('per annotator over batches b1 and b2 (q4 excluded by the filter)', async () => {
    // a: 4/4 + 2/2 = 6/6; b: 2/4 + 1/2 = 3/6; c: 1/3 + 0/1 = 1/4
    const rows = await accuracyBy(db, { batches: ['b1', 'b2'] }, 'annotator');
    expect(rows.map((r) => [r.value, r.n, r.correct])).toEqual([
      ['a', 6, 6],
      ['b', 6, 3],
      ['c', 4, 1],
    ]);
    const b = rows[1];
    expect(b.accuracy).toBeCloseTo(0.5, 15);
    expect(b.wilson95).toEqual(wilson(3, 6));
    expect(b.clopper_pearson95).toEqual(clopperPearson(3, 6));
    // R: binom.test(3, 6)$conf.int = 0.1181172 0.8818828
    expect(b.clopper_pearson95![0]).toBeCloseTo(0.1181172, 6);
    expect(b.clopper_pearson95![1]).toBeCloseTo(0.8818828, 6);
  });

  it('per batch, strategy and question', async () => {
    const batches = await accuracyBy(db, {}, 'batch');
    expect(batches.map((r) => [r.value, r.n, r.correct])).toEqual([
      ['b1', 11, 7],
      ['b2', 5, 3],
      ['b3', 2, 1],
    ]);
    const strategies = await accuracyBy(db, {}, 'strategy');
    expect(strategies.map((r) => [r.value, r.n, r.correct])).toEqual([
      ['instruction_tuning', 11, 7],
      ['rlhf_preference', 5, 3],
      ['vl_alignment', 2, 1],
    ]);
    const questions = await accuracyBy(db, {}, 'question');
    expect(questions.map((r) => [r.question, r.n, r.correct])).toEqual([
      ['q1', 11, 7],
      ['q2', 5, 3],
      ['q4', 2, 1],
    ]);
    expect(questions[0].value).toBe(questionKey(key('b1', 'instruction_tuning', 'q1')));
  });

  it('under batch, strategy and question filters (after the unfiltered tables: rows are picked from them)', async () => {
    // hand counts from the fixture's comments
    expect((await accuracyBy(db, { batches: ['b2', 'b3'] }, 'batch')).map((r) => [r.value, r.n, r.correct])).toEqual([
      ['b2', 5, 3],
      ['b3', 2, 1],
    ]);
    expect((await accuracyBy(db, { batches: ['b1'] }, 'strategy')).map((r) => [r.value, r.n, r.correct])).toEqual([
      ['instruction_tuning', 11, 7],
    ]);
    expect((await accuracyBy(db, { questions: ['q2', 'q4'] }, 'question')).map((r) => [r.question, r.n, r.correct])).toEqual([
      ['q2', 5, 3],
      ['q4', 2, 1],
    ]);
    // a within-partition filter recomputes: annotator c only (q1 1/3, q2 0/1)
    expect(
      (await accuracyBy(db, { annotators: ['c'], strategies: ['rlhf_preference'] }, 'batch')).map((r) => [
        r.value,
        r.n,
        r.correct,
      ]),
    ).toEqual([['b2', 1, 0]]);
    expect((await accuracyBy(db, { annotators: ['c'] }, 'question')).map((r) => [r.question, r.n, r.correct])).toEqual([
      ['q1', 3, 1],
      ['q2', 1, 0],
    ]);
  });
});

describe('accuracyByQuestion', () => {
  it('reports every question, null with a reason where there is no gold', async () => {
    const map = await accuracyByQuestion(db, {});
    expect(map.size).toBe(4);
    const q1 = map.get(questionKey(key('b1', 'instruction_tuning', 'q1')))!;
    expect([q1.n, q1.correct]).toEqual([11, 7]);
    expect(q1.accuracy).toBeCloseTo(7 / 11, 15);
    const q3 = map.get(questionKey(key('b1', 'instruction_tuning', 'q3')))!;
    expect(q3).toMatchObject({ n: 0, accuracy: null, wilson95: null, clopper_pearson95: null });
    expect((q3.reasons as Record<string, string>).accuracy).toMatch(/no judgement of this question has a gold answer/);
  });
});

describe('confusionMatrix', () => {
  it('counts gold × answer for q1', async () => {
    // gold cat: answers cat ×3 (i1 a, i1 b, i3 a), dog ×2 (i1 c, i3 b)
    // gold dog: answers cat ×2 (i2 b, i2 c), dog ×4 (i2 a, i4 a, i4 b, i4 c)
    const m = await confusionMatrix(db, {}, key('b1', 'instruction_tuning', 'q1'));
    expect(m.labels).toEqual(['cat', 'dog']);
    expect(m.counts).toEqual([
      [3, 2],
      [2, 4],
    ]);
    expect([m.n, m.correct]).toEqual([11, 7]);
  });

  it('treats 3 and 3.0 as one class and orders numbers numerically', async () => {
    const m = await confusionMatrix(db, {}, key('b2', 'rlhf_preference', 'q2'));
    expect(m.labels).toEqual(['1', '2', '3']);
    // gold 1: answers 1, 2; gold 3: answers 3, 3.0, 2
    expect(m.counts).toEqual([
      [1, 1, 0],
      [0, 0, 0],
      [0, 1, 2],
    ]);
  });

  it('is empty for a question without gold', async () => {
    const m = await confusionMatrix(db, {}, key('b1', 'instruction_tuning', 'q3'));
    expect(m).toEqual({ labels: [], counts: [], n: 0, correct: 0 });
  });
});
