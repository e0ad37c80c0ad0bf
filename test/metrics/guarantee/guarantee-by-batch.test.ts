import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { loadDelimited } from '../../../src/lib/ingest/load-delimited';
import { guaranteeByBatch, guaranteeFromCounts } from '../../../src/lib/metrics/guarantee/guarantee-by-batch';
import { freshDb, loadCsvText } from '../../helpers/db';

let db: Connector;

// A synthetic delivery: batch b1 has 40 gold items answered by two annotators with 3 wrong
// answers; batch b2 has 10 gold items, all right; batch b3 has no gold.
function judgementsCsv(): { csv: string; expected: Record<string, { n: number; errors: number }> } {
  const lines = ['batch_id,item_id,annotator_id,label'];
  const expected: Record<string, { n: number; errors: number }> = {
    b1: { n: 0, errors: 0 },
    b2: { n: 0, errors: 0 },
    b3: { n: 0, errors: 0 },
  };
  for (let i = 0; i < 40; i++) {
    for (const a of ['ann1', 'ann2']) {
      const wrong = a === 'ann2' && i % 15 === 0; // i = 0, 15, 30
      lines.push(`b1,b1-${i},${a},${wrong ? 'dog' : 'cat'}`);
      expected.b1.n++;
      if (wrong) expected.b1.errors++;
    }
  }
  for (let i = 0; i < 10; i++) {
    lines.push(`b2,b2-${i},ann1,cat`);
    expected.b2.n++;
  }
  for (let i = 0; i < 5; i++) lines.push(`b3,b3-${i},ann1,cat`);
  return { csv: lines.join('\n'), expected };
}

function goldCsv(): string {
  const lines = ['batch_id,item_id,gold'];
  for (let i = 0; i < 40; i++) lines.push(`b1,b1-${i},cat`);
  for (let i = 0; i < 10; i++) lines.push(`b2,b2-${i},cat`);
  return lines.join('\n');
}

beforeAll(async () => {
  db = await freshDb();
  const { csv } = judgementsCsv();
  await loadCsvText(db, 'delivery.csv', csv);
  await loadDelimited(db, { fileName: 'gold.csv', bytes: new TextEncoder().encode(goldCsv()), role: 'gold' });
});
afterAll(async () => db?.close());

describe('guaranteeByBatch (SQL over judgement_gold)', () => {
  it('counts gold-checked judgements and errors per batch like the plain-TS count', async () => {
    const { expected } = judgementsCsv();
    const rows = await guaranteeByBatch(db, {}, { target: 0.9, confidence: 0.95 });
    expect(rows.map((r) => r.batch_id)).toEqual(['b1', 'b2', 'b3']);
    for (const row of rows) {
      expect({ n: row.n, errors: row.errors }).toEqual(expected[row.batch_id]);
      const reference = guaranteeFromCounts(row.batch_id, expected[row.batch_id].n, expected[row.batch_id].errors, {
        target: 0.9,
        confidence: 0.95,
      });
      expect(row).toEqual(reference);
    }
  });

  it('b1: 77 of 80 correct; lower bound (SciPy 1.17.1 beta.ppf(0.05, 77, 4) = 0.9059254534747863) demonstrates 90 %', async () => {
    const [b1, b2, b3] = await guaranteeByBatch(db, {}, { target: 0.9 });
    expect(Math.abs(b1.lower_bound! - 0.9059254534747863)).toBeLessThan(1e-9);
    expect(b1.demonstrated).toBe(true);
    expect(b2.n).toBe(10);
    expect(Math.abs(b2.lower_bound! - 0.7411344491069477)).toBeLessThan(1e-9);
    expect(b2.demonstrated).toBe(false); // 10/10 only shows ≥ 0.7411344491069477 (SciPy beta.ppf(0.05, 10, 1))
    expect(b3.lower_bound).toBeNull();
    expect(b3.reason).toMatch(/no gold/);
  });

  it('follows the filters', async () => {
    const rows = await guaranteeByBatch(db, { annotators: ['ann1'] });
    expect(rows.find((r) => r.batch_id === 'b1')).toMatchObject({ n: 40, errors: 0 });
  });
});
