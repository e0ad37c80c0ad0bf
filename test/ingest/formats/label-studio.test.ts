import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { clearDb, freshDb } from '../../helpers/db';
import { EXPORTS, FIXTURES, judgementsOf, loadPath, reasonsOf } from './fixture-loading';

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

describe('Label Studio full JSON export', () => {
  // test/fixtures/labelstudio/full-export.json: written from Label Studio's documented JSON export (see README.md there).
  it('reads choices, rating, textarea, pairwise and boxes; rejects cancelled, unsupported and duplicate answers', async () => {
    const source = await loadPath(db, join(FIXTURES, 'labelstudio', 'full-export.json'));
    expect(source.detected).toBe('labelstudio');
    // 9 result rows + 1 ground-truth gold row; 5 rejections (region attribute, span, cancelled, empty task, duplicate).
    expect(source).toMatchObject({ rowsRead: 14, rowsLoaded: 9, rowsRejected: 5 });
    const rows = await judgementsOf(
      db,
      source.sourceId,
      'item_id, question, annotator_id, label, score, text, x, y, w, h, image_w, image_h, duration_s, prelabeled, option_a, option_b, shown_first, batch_id',
    );
    const find = (item: string, question: string, annotator: string) =>
      rows.find((r) => r.item_id === item && r.question === question && r.annotator_id === annotator);
    // The annotation's lead_time, 42.5 s, is shared by its four rows (sentiment, quality, caption, a box).
    expect(find('101', 'sentiment', 'ann@example.com')).toMatchObject({
      label: 'Positive',
      duration_s: 42.5 / 4,
      prelabeled: false,
      batch_id: '7',
    });
    const annTimes = rows.filter((r) => r.item_id === '101' && r.annotator_id === 'ann@example.com').map((r) => r.duration_s);
    expect(annTimes).toEqual([42.5 / 4, 42.5 / 4, 42.5 / 4, 42.5 / 4]);
    expect(find('101', 'quality', 'ann@example.com')).toMatchObject({ label: '4', score: 4 });
    expect(find('101', 'caption', 'ann@example.com')).toMatchObject({ text: 'a red car\nnext to a tree' });
    // Box: 10 %, 20 %, 25 %, 50 % of 800 × 600 px → 80, 120, 200, 300 px.
    const box = find('101', 'objects', 'ann@example.com')!;
    expect(box).toMatchObject({ label: 'Car', image_w: 800, image_h: 600 });
    expect(box.x as number).toBeCloseTo(80, 9);
    expect(box.y as number).toBeCloseTo(120, 9);
    expect(box.w as number).toBeCloseTo(200, 9);
    expect(box.h as number).toBeCloseTo(300, 9);
    // Annotator 12 answered sentiment twice: the newer (2024-03-02, "Neutral") is kept.
    expect(rows.filter((r) => r.item_id === '101' && r.question === 'sentiment' && r.annotator_id === '12')).toEqual([
      expect.objectContaining({ label: 'Neutral', prelabeled: false }),
    ]);
    expect(find('101', 'quality', '12')).toMatchObject({ score: 2, prelabeled: true });
    expect(find('102', 'better', '11')).toMatchObject({
      label: 'A',
      option_a: 'answer_a',
      option_b: 'answer_b',
      shown_first: 'A',
    });
    expect(find('102', 'better', '14')).toMatchObject({ label: 'B' });
    expect(find('102', 'better', '13')).toBeUndefined();
    const gold = await db.query(`SELECT item_id, question, label FROM gold WHERE source_id = ${source.sourceId}`);
    expect(gold).toEqual([{ item_id: '102', question: 'better', label: 'A' }]);
    const reasons = await reasonsOf(db, source.sourceId);
    expect(reasons).toHaveLength(5);
    expect(reasons.some((r) => /car_colour.*per-region/.test(r))).toBe(true);
    expect(reasons.some((r) => /result type "labels"/.test(r))).toBe(true);
    expect(reasons.some((r) => /annotation 2002 of task 102 by annotator "12" was cancelled/.test(r))).toBe(true);
    expect(reasons.some((r) => /task 103 has no annotation \(only model predictions\)/.test(r))).toBe(true);
    expect(reasons.some((r) => /^duplicate answer: annotator "12" answered item "101", question "sentiment"/.test(r))).toBe(true);
    const [question] = await db.query(`SELECT value_kind FROM questions WHERE question = 'objects'`);
    expect(question).toEqual({ value_kind: 'box' });
  });

  // shared/realdata/exports/label_studio/test_export_yolo_data.json (HumanSignal/label-studio-sdk test data):
  // task 1 has annotations by completed_by 2 and 1 (2 boxes each), task 2 one annotation (2 boxes), 2800 × 2800 px.
  it('reads the real YOLO-test export: 3 annotations, 6 boxes, percent → pixels', async () => {
    const source = await loadPath(db, join(EXPORTS, 'label_studio', 'test_export_yolo_data.json'));
    expect(source).toMatchObject({ rowsRead: 6, rowsLoaded: 6, rowsRejected: 0 });
    const rows = await judgementsOf(db, source.sourceId, 'item_id, annotator_id, label, x, y, w, h, duration_s, submitted_at');
    expect(rows.map((r) => `${r.item_id}/${r.annotator_id}`).sort()).toEqual(['1/1', '1/1', '1/2', '1/2', '2/1', '2/1']);
    // First result of the file: x 37.15846994535519 %, y 70.67395264116576 %, w 4.189435336976321 %, h 4.735883424408015 % of 2800.
    const first = rows.find((r) => r.annotator_id === '2' && r.label === 'parasites')!;
    expect(first.x as number).toBeCloseTo((37.15846994535519 * 2800) / 100, 9);
    expect(first.y as number).toBeCloseTo((70.67395264116576 * 2800) / 100, 9);
    expect(first.w as number).toBeCloseTo((4.189435336976321 * 2800) / 100, 9);
    expect(first.h as number).toBeCloseTo((4.735883424408015 * 2800) / 100, 9);
    // lead_time 1235.418 s for the annotation's two boxes: half each, so its assignment's time is the lead_time
    expect(first.duration_s).toBeCloseTo(1235.418 / 2, 9);
    expect(first.submitted_at).toBe(Date.parse('2022-12-27T13:36:25.747Z'));
  });

  // csv_test.json: completed_by is an object (id 1, hakan@heartex.com); the annotations start from predictions.
  it('uses the e-mail of a completed_by object and marks prediction-based answers as pre-labelled', async () => {
    const source = await loadPath(db, join(EXPORTS, 'label_studio', 'csv_test.json'));
    const rows = await judgementsOf(db, source.sourceId, 'annotator_id, prelabeled, label');
    expect(rows.length).toBe(source.rowsLoaded);
    expect(new Set(rows.map((r) => r.annotator_id))).toEqual(new Set(['hakan@heartex.com']));
    expect(rows.every((r) => r.prelabeled === true && r.label === 'Car')).toBe(true);
  });

  // csv_test2.json: one choices result whose value has quotes, tabs, newlines and Cyrillic.
  it('keeps a choice with quotes, tabs, newlines and Cyrillic byte for byte', async () => {
    const source = await loadPath(db, join(EXPORTS, 'label_studio', 'csv_test2.json'));
    const rows = await judgementsOf(db, source.sourceId, 'item_id, question, annotator_id, label, duration_s');
    expect(rows).toEqual([
      {
        item_id: '4',
        question: 'uri_selection',
        annotator_id: 'test@heartex.com',
        label: 'Yes " "" \n \t \t а б в \n',
        duration_s: 10.744,
      },
    ]);
  });
});

describe('Label Studio JSON-MIN and CSV exports', () => {
  // test/fixtures/labelstudio/json-min.json and export.csv (the same 5 annotations; README.md there).
  for (const file of ['json-min.json', 'export.csv']) {
    it(`reads ${file}: result columns found, boxes in pixels, a row without annotator rejected`, async () => {
      const source = await loadPath(db, join(FIXTURES, 'labelstudio', file));
      expect(source.detected).toBe(file.endsWith('.csv') ? 'labelstudio-csv' : 'labelstudio-min');
      expect(source).toMatchObject({ rowsRead: 11, rowsLoaded: 10, rowsRejected: 1 });
      const rows = await judgementsOf(
        db,
        source.sourceId,
        'item_id, question, annotator_id, label, score, x, y, w, h, duration_s',
      );
      expect(new Set(rows.map((r) => r.question))).toEqual(new Set(['sentiment', 'quality', 'topics', 'objects']));
      expect(rows.find((r) => r.question === 'topics' && r.annotator_id === 'ann@example.com')).toMatchObject({
        label: 'politics|sports',
      });
      // bob's lead_time of 7 s, shared by the three answers of his annotation
      expect(rows.find((r) => r.question === 'quality' && r.annotator_id === 'bob@example.com')).toMatchObject({
        score: 5,
        duration_s: 7 / 3,
      });
      // 10 %, 10 %, 20 %, 40 % of 1000 × 500 → 100, 50, 200, 200 px.
      expect(rows.find((r) => r.question === 'objects')).toMatchObject({ label: 'Ball', x: 100, y: 50, w: 200, h: 200 });
      expect(await reasonsOf(db, source.sourceId)).toEqual(['task 203: the annotator is empty']);
    });
  }

  // shared/realdata/exports/label_studio/csv_test2_result.csv: the SDK's CSV export of csv_test2.json (tab-separated);
  // it has no column for the choices control, so there is nothing to load unless a column is named.
  it('says which columns it saw when no result column can be found, and loads a named one', async () => {
    const path = join(EXPORTS, 'label_studio', 'csv_test2_result.csv');
    await expect(loadPath(db, path)).rejects.toThrow(
      /csv_test2_result\.csv, line 1: cannot tell which columns hold the annotations: none of _row_id, alternative_titles/,
    );
    const source = await loadPath(db, path, { controls: ['title'] });
    expect(await judgementsOf(db, source.sourceId, 'item_id, question, annotator_id, label, duration_s')).toEqual([
      { item_id: '4', question: 'title', annotator_id: 'test@heartex.com', label: 'TAN BAI', duration_s: 10.744 },
    ]);
  });
});
