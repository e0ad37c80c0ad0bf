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

describe('CVAT for images 1.1 XML', () => {
  // shared/realdata/exports/cvat/annotations.xml (openvinotoolkit/datumaro test asset): 6 images in 3 subsets,
  // each subset with one box label1 (xtl 0, ytl 2, xbr 4, ybr 4 on an 8 × 8 image), a polyline, a polygon and points.
  it('reads the real project export: 3 boxes (one per subset), the 9 other shapes rejected with the reason', async () => {
    const source = await loadPath(db, join(EXPORTS, 'cvat', 'annotations.xml'));
    expect(source.detected).toBe('cvat');
    expect(source).toMatchObject({ rowsRead: 12, rowsLoaded: 3, rowsRejected: 9 });
    const rows = await judgementsOf(db, source.sourceId, 'batch_id, item_id, annotator_id, label, x, y, w, h, image_w, image_h');
    expect(rows.map((r) => r.batch_id).sort()).toEqual(['Test', 'Train', 'Validation']);
    for (const row of rows) {
      // No assignee in the file: the task owner "tester" is the annotator.
      expect(row).toMatchObject({
        item_id: 'img0.jpg',
        annotator_id: 'tester',
        label: 'label1',
        x: 0,
        y: 2,
        w: 4,
        h: 2,
        image_w: 8,
        image_h: 8,
      });
    }
    const reasons = await reasonsOf(db, source.sourceId);
    expect(reasons.filter((r) => /^a polygon on image/.test(r))).toHaveLength(3);
    expect(reasons.filter((r) => /^a polyline on image/.test(r))).toHaveLength(3);
    expect(reasons.filter((r) => /^a points on image/.test(r))).toHaveLength(3);
  });

  // test/fixtures/cvat/job-annotations.xml (README.md there): a job assigned to "dana".
  it('reads a job export: boxes in pixels, a tag, the assignee as annotator; rejects a rotated box and a polygon', async () => {
    const source = await loadPath(db, join(FIXTURES, 'cvat', 'job-annotations.xml'));
    expect(source).toMatchObject({ rowsRead: 5, rowsLoaded: 3, rowsRejected: 2 });
    expect(await judgementsOf(db, source.sourceId, 'item_id, question, annotator_id, label, x, y, w, h')).toEqual([
      { item_id: 'frames/f-000.jpg', question: 'boxes', annotator_id: 'dana', label: 'car', x: 10.5, y: 20.25, w: 100, h: 60 },
      { item_id: 'frames/f-000.jpg', question: 'boxes', annotator_id: 'dana', label: 'person', x: 300, y: 100, w: 40, h: 120 },
      {
        item_id: 'frames/f-000.jpg',
        question: 'tag',
        annotator_id: 'dana',
        label: 'daytime',
        x: null,
        y: null,
        w: null,
        h: null,
      },
    ]);
    // source="manual" on every box: none started from automatic annotation.
    expect(await db.query(`SELECT DISTINCT prelabeled FROM judgements WHERE question = 'boxes'`)).toEqual([
      { prelabeled: false },
    ]);
    const reasons = await reasonsOf(db, source.sourceId);
    expect(reasons).toEqual([
      'a box on image "frames/f-001.jpg" is rotated by 15.5°: only axis-aligned boxes are compared',
      'a polygon on image "frames/f-001.jpg" is not compared yet: AnnoQA reads CVAT boxes and tags',
    ]);
  });

  it('names the annotator given when loading', async () => {
    const source = await loadPath(db, join(FIXTURES, 'cvat', 'job-annotations.xml'), { annotator: 'reviewer-7' });
    const rows = await judgementsOf(db, source.sourceId, 'DISTINCT annotator_id');
    expect(rows).toEqual([{ annotator_id: 'reviewer-7' }]);
  });
});

describe('COCO JSON', () => {
  // test/fixtures/coco/instances.json (README.md there): bbox = [x, y, width, height] in pixels.
  it('reads boxes with category names; annotator from the annotation, else info.contributor; bad references rejected', async () => {
    const source = await loadPath(db, join(FIXTURES, 'coco', 'instances.json'));
    expect(source.detected).toBe('coco');
    expect(source).toMatchObject({ rowsRead: 6, rowsLoaded: 3, rowsRejected: 3 });
    expect(await judgementsOf(db, source.sourceId, 'item_id, annotator_id, label, x, y, w, h, image_w, image_h')).toEqual([
      { item_id: 'street-001.jpg', annotator_id: 'eve', label: 'car', x: 200, y: 100, w: 80, h: 50, image_w: 1280, image_h: 720 },
      {
        item_id: 'street-001.jpg',
        annotator_id: 'frank',
        label: 'person',
        x: 400,
        y: 300,
        w: 40,
        h: 120,
        image_w: 1280,
        image_h: 720,
      },
      {
        item_id: 'street-002.jpg',
        annotator_id: 'eve',
        label: 'car',
        x: 10.5,
        y: 20.25,
        w: 100,
        h: 60,
        image_w: 1280,
        image_h: 720,
      },
    ]);
    const reasons = await reasonsOf(db, source.sourceId);
    expect(reasons[0]).toMatch(/annotation 4 refers to category_id 9/);
    expect(reasons[1]).toMatch(/annotation 5 refers to image_id 3/);
    expect(reasons[2]).toMatch(/annotation 6 has no bbox/);
  });

  it('loads a COCO file as the answer key (role gold): boxes go to gold', async () => {
    const source = await loadPath(db, join(FIXTURES, 'coco', 'instances.json'), { role: 'gold' });
    expect(source).toMatchObject({ role: 'gold', rowsLoaded: 3, rowsRejected: 3 });
    const gold = await db.query(`SELECT batch_id, item_id, question, label, x, w FROM gold ORDER BY item_id, x`);
    expect(gold).toEqual([
      { batch_id: '*', item_id: 'street-001.jpg', question: 'boxes', label: 'car', x: 200, w: 80 },
      { batch_id: '*', item_id: 'street-001.jpg', question: 'boxes', label: 'person', x: 400, w: 40 },
      { batch_id: '*', item_id: 'street-002.jpg', question: 'boxes', label: 'car', x: 10.5, w: 100 },
    ]);
    expect(await db.query('SELECT count(*)::INTEGER AS n FROM judgements')).toEqual([{ n: 0 }]);
  });
});
