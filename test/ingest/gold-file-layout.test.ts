import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { loadFile } from '../../src/lib/ingest/load-file';
import { freshDb } from '../helpers/db';

// Regression: an answer key has no annotator column, which for judgements means a wide
// table (one column per annotator). A gold file must still be read as long rows — the
// sample's gold boxes were once read as "wide" and 907 of 970 records rejected.
let db: Connector;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(async () => {
  await db.close();
});

const bytes = (text: string) => new TextEncoder().encode(text);

describe('loadFile with role gold', () => {
  it('reads an item-keyed answer key with boxes as long gold rows', async () => {
    const gold =
      'item_id,question,gold,x,y,w,h\nimg1,boxes,cat,10,20,30,40\nimg1,boxes,dog,50,60,70,80\nimg2,boxes,cat,1,2,3,4\n';
    const source = await loadFile(db, { fileName: 'key.csv', bytes: bytes(gold), role: 'gold' });
    expect(source).toMatchObject({ detected: 'csv', rowsRead: 3, rowsLoaded: 3, rowsRejected: 0 });
    expect(await db.query('SELECT item_id, label, x, y, w, h FROM gold ORDER BY item_id, label')).toEqual([
      { item_id: 'img1', label: 'cat', x: 10, y: 20, w: 30, h: 40 },
      { item_id: 'img1', label: 'dog', x: 50, y: 60, w: 70, h: 80 },
      { item_id: 'img2', label: 'cat', x: 1, y: 2, w: 3, h: 4 },
    ]);
  });

  it('still reads a judgements table without an annotator column as wide', async () => {
    const wide = 'item,rater_a,rater_b\n1,x,y\n2,x,x\n';
    const source = await loadFile(db, { fileName: 'wide.csv', bytes: bytes(wide) });
    expect(source).toMatchObject({ detected: 'csv-wide', rowsLoaded: 4 });
  });
});
