import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { clearDb, freshDb } from '../../helpers/db';
import { FIXTURES, judgementsOf, loadPath, reasonsOf } from './fixture-loading';

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

describe('Labelbox export v2 NDJSON', () => {
  // test/fixtures/labelbox/export-v2.ndjson (README.md there): 3 data rows, 6 labels, one benchmark per row.
  it('reads boxes (top/left/height/width → x/y/w/h) and radio/checklist/text classifications; benchmarks become gold', async () => {
    const source = await loadPath(db, join(FIXTURES, 'labelbox', 'export-v2.ndjson'));
    expect(source.detected).toBe('labelbox');
    // 8 judgements + 3 gold rows; rejected: a polygon, a skipped label, a data row without labels.
    expect(source).toMatchObject({ rowsRead: 14, rowsLoaded: 11, rowsRejected: 3 });
    const rows = await judgementsOf(
      db,
      source.sourceId,
      'batch_id, item_id, question, annotator_id, label, text, x, y, w, h, image_w, duration_s, submitted_at',
    );
    expect(rows.filter((r) => r.question === 'boxes').map((r) => [r.annotator_id, r.label, r.x, r.y, r.w, r.h])).toEqual([
      ['ann@example.com', 'Car', 200, 100, 80, 50],
      ['ann@example.com', 'Person', 400, 300, 40, 120],
      ['bob@example.com', 'Car', 198, 104, 82, 48],
    ]);
    const ann = rows.filter((r) => r.annotator_id === 'ann@example.com' && r.item_id === 'street-001.jpg');
    // seconds_to_create, 31.5 s, shared by the label's five rows (two boxes, three classifications)
    expect(ann.find((r) => r.question === 'Weather')).toMatchObject({
      label: 'Sunny',
      batch_id: 'batch-A',
      duration_s: 31.5 / 5,
      image_w: 1280,
      submitted_at: Date.parse('2024-05-01T10:00:00Z'),
    });
    expect(ann.find((r) => r.question === 'Issues')).toMatchObject({ label: 'Blurry|Occluded' });
    expect(ann.find((r) => r.question === 'Caption')).toMatchObject({ text: 'Two cars and a pedestrian' });
    expect(rows.find((r) => r.item_id === 'street-002.jpg')).toMatchObject({
      annotator_id: 'ann@example.com',
      question: 'Weather',
      label: 'Rain',
    });
    expect(rows.some((r) => r.annotator_id === 'lead@example.com' || r.annotator_id === 'cat@example.com')).toBe(false);
    const gold = await db.query(`SELECT item_id, question, label, x, y, w, h FROM gold ORDER BY item_id, question`);
    expect(gold).toEqual([
      { item_id: 'street-001.jpg', question: 'Weather', label: 'Sunny', x: null, y: null, w: null, h: null },
      { item_id: 'street-001.jpg', question: 'boxes', label: 'Car', x: 201, y: 101, w: 80, h: 50 },
      { item_id: 'street-002.jpg', question: 'Weather', label: 'Rain', x: null, y: null, w: null, h: null },
    ]);
    const reasons = await reasonsOf(db, source.sourceId);
    expect(reasons).toHaveLength(3);
    expect(reasons[0]).toMatch(/ImagePolygon object "Road" on "street-002.jpg" is not compared yet/);
    expect(reasons[1]).toMatch(/label lb-5 of "street-002.jpg" by "bob@example.com" was skipped/);
    expect(reasons[2]).toMatch(/data row "street-003.jpg" has no label/);
  });
});

describe('Argilla records', () => {
  // test/fixtures/argilla/records-v2.json (Argilla 2.x record layout; README.md there).
  it('reads 2.x responses per question and user; suggestions mark pre-labels; drafts, discards and rankings rejected', async () => {
    const source = await loadPath(db, join(FIXTURES, 'argilla', 'records-v2.json'));
    expect(source.detected).toBe('argilla');
    expect(source).toMatchObject({ rowsRead: 10, rowsLoaded: 6, rowsRejected: 4 });
    const rows = await judgementsOf(db, source.sourceId, 'item_id, question, annotator_id, label, score, prelabeled');
    expect(rows).toEqual([
      { item_id: 'rec-1', question: 'correct', annotator_id: 'u-ann', label: 'yes', score: null, prelabeled: true },
      { item_id: 'rec-1', question: 'correct', annotator_id: 'u-bob', label: 'no', score: null, prelabeled: true },
      { item_id: 'rec-1', question: 'quality', annotator_id: 'u-ann', label: '5', score: 5, prelabeled: false },
      { item_id: 'rec-1', question: 'quality', annotator_id: 'u-bob', label: '4', score: 4, prelabeled: false },
      { item_id: 'rec-1', question: 'topics', annotator_id: 'u-ann', label: 'arithmetic|math', score: null, prelabeled: false },
      { item_id: 'rec-2', question: 'correct', annotator_id: 'u-ann', label: 'no', score: null, prelabeled: false },
    ]);
    const reasons = await reasonsOf(db, source.sourceId);
    expect(reasons).toEqual([
      'record "rec-1", question "note": the response of user "u-bob" is draft, not submitted',
      'record "rec-2", question "correct": the response of user "u-cat" is discarded, not submitted',
      'record "rec-2", question "ranking": ranking answers are not compared yet',
      'record "rec-3" has no response',
    ]);
  });

  // test/fixtures/argilla/records-v1.jsonl (Argilla 1.x FeedbackDataset layout; README.md there).
  it('reads 1.x FeedbackDataset records (responses with values, updated_at) from JSON Lines', async () => {
    const source = await loadPath(db, join(FIXTURES, 'argilla', 'records-v1.jsonl'));
    expect(source).toMatchObject({ detected: 'argilla', rowsRead: 6, rowsLoaded: 5, rowsRejected: 1 });
    const rows = await judgementsOf(
      db,
      source.sourceId,
      'item_id, question, annotator_id, label, score, prelabeled, submitted_at',
    );
    expect(rows.find((r) => r.item_id === 'ex-1' && r.question === 'sentiment' && r.annotator_id === 'u-bob')).toEqual({
      item_id: 'ex-1',
      question: 'sentiment',
      annotator_id: 'u-bob',
      label: 'negative',
      score: null,
      prelabeled: true,
      submitted_at: Date.parse('2023-10-01T11:02:00Z'),
    });
    expect(rows.find((r) => r.item_id === 'ex-1' && r.question === 'stars' && r.annotator_id === 'u-ann')).toMatchObject({
      score: 3,
      prelabeled: false,
    });
    expect(await reasonsOf(db, source.sourceId)).toEqual([
      'record "ex-2", question "(no question)": the response of user "u-ann" is discarded, not submitted',
    ]);
  });
});
