import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { freshDb, loadCsvFile } from '../helpers/db';
import { JUDGEMENT_FILES, readSample, SAMPLE_DIR } from './sample-files';

const DRIFTER = 'ann-07';
const SCORED_KINDS = new Set(['category', 'number', 'preference']);

/** Errors against the gold column per batch, counted in plain TS from the CSV (numbers by value, labels exactly). */
function goldErrorsByBatch(annotator: string): Map<string, { n: number; errors: number }> {
  const out = new Map<string, { n: number; errors: number }>();
  for (const name of JUDGEMENT_FILES) {
    for (const r of readSample(name)) {
      if (r.annotator_id !== annotator || r.gold === '' || !SCORED_KINDS.has(r.value_kind)) continue;
      const wrong = r.value_kind === 'number' ? Number(r.answer) !== Number(r.gold) : r.answer !== r.gold;
      const cell = out.get(r.batch_id) ?? { n: 0, errors: 0 };
      cell.n += 1;
      cell.errors += wrong ? 1 : 0;
      out.set(r.batch_id, cell);
    }
  }
  return out;
}

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
  for (const name of JUDGEMENT_FILES) await loadCsvFile(db, join(SAMPLE_DIR, name));
});
afterAll(async () => {
  await db.close();
});

describe('the drifting annotator (ann-07)', () => {
  it('errs clearly more often against gold in the last batch than in the first', () => {
    const byBatch = goldErrorsByBatch(DRIFTER);
    const first = byBatch.get('batch-2026-09')!;
    const last = byBatch.get('batch-2026-11')!;
    const p1 = first.errors / first.n;
    const p3 = last.errors / last.n;
    // Two-proportion z test (pooled), one-sided at 5 %: z > 1.645 (e.g. Agresti, Categorical Data Analysis, §2.2).
    const pooled = (first.errors + last.errors) / (first.n + last.n);
    const z = (p3 - p1) / Math.sqrt(pooled * (1 - pooled) * (1 / first.n + 1 / last.n));
    expect(first.n).toBeGreaterThanOrEqual(40);
    expect(last.n).toBeGreaterThanOrEqual(40);
    expect(p3).toBeGreaterThan(2 * p1);
    expect(z).toBeGreaterThan(1.645);
  });

  it('the same per-batch error counts come out of the judgement_gold view after loading', async () => {
    const byBatch = goldErrorsByBatch(DRIFTER);
    const rows = await db.query<{ batch_id: string; n: number; errors: number }>(
      `SELECT batch_id, count(*)::INTEGER AS n, count(*) FILTER (WHERE NOT is_correct)::INTEGER AS errors
       FROM judgement_gold WHERE annotator_id = '${DRIFTER}' AND is_correct IS NOT NULL GROUP BY batch_id ORDER BY batch_id`,
    );
    expect(rows).toEqual([...byBatch.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([batch_id, c]) => ({ batch_id, ...c })));
  });

  it('a steady annotator does not drift: ann-01 stays within 10 points across batches', () => {
    const byBatch = goldErrorsByBatch('ann-01');
    const rates = [...byBatch.values()].map((c) => c.errors / c.n);
    expect(Math.max(...rates) - Math.min(...rates)).toBeLessThan(0.1);
  });
});
