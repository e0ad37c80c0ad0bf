import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { refreshQuestions } from '../../src/lib/ingest/infer-questions';
import { loadDelimited } from '../../src/lib/ingest/load-delimited';
import { freshDb, loadCsvFile } from '../helpers/db';
import { documentedCounts, GOLD_FILE, JUDGEMENT_FILES, readSample, SAMPLE_DIR, type CsvRow } from './sample-files';

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(async () => {
  await db.close();
});

/** Rows the loader must reject, counted here without DuckDB: empty annotator, and all but one answer per (batch, item, question, annotator) for non-box rows. */
function expectedRejections(rows: CsvRow[]): { emptyAnnotator: number; duplicates: number } {
  const emptyAnnotator = rows.filter((r) => r.annotator_id.trim() === '').length;
  const seen = new Map<string, number>();
  for (const r of rows.filter((r) => r.annotator_id.trim() !== '' && r.x === '')) {
    const key = [r.batch_id, r.item_id, r.question, r.annotator_id].join('\u0000');
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const duplicates = [...seen.values()].reduce((a, n) => a + n - 1, 0);
  return { emptyAnnotator, duplicates };
}

describe('the committed sample data loads as documented', () => {
  const documented = documentedCounts();

  it('documents every file', () => {
    expect([...documented.keys()].sort()).toEqual([...JUDGEMENT_FILES, GOLD_FILE].sort());
  });

  for (const name of JUDGEMENT_FILES) {
    it(`${name}: rows_read / rows_loaded / rows_rejected as in the README and as counted independently`, async () => {
      const rows = readSample(name);
      const { emptyAnnotator, duplicates } = expectedRejections(rows);
      const source = await loadCsvFile(db, join(SAMPLE_DIR, name));
      expect({ rowsRead: source.rowsRead, rowsLoaded: source.rowsLoaded, rowsRejected: source.rowsRejected }).toEqual(documented.get(name));
      expect(source.rowsRead).toBe(rows.length);
      expect(source.rowsRejected).toBe(emptyAnnotator + duplicates);
      // The mess is in one file only: 3 empty annotators and 1 duplicate in instruction tuning.
      expect({ emptyAnnotator, duplicates }).toEqual(name === 'instruction_tuning.csv' ? { emptyAnnotator: 3, duplicates: 1 } : { emptyAnnotator: 0, duplicates: 0 });
      expect(readFileSync(join(SAMPLE_DIR, name)).length).toBeLessThan(3_000_000);
    });
  }

  it(`${GOLD_FILE}: loads as gold boxes with the documented counts`, async () => {
    const rows = readSample(GOLD_FILE);
    const bytes = readFileSync(join(SAMPLE_DIR, GOLD_FILE));
    const source = await loadDelimited(db, { fileName: GOLD_FILE, bytes, role: 'gold' });
    expect({ rowsRead: source.rowsRead, rowsLoaded: source.rowsLoaded, rowsRejected: source.rowsRejected }).toEqual(documented.get(GOLD_FILE));
    expect(source.rowsLoaded).toBe(rows.length);
    const [boxes] = await db.query<{ n: number; wildcard: number }>(
      `SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE batch_id = '*' AND question = 'boxes')::INTEGER AS wildcard FROM gold WHERE x IS NOT NULL`,
    );
    expect(boxes).toEqual({ n: rows.length, wildcard: rows.length });
  });

  it('rejects the messy rows with their reasons and keeps the newer of the duplicate answers', async () => {
    const reasons = await db.query<{ reason: string }>(
      `SELECT r.reason FROM rejections r JOIN sources s USING (source_id) WHERE s.file_name = 'instruction_tuning.csv' ORDER BY r.source_row`,
    );
    expect(reasons.filter((r) => /annotator_id .* is empty/.test(r.reason))).toHaveLength(3);
    expect(reasons.filter((r) => r.reason.startsWith('duplicate answer'))).toHaveLength(1);
    const rows = readSample('instruction_tuning.csv');
    const byKey = new Map<string, CsvRow[]>();
    for (const r of rows.filter((r) => r.annotator_id !== '')) {
      const key = `${r.item_id}|${r.question}|${r.annotator_id}`;
      byKey.set(key, [...(byKey.get(key) ?? []), r]);
    }
    const [pair] = [...byKey.values()].filter((v) => v.length === 2);
    const newer = pair[0].submitted_at > pair[1].submitted_at ? pair[0] : pair[1];
    const kept = await db.query<{ label: string; submitted_at: number }>(
      `SELECT label, submitted_at FROM judgements WHERE item_id = '${newer.item_id}' AND question = '${newer.question}' AND annotator_id = '${newer.annotator_id}'`,
    );
    expect(kept).toEqual([{ label: newer.answer, submitted_at: Date.parse(newer.submitted_at) }]);
  });

  it('infers the stated value_kind and the expected level for every strategy, question and batch', async () => {
    await refreshQuestions(db);
    const expected: Record<string, [string, string]> = {
      'instruction_tuning/quality': ['number', 'ordinal'],
      'instruction_tuning/accept': ['category', 'nominal'],
      'instruction_tuning/output': ['text', 'nominal'],
      'rlhf_preference/preferred': ['preference', 'nominal'],
      'rlhf_preference/helpfulness': ['number', 'ordinal'],
      'rlhf_preference/harmlessness': ['number', 'ordinal'],
      'vl_alignment/caption': ['text', 'nominal'],
      'vl_alignment/vqa_answer': ['category', 'nominal'],
      'vl_alignment/boxes': ['box', 'nominal'],
    };
    const questions = await db.query<{ batch_id: string; strategy: string; question: string; value_kind: string; level: string }>(
      'SELECT batch_id, strategy, question, value_kind, level FROM questions ORDER BY ALL',
    );
    expect(questions).toHaveLength(3 * Object.keys(expected).length);
    for (const q of questions) {
      expect([q.value_kind, q.level], `${q.batch_id} ${q.strategy}/${q.question}`).toEqual(expected[`${q.strategy}/${q.question}`]);
    }
    const [{ batches }] = await db.query<{ batches: string[] }>('SELECT list(DISTINCT batch_id ORDER BY batch_id) AS batches FROM questions');
    expect(batches).toEqual(['batch-2026-09', 'batch-2026-10', 'batch-2026-11']);
  });
});
