import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { insertCanonicalRows } from '../../src/lib/ingest/insert-canonical-rows';
import { clearDb, freshDb, loadCsvText } from '../helpers/db';

// integer-keys.ts: every judgement carries item_no (batch, item), question_no (batch,
// strategy, question) and annotator_no; one key has one number across all loaded files.
let db: Connector;
beforeAll(async () => {
  db = await freshDb();
});
beforeEach(async () => {
  await clearDb(db);
});
afterAll(async () => {
  await db.close();
});

/** Every judgement's numbers against its own strings: the number of distinct strings per number and vice versa. */
async function keyConsistency() {
  const [row] = await db.query<Record<string, number>>(`SELECT
      count(DISTINCT (batch_id, item_id))::INTEGER AS items, count(DISTINCT item_no)::INTEGER AS item_nos,
      count(DISTINCT (batch_id, item_id, item_no))::INTEGER AS item_pairs,
      count(DISTINCT (batch_id, strategy, question))::INTEGER AS questions, count(DISTINCT question_no)::INTEGER AS question_nos,
      count(DISTINCT (batch_id, strategy, question, question_no))::INTEGER AS question_pairs,
      count(DISTINCT annotator_id)::INTEGER AS annotators, count(DISTINCT annotator_no)::INTEGER AS annotator_nos,
      count(DISTINCT (annotator_id, annotator_no))::INTEGER AS annotator_pairs
    FROM judgements`);
  return row;
}

const FIRST = `batch,item,question,annotator,answer
b1,it-2,q,ann-b,x
b1,it-1,q,ann-a,y
b2,it-1,q,ann-a,x
b1,it-1,r,ann-b,z
`;
const SECOND = `batch,strategy,item,question,annotator,answer
b1,s,it-1,q,ann-c,x
b1,,it-1,q,ann-a2,x
b3,,it-9,q,ann-b,y
`;

describe('integer keys', () => {
  it('numbers new keys in sorted order and gives a key loaded again by another file the same number', async () => {
    await loadCsvText(db, 'first.csv', FIRST);
    await loadCsvText(db, 'second.csv', SECOND);
    const rows = await db.query(
      `SELECT batch_id, strategy, item_id, question, annotator_id, item_no, question_no, annotator_no FROM judgements ORDER BY source_id, source_row`,
    );
    expect(rows).toEqual([
      // first file: keys numbered in their sort order
      {
        batch_id: 'b1',
        strategy: 'unspecified',
        item_id: 'it-2',
        question: 'q',
        annotator_id: 'ann-b',
        item_no: 2,
        question_no: 1,
        annotator_no: 2,
      },
      {
        batch_id: 'b1',
        strategy: 'unspecified',
        item_id: 'it-1',
        question: 'q',
        annotator_id: 'ann-a',
        item_no: 1,
        question_no: 1,
        annotator_no: 1,
      },
      {
        batch_id: 'b2',
        strategy: 'unspecified',
        item_id: 'it-1',
        question: 'q',
        annotator_id: 'ann-a',
        item_no: 3,
        question_no: 3,
        annotator_no: 1,
      },
      {
        batch_id: 'b1',
        strategy: 'unspecified',
        item_id: 'it-1',
        question: 'r',
        annotator_id: 'ann-b',
        item_no: 1,
        question_no: 2,
        annotator_no: 2,
      },
      // second file: known keys keep their numbers, new ones continue after the largest
      {
        batch_id: 'b1',
        strategy: 's',
        item_id: 'it-1',
        question: 'q',
        annotator_id: 'ann-c',
        item_no: 1,
        question_no: 4,
        annotator_no: 4,
      },
      {
        batch_id: 'b1',
        strategy: 'unspecified',
        item_id: 'it-1',
        question: 'q',
        annotator_id: 'ann-a2',
        item_no: 1,
        question_no: 1,
        annotator_no: 3,
      },
      {
        batch_id: 'b3',
        strategy: 'unspecified',
        item_id: 'it-9',
        question: 'q',
        annotator_id: 'ann-b',
        item_no: 4,
        question_no: 5,
        annotator_no: 2,
      },
    ]);
  });

  it('keys rows of every loader (the canonical-records path too) and starts again after the tables are cleared', async () => {
    await loadCsvText(db, 'first.csv', FIRST);
    await clearDb(db);
    await insertCanonicalRows(db, {
      fileName: 'records.json',
      bytes: new TextEncoder().encode('records'),
      format: 'test',
      rows: [
        { source_row: 1, item_id: 'z', question: 'q', annotator_id: 'ann-z', label: 'x' },
        { source_row: 2, item_id: 'y', question: 'q', annotator_id: 'ann-z', label: 'x' },
      ],
      rejections: [],
    });
    expect(await db.query(`SELECT item_id, item_no, annotator_no FROM judgements ORDER BY item_id`)).toEqual([
      { item_id: 'y', item_no: 1, annotator_no: 1 },
      { item_id: 'z', item_no: 2, annotator_no: 1 },
    ]);
  });

  it('gives one number per key and one key per number on many rows', async () => {
    const lines = ['batch,strategy,item,question,annotator,answer'];
    for (let r = 0; r < 30_000; r++) lines.push(`b${r % 3},s${r % 2},item-${r % 4001},q${r % 5},a${r % 37},x`);
    await loadCsvText(db, 'many.csv', lines.join('\n'));
    await loadCsvText(
      db,
      'more.csv',
      lines
        .slice(0, 1)
        .concat(lines.slice(1).map((l) => l.replace(/^b/, 'c')))
        .join('\n'),
    );
    const check = await keyConsistency();
    expect(check.items).toBeGreaterThan(1000);
    expect(check).toEqual({
      items: check.items,
      item_nos: check.items,
      item_pairs: check.items,
      questions: check.questions,
      question_nos: check.questions,
      question_pairs: check.questions,
      annotators: 37,
      annotator_nos: 37,
      annotator_pairs: 37,
    });
  });
});
