import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { openNativeNode } from '../../src/lib/db/native-node';
import { createCanonicalTables } from '../../src/lib/db/schema';
import { loadDelimited } from '../../src/lib/ingest/load-delimited';

// The CSV loader numbers rows by the order its CREATE TABLE AS stores them (load-delimited.ts).
// duckdb-wasm runs one thread, so only a multi-threaded engine can break that order: this
// test reads a file large enough to be split between threads on native DuckDB, with every
// field mapped (so every check and parse expression is in the statement).
let db: Connector;
beforeAll(async () => {
  db = await openNativeNode({ threads: 2 });
  await createCanonicalTables(db);
});
afterAll(async () => {
  await db.close();
});

const ROWS = 150_000;

function csv(): Uint8Array {
  const header =
    'batch,strategy,item,question,annotator,value_kind,answer,gold,text,started_at,submitted_at,duration,cost,prelabeled,option_a,option_b,shown_first,x,y,w,h,image_w,image_h';
  const lines = [header];
  for (let r = 1; r <= ROWS; r++) {
    // every row unique and valid; the item id is the record number
    const box = r % 7 === 0 ? `${r % 50},${r % 40},10,12,640,480` : ',,,,,';
    lines.push(
      `b${r % 3},s,${r},q${r % 2},a${r % 11},${r % 7 === 0 ? 'box' : 'category'},${r % 7 === 0 ? '' : 'x'},${r % 5 === 0 ? 'x' : ''},,` +
        `2026-01-0${1 + (r % 9)}T10:00:00Z,${1_700_000_000 + r},${r % 90},0.5,${r % 2 ? 'yes' : 'no'},m1,m2,${r % 2 ? 'A' : 'b'},${box}`,
    );
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

describe('loadDelimited on several threads', () => {
  it('numbers every row by its record position (source_row = the item id written in that row)', async () => {
    const bytes = csv();
    expect(bytes.length).toBeGreaterThan(12_000_000); // larger than one thread's share of the file
    const source = await loadDelimited(db, { fileName: 'order.csv', bytes });
    expect(source).toMatchObject({ rowsRead: ROWS, rowsLoaded: ROWS, rowsRejected: 0 });
    const [check] = await db.query<{ rows: number; misnumbered: number; out_of_order: number }>(
      `SELECT count(*)::INTEGER AS rows, count(*) FILTER (WHERE source_row <> item_id::BIGINT)::INTEGER AS misnumbered,
        count(*) FILTER (WHERE source_row <> rowid + 1)::INTEGER AS out_of_order FROM judgements`,
    );
    expect(check).toEqual({ rows: ROWS, misnumbered: 0, out_of_order: 0 });
    // each row's integer keys (integer-keys.ts) are those of its own strings
    const [keys] = await db.query<{ wrong: number }>(
      `SELECT count(*)::INTEGER AS wrong FROM judgements j
        LEFT JOIN item_keys i USING (item_no) LEFT JOIN question_keys q USING (question_no) LEFT JOIN annotator_keys a USING (annotator_no)
        WHERE (i.batch_id, i.item_id, q.batch_id, q.strategy, q.question, a.annotator_id)
          IS DISTINCT FROM (j.batch_id, j.item_id, j.batch_id, j.strategy, j.question, j.annotator_id)`,
    );
    expect(keys.wrong).toBe(0);
  });
});
