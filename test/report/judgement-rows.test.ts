import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { disagreementBetween, goldErrorsIn, itemAnswers, judgementRows } from '../../src/lib/report/judgement-rows';
import { freshDb, loadCsvText } from '../helpers/db';

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
  await loadCsvText(
    db,
    'drill.csv',
    [
      'item,annotator,label,gold,submitted_at',
      'i1,a,x,x,2026-01-01T10:00:00Z',
      'i1,b,y,x,2026-01-01T11:00:00Z',
      'i2,a,x,,2026-01-02T10:00:00Z',
      'i2,b,x,,2026-01-02T10:30:00Z',
      'i3,a,z,y,2026-01-02T12:00:00Z',
      'i3,c,y,y,2026-01-02T12:30:00Z',
    ].join('\n'),
  );
});
afterAll(async () => {
  await db.close();
});

describe('the rows behind a number', () => {
  it('pages and searches the judgements, each traced to its file and row, with gold', async () => {
    const all = await judgementRows(db, {}, { limit: 2 });
    expect(all.total).toBe(6);
    expect(all.rows.map((r) => [r.item_id, r.annotator_id, r.file_name, r.source_row, r.gold, r.correct])).toEqual([
      ['i1', 'a', 'drill.csv', 1, 'x', true],
      ['i1', 'b', 'drill.csv', 2, 'x', false],
    ]);
    // the next page: picked in order before its gold and file are joined
    const next = await judgementRows(db, {}, { limit: 2, offset: 2 });
    expect(next.rows.map((r) => [r.item_id, r.annotator_id, r.source_row, r.gold, r.correct])).toEqual([
      ['i2', 'a', 3, null, null],
      ['i2', 'b', 4, null, null],
    ]);
    expect((await judgementRows(db, {}, { limit: 2, offset: 4 })).rows.map((r) => [r.item_id, r.gold, r.correct])).toEqual([
      ['i3', 'y', false],
      ['i3', 'y', true],
    ]);
    expect((await judgementRows(db, {}, { search: 'Z' })).rows.map((r) => r.item_id)).toEqual(['i3']);
  });

  it('pages in id order whatever the file order', async () => {
    const shuffled = await freshDb();
    try {
      await loadCsvText(shuffled, 'shuffled.csv', 'item,annotator,label\ni3,b,x\ni1,b,x\ni2,a,x\ni3,a,x\ni1,a,x\ni2,b,x\n');
      const pages = [0, 2, 4].map((offset) => judgementRows(shuffled, {}, { limit: 2, offset }));
      const ids = (await Promise.all(pages)).map((p) => p.rows.map((r) => `${r.item_id}/${r.annotator_id}@${r.source_row}`));
      expect(ids).toEqual([
        ['i1/a@5', 'i1/b@2'],
        ['i2/a@3', 'i2/b@6'],
        ['i3/a@4', 'i3/b@1'],
      ]);
    } finally {
      await shuffled.close();
    }
  });

  it('searches ids, questions, batches, labels and file names, ignoring case; % and _ are literal', async () => {
    const searched = await freshDb();
    try {
      await loadCsvText(searched, 'Vendor_A.csv', 'batch,item,annotator,question,label\nb1,a_1,Ann,q1,Yes\nb2,ab1,bob,q2,no\n');
      await loadCsvText(searched, 'vendor-b.csv', 'batch,item,annotator,question,label\nb1,x%y,cy,q1,maybe\n');
      const found = async (text: string) =>
        (await judgementRows(searched, {}, { search: text })).rows.map((r) => r.item_id).sort();
      expect(await found('a_')).toEqual(['a_1']); // as a wildcard, _ would also match ab1 and Ann
      expect(await found('_')).toEqual(['a_1', 'ab1']); // item a_1; ab1 through its file Vendor_A.csv
      expect(await found('%')).toEqual(['x%y']);
      expect(await found('ann')).toEqual(['a_1']);
      expect(await found('Q2')).toEqual(['ab1']);
      expect(await found('B1')).toEqual(['a_1', 'ab1', 'x%y']); // batch b1, and item ab1
      expect(await found('yes')).toEqual(['a_1']);
      expect(await found('vendor_a')).toEqual(['a_1', 'ab1']);
      expect(await found('VENDOR')).toEqual(['a_1', 'ab1', 'x%y']);
      expect(await found('zzz')).toEqual([]);
      expect((await judgementRows(searched, {}, { search: 'vendor' })).total).toBe(3);
    } finally {
      await searched.close();
    }
  });

  it('drills into the items two annotators disagree on (i1 only: they agree on i2, c rated i3)', async () => {
    const page = await judgementRows(db, {}, { condition: disagreementBetween('a', 'b') });
    expect(page.rows.map((r) => `${r.item_id}/${r.annotator_id}`)).toEqual(['i1/a', 'i1/b']);
  });

  it("drills into an annotator's errors against gold on one day", async () => {
    const day2 = await judgementRows(db, {}, { condition: goldErrorsIn({ annotator: 'a' }, { day: '2026-01-02' }) });
    expect(day2.rows.map((r) => `${r.item_id}/${r.answer}`)).toEqual(['i3/z']);
    const day1 = await judgementRows(db, {}, { condition: goldErrorsIn({ annotator: 'a' }, { day: '2026-01-01' }) });
    expect(day1.total).toBe(0);
  });

  it("puts each item's answers side by side with its gold", async () => {
    const { items, total } = await itemAnswers(db, {});
    expect(total).toBe(3);
    expect(items[0]).toEqual({
      batch_id: 'default',
      question: 'label',
      item_id: 'i1',
      gold: 'x',
      answers: [
        { annotator_id: 'a', answer: 'x', correct: true },
        { annotator_id: 'b', answer: 'y', correct: false },
      ],
    });
    expect(items[1].gold).toBeNull();
  });
});
