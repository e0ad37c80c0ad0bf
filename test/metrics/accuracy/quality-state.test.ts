import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { QualityState } from '../../../src/lib/state/quality.svelte';
import { freshDb, loadCsvText } from '../../helpers/db';
import { FIXTURE } from './fixture';

// The state class wires the metrics together; figures are those worked out in fixture.ts.
let db: Connector;
beforeAll(async () => {
  db = await freshDb();
  await loadCsvText(db, 'fixture.csv', FIXTURE);
});
afterAll(() => db.close());

describe('QualityState', () => {
  it('refreshes every panel and follows the controls', async () => {
    const quality = new QualityState();
    await quality.refresh(db, {});
    expect(quality.error).toBeNull();
    expect(quality.rows.map((r) => [r.value, r.n, r.correct])).toEqual([
      ['a', 7, 7],
      ['b', 7, 3],
      ['c', 4, 1],
    ]);
    expect(quality.selected).toEqual({ batch_id: 'b1', strategy: 'instruction_tuning', question: 'q1' });
    expect(quality.confusion!.counts).toEqual([
      [3, 2],
      [2, 4],
    ]);
    expect(quality.shares[0][0]).toBeCloseTo(3 / 5, 15);
    expect(quality.dawidSkene!.classes).toEqual(['cat', 'dog']);
    expect(quality.chart!.series).toEqual([]); // the fixture has no timestamps
    expect(quality.chart!.undated).toBe(18);

    await quality.setDimension('batch');
    expect(quality.rows.map((r) => r.value)).toEqual(['b1', 'b2', 'b3']);
    await quality.selectQuestion({ batch_id: 'b3', strategy: 'vl_alignment', question: 'q4' });
    expect(quality.dawidSkene).toBeNull(); // interval numbers are not aggregated
    expect(quality.confusion!.n).toBe(2);
    expect(quality.shown).toEqual({ batch_id: 'b3', strategy: 'vl_alignment', question: 'q4' });
    await quality.setChart('batch', 'batch');
    expect(quality.chart!.series.map((s) => s.series)).toEqual(['b1', 'b2', 'b3']);
  });

  it('keeps showing a question’s figures, under its own name, until the next pick’s are computed; the last pick wins', async () => {
    const quality = new QualityState();
    await quality.refresh(db, {});
    const q1 = { batch_id: 'b1', strategy: 'instruction_tuning', question: 'q1' };
    const q4 = { batch_id: 'b3', strategy: 'vl_alignment', question: 'q4' };
    expect(quality.shown).toEqual(q1);
    const before = quality.confusion;
    const toQ4 = quality.selectQuestion(q4);
    expect(quality.selected).toEqual(q4); // the table row is marked at once
    expect(quality.shown).toEqual(q1); // the figures on screen are still q1's, named q1
    expect(quality.confusion).toBe(before);
    const backToQ1 = quality.selectQuestion(q1); // picked again before q4's were ready
    await Promise.all([toQ4, backToQ1]);
    expect(quality.shown).toEqual(q1);
    expect(quality.confusion!.counts).toEqual([
      [3, 2],
      [2, 4],
    ]);
    expect(quality.dawidSkene!.classes).toEqual(['cat', 'dog']);
  });
});
