import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import type { CanonicalJudgement } from '../../../src/lib/ingest/formats/canonical-rows';
import { insertCanonicalRows } from '../../../src/lib/ingest/insert-canonical-rows';
import { clearDb, freshDb } from '../../helpers/db';

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  await clearDb(db);
});

let fileCounter = 0;
function insert(rows: CanonicalJudgement[], extra: Partial<Parameters<typeof insertCanonicalRows>[1]> = {}) {
  fileCounter++;
  return insertCanonicalRows(db, {
    fileName: `f${fileCounter}.json`,
    bytes: new TextEncoder().encode(`file ${fileCounter}`),
    format: 'test',
    rows,
    rejections: [],
    ...extra,
  });
}
const j = (source_row: number, fields: Partial<CanonicalJudgement>): CanonicalJudgement => ({
  source_row,
  item_id: 'i1',
  question: 'q',
  annotator_id: 'a',
  label: 'x',
  ...fields,
});

describe('insertCanonicalRows', () => {
  it('rejects unusable rows with the reason and loads the rest', async () => {
    const source = await insert(
      [
        j(1, {}),
        j(2, { annotator_id: ' ' }),
        j(3, { label: null }),
        j(4, { item_id: 'i2', submitted_at: 'yesterday' }),
        j(5, { item_id: 'i3', x: 1, y: 2 }),
        j(6, { item_id: 'i4', duration_s: -3 }),
        j(7, { item_id: 'i5', score: Number.NaN }),
      ],
      { rejections: [{ source_row: 8, reason: 'adapter said no', line: 9, excerpt: '{…}' }] },
    );
    expect(source).toMatchObject({ rowsRead: 8, rowsLoaded: 1, rowsRejected: 7 });
    const reasons = await db.query(`SELECT source_row, line, reason FROM rejections ORDER BY source_row`);
    expect(reasons).toEqual([
      { source_row: 2, line: null, reason: 'the annotator is empty' },
      { source_row: 3, line: null, reason: 'no answer: label, score, text and box are all empty' },
      {
        source_row: 4,
        line: null,
        reason: 'submitted_at is not a date-time (ISO 8601 such as 2024-05-01T14:03:00Z, or Unix seconds): "yesterday"',
      },
      { source_row: 5, line: null, reason: 'a box needs all of x, y, w and h' },
      { source_row: 6, line: null, reason: 'duration_s is negative: -3' },
      { source_row: 7, line: null, reason: 'score is not a finite number: NaN' },
      { source_row: 8, line: 9, reason: 'adapter said no' },
    ]);
  });

  it('keeps the newest of repeated answers (by submitted_at, then the later record); boxes are never duplicates', async () => {
    const source = await insert([
      j(1, { label: 'old', submitted_at: '2024-01-02T00:00:00Z' }),
      j(2, { label: 'new', submitted_at: '2024-01-03T00:00:00+05:00' }),
      j(3, { label: 'oldest', submitted_at: 1704067200 }),
      j(4, { item_id: 'i2', label: 'first' }),
      j(5, { item_id: 'i2', label: 'second' }),
      j(6, { item_id: 'img', question: 'boxes', label: 'car', x: 1, y: 1, w: 2, h: 2 }),
      j(6, { item_id: 'img', question: 'boxes', label: 'car', x: 1, y: 1, w: 2, h: 2 }),
    ]);
    expect(source).toMatchObject({ rowsRead: 7, rowsLoaded: 4, rowsRejected: 3 });
    const kept = await db.query(`SELECT item_id, label, submitted_at FROM judgements ORDER BY item_id, label`);
    expect(kept).toEqual([
      { item_id: 'i1', label: 'new', submitted_at: Date.parse('2024-01-02T19:00:00Z') },
      { item_id: 'i2', label: 'second', submitted_at: null },
      { item_id: 'img', label: 'car', submitted_at: null },
      { item_id: 'img', label: 'car', submitted_at: null },
    ]);
    const reasons = await db.query<{ reason: string }>(`SELECT reason FROM rejections ORDER BY source_row`);
    expect(reasons.map((r) => r.reason)).toEqual([
      'duplicate answer: annotator "a" answered item "i1", question "q" again in record 2, which is newer and was kept',
      'duplicate answer: annotator "a" answered item "i1", question "q" again in record 2, which is newer and was kept',
      'duplicate answer: annotator "a" answered item "i2", question "q" again in record 5, which is newer and was kept',
    ]);
  });

  it('keeps text byte for byte (quotes, commas, newlines, tabs, non-Latin) and derives duration from start/submit', async () => {
    const tricky = 'say "hi", then\nleave\t— 日本語 ""';
    await insert([
      j(1, { label: tricky, text: tricky, started_at: '2024-05-01T10:00:00Z', submitted_at: '2024-05-01T10:01:30Z' }),
    ]);
    expect(await db.query(`SELECT label, text, duration_s, batch_id, strategy FROM judgements`)).toEqual([
      { label: tricky, text: tricky, duration_s: 90, batch_id: 'default', strategy: 'unspecified' },
    ]);
  });

  it('role gold: rows become answer-key rows; a conflicting gold is rejected, an exact repeat kept once', async () => {
    const source = await insert(
      [
        j(1, { label: 'yes' }),
        j(2, { label: 'yes', annotator_id: 'b' }),
        j(3, { label: 'no', annotator_id: 'c' }),
        j(4, { item_id: 'i2', label: 'no', batch_id: 'B1' }),
      ],
      { role: 'gold' },
    );
    expect(source).toMatchObject({ role: 'gold', rowsRead: 4, rowsLoaded: 3, rowsRejected: 1 });
    expect(await db.query(`SELECT batch_id, item_id, question, label FROM gold ORDER BY item_id`)).toEqual([
      { batch_id: '*', item_id: 'i1', question: 'q', label: 'yes' },
      { batch_id: 'B1', item_id: 'i2', question: 'q', label: 'no' },
    ]);
    expect(await db.query(`SELECT reason FROM rejections`)).toEqual([
      { reason: 'conflicting gold: item "i1", question "q" already has gold "yes" (record 1)' },
    ]);
  });

  it('loads an empty adapter result as a source with nothing read', async () => {
    const source = await insert([]);
    expect(source).toMatchObject({ rowsRead: 0, rowsLoaded: 0, rowsRejected: 0 });
  });
});
