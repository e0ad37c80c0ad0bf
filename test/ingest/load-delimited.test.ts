import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { refreshQuestions } from '../../src/lib/ingest/infer-questions';
import { loadDelimited } from '../../src/lib/ingest/load-delimited';
import { clearDb, freshDb, loadCsvText } from '../helpers/db';

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

const bytes = (text: string) => new TextEncoder().encode(text);

describe('loadDelimited: CSV dialects', () => {
  it('reads quoted fields with commas and quotes, unicode, a BOM and CRLF line ends', async () => {
    const text = '\ufeffitem,annotator,label\r\n"i,1",anna,"say ""hi"", please"\r\ni2,Zoë 👩‍🔬,日本語\r\n';
    const source = await loadCsvText(db, 'dialect.csv', text);
    expect(source).toMatchObject({ rowsRead: 2, rowsLoaded: 2, rowsRejected: 0, format: 'csv' });
    const rows = await db.query('SELECT item_id, annotator_id, label, source_row FROM judgements ORDER BY source_row');
    expect(rows).toEqual([
      { item_id: 'i,1', annotator_id: 'anna', label: 'say "hi", please', source_row: 1 },
      { item_id: 'i2', annotator_id: 'Zoë 👩‍🔬', label: '日本語', source_row: 2 },
    ]);
  });

  it('reads TSV and semicolon-separated files', async () => {
    await loadCsvText(db, 'a.tsv', 'task\tworker\tanswer\nt1\tw1\tyes\nt1\tw2\tno\n');
    await loadCsvText(db, 'b.csv', 'task;worker;answer\nt2;w1;1,5\n');
    const rows = await db.query('SELECT item_id, label FROM judgements ORDER BY item_id, annotator_id');
    expect(rows).toEqual([
      { item_id: 't1', label: 'yes' },
      { item_id: 't1', label: 'no' },
      { item_id: 't2', label: '1,5' },
    ]);
  });

  it('guesses the usual column names', async () => {
    const source = await loadCsvText(
      db,
      'ls.csv',
      'task_id,completed_by,choice,ground_truth,created_at,lead_time,cost\n1,7,pos,pos,2026-01-02T10:00:00Z,12.5,0.8\n',
    );
    expect(source.mapping).toEqual({
      item_id: 'task_id',
      annotator_id: 'completed_by',
      answer: 'choice',
      gold: 'ground_truth',
      submitted_at: 'created_at',
      duration_s: 'lead_time',
      cost_usd: 'cost',
    });
  });
});

describe('loadDelimited: nothing lost, nothing silent', () => {
  it('rejects rows with too many or too few fields, with their line, and loads the rest', async () => {
    const source = await loadCsvText(db, 'ragged.csv', 'item,annotator,label\n1,a,x\n2,b,y,EXTRA\n3,c\n4,d,z\n');
    expect(source).toMatchObject({ rowsRead: 4, rowsLoaded: 2, rowsRejected: 2 });
    const rejected = await db.query('SELECT source_row, line, reason FROM rejections ORDER BY line');
    expect(rejected).toEqual([
      { source_row: 2, line: 3, reason: 'too many fields: the header has 3, this row 4' },
      { source_row: 3, line: 4, reason: 'too few fields: the header has 3, this row 2' },
    ]);
    // the good rows keep their own record numbers around the rejected ones
    expect(await db.query('SELECT item_id, source_row FROM judgements ORDER BY source_row')).toEqual([
      { item_id: '1', source_row: 1 },
      { item_id: '4', source_row: 4 },
    ]);
  });

  it('numbers good rows by their record position however the rejected ones interleave', async () => {
    const pattern = 'gbbgbggbbbgg'; // g = good record, b = record with a missing field
    const lines = [...pattern].map((kind, i) => (kind === 'g' ? `${i + 1},a${i},x` : `${i + 1},a${i}`));
    const source = await loadCsvText(db, 'mixed.csv', ['item,annotator,label', ...lines].join('\n'));
    expect(source).toMatchObject({ rowsRead: 12, rowsLoaded: 6, rowsRejected: 6 });
    const good = await db.query<{ item_id: string; source_row: number }>(
      'SELECT item_id, source_row FROM judgements ORDER BY source_row',
    );
    // the item id is the record number, so each good row's source_row must equal it
    expect(good.map((r) => [Number(r.item_id), r.source_row])).toEqual(
      [...pattern].flatMap((kind, i) => (kind === 'g' ? [[i + 1, i + 1]] : [])),
    );
    const bad = await db.query<{ source_row: number }>('SELECT source_row FROM rejections ORDER BY source_row');
    expect(bad.map((r) => r.source_row)).toEqual([...pattern].flatMap((kind, i) => (kind === 'b' ? [i + 1] : [])));
  });

  it('rejects rows with empty ids or unusable values, naming the column and value', async () => {
    const text = [
      'item,annotator,label,submitted_at,duration,prelabeled',
      ',a,x,,,',
      '2,,x,,,',
      '3,c,,,,',
      '4,d,x,yesterday,,',
      '5,e,x,,fast,',
      '6,f,x,,-3,',
      '7,g,x,,,maybe',
      '8,h,x,2026-03-01T09:00:00+02:00,30,yes',
    ].join('\n');
    const source = await loadCsvText(db, 'values.csv', text);
    expect(source).toMatchObject({ rowsRead: 8, rowsLoaded: 1, rowsRejected: 7 });
    const reasons = (await db.query<{ reason: string }>('SELECT reason FROM rejections ORDER BY source_row')).map(
      (r) => r.reason,
    );
    expect(reasons).toEqual([
      'item_id (column "item") is empty',
      'annotator_id (column "annotator") is empty',
      'no answer: answer (column "label") is empty',
      'submitted_at (column "submitted_at") is not a date-time (use ISO 8601 such as 2024-05-01T14:03:00Z, or Unix seconds): "yesterday"',
      'duration_s (column "duration") is not a number: "fast"',
      'duration_s (column "duration") is negative: "-3"',
      'prelabeled (column "prelabeled") is not true/false: "maybe"',
    ]);
    // +02:00 is converted to UTC
    const [row] = await db.query("SELECT strftime(submitted_at, '%Y-%m-%d %H:%M') AS t, duration_s, prelabeled FROM judgements");
    expect(row).toEqual({ t: '2026-03-01 07:00', duration_s: 30, prelabeled: true });
  });

  it('keeps the newest of repeated answers by one annotator and rejects the others', async () => {
    const text =
      'item,annotator,label,submitted_at\n1,a,x,2026-01-01T10:00:00Z\n1,a,y,2026-01-01T11:00:00Z\n1,b,x,2026-01-01T10:00:00Z\n';
    const source = await loadCsvText(db, 'dupes.csv', text);
    expect(source).toMatchObject({ rowsRead: 3, rowsLoaded: 2, rowsRejected: 1 });
    expect(await db.query("SELECT label FROM judgements WHERE annotator_id = 'a'")).toEqual([{ label: 'y' }]);
    const [{ reason }] = await db.query<{ reason: string }>('SELECT reason FROM rejections');
    expect(reason).toBe(
      'duplicate answer: annotator "a" answered item "1", question "label" again in row 2, which is newer and was kept',
    );
  });

  it('fails the whole file on an unterminated quote, naming the line, and leaves nothing behind', async () => {
    await expect(loadCsvText(db, 'quote.csv', 'item,annotator,label\n1,a,x\n2,b,"never closed\n3,c,z\n')).rejects.toThrow(
      /^quote\.csv, line 3: a quoted field is opened but never closed/,
    );
    expect(
      await db.query(
        'SELECT (SELECT count(*) FROM judgements) + (SELECT count(*) FROM sources) + (SELECT count(*) FROM rejections) AS n',
      ),
    ).toEqual([{ n: 0 }]);
  });

  it('explains a missing item column, an empty file, a binary file and non-UTF-8 text', async () => {
    await expect(loadCsvText(db, 'noitem.csv', 'foo,annotator,label\n1,a,x\n')).rejects.toThrow(
      'noitem.csv, line 1: no column for the item id (item, task, id …); the header has: foo, annotator, label. Map one with --map COLUMN=item_id',
    );
    await expect(loadCsvText(db, 'empty.csv', '')).rejects.toThrow('empty.csv: the file is empty');
    await expect(
      loadDelimited(db, { fileName: 'image.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]) }),
    ).rejects.toThrow(/binary file/);
    const latin1 = new Uint8Array([...bytes('item,annotator,label\n1,a,'), 0xe9, 0x0a]);
    await expect(loadDelimited(db, { fileName: 'latin1.csv', bytes: latin1 })).rejects.toThrow(
      'latin1.csv, line 2: the text is not UTF-8 (byte 26)',
    );
  });

  it('refuses to load the same bytes twice (SHA-256), so nothing is double-counted', async () => {
    const text = 'item,annotator,label\n1,a,x\n';
    await loadCsvText(db, 'once.csv', text);
    await expect(loadCsvText(db, 'copy-of-once.csv', text)).rejects.toThrow(
      'copy-of-once.csv: the same file is already loaded (as "once.csv", identical SHA-256)',
    );
    expect(await db.query('SELECT count(*)::INTEGER AS n FROM judgements')).toEqual([{ n: 1 }]);
  });

  it('records rows_read = rows_loaded + rows_rejected and the SHA-256 in sources', async () => {
    await loadCsvText(db, 's.csv', 'item,annotator,label\n1,a,x\n2,b\n');
    const [s] = await db.query('SELECT file_name, rows_read, rows_loaded, rows_rejected, sha256 FROM sources');
    // sha256 of the exact bytes, computed independently: printf 'item,annotator,label\n1,a,x\n2,b\n' | sha256sum
    expect(s).toEqual({
      file_name: 's.csv',
      rows_read: 2,
      rows_loaded: 1,
      rows_rejected: 1,
      sha256: 'a44198ed71382d8c4cf966e432e79db8696ad945eedf7df2429b16a9fe6e70c6',
    });
  });
});

describe('gold', () => {
  it('takes gold from a column, one value per item, and drops conflicting gold with a warning', async () => {
    await loadCsvText(db, 'g.csv', 'item,annotator,label,gold\n1,a,x,x\n1,b,y,x\n2,a,x,y\n2,b,x,z\n3,a,x,\n');
    expect(await db.query('SELECT item_id, label FROM gold ORDER BY item_id')).toEqual([{ item_id: '1', label: 'x' }]);
    const [{ message }] = await db.query<{ message: string }>('SELECT message FROM warnings');
    expect(message).toBe('conflicting gold answers for item "2", question "label" (y / z): no gold used for it');
    expect(await db.query('SELECT annotator_id, is_correct FROM judgement_gold ORDER BY annotator_id')).toEqual([
      { annotator_id: 'a', is_correct: true },
      { annotator_id: 'b', is_correct: false },
    ]);
  });

  it('loads a separate gold file; without batch/question columns it applies to every batch and question', async () => {
    await loadCsvText(db, 'j.csv', 'batch,item,annotator,label\nb1,1,a,x\nb2,1,a,y\nb1,2,a,y\n');
    const gold = await loadDelimited(db, { fileName: 'key.csv', bytes: bytes('item,truth\n1,x\n2,x\n2,y\n'), role: 'gold' });
    expect(gold).toMatchObject({ role: 'gold', rowsRead: 3, rowsLoaded: 2, rowsRejected: 1 });
    const [{ reason }] = await db.query<{ reason: string }>('SELECT reason FROM rejections');
    expect(reason).toBe('conflicting gold: item "2", question "*" already has gold "x" (row 2)');
    await refreshQuestions(db);
    expect(await db.query('SELECT batch_id, item_id, is_correct FROM judgement_gold ORDER BY batch_id, item_id')).toEqual([
      { batch_id: 'b1', item_id: '1', is_correct: true },
      { batch_id: 'b1', item_id: '2', is_correct: false },
      { batch_id: 'b2', item_id: '1', is_correct: false },
    ]);
  });
});

describe('questions: kind and level', () => {
  it('infers category/nominal, number/ordinal (rating scale), number/interval and text; the user can override', async () => {
    const rows = ['item,annotator,question,answer'];
    for (let i = 1; i <= 30; i++) {
      rows.push(`${i},a,sentiment,${i % 2 ? 'pos' : 'neg'}`);
      rows.push(`${i},a,rating,${(i % 5) + 1}`);
      rows.push(`${i},a,temperature,${(i * 1.7).toFixed(1)}`);
      rows.push(`${i},a,summary,"This is a long free-text answer number ${i}, written by the annotator."`);
    }
    await loadCsvText(db, 'q.csv', rows.join('\n'));
    const questions = await db.query('SELECT question, value_kind, level FROM questions ORDER BY question');
    expect(questions).toEqual([
      { question: 'rating', value_kind: 'number', level: 'ordinal' },
      { question: 'sentiment', value_kind: 'category', level: 'nominal' },
      { question: 'summary', value_kind: 'text', level: 'nominal' },
      { question: 'temperature', value_kind: 'number', level: 'interval' },
    ]);
    expect(await db.query("SELECT categories FROM questions WHERE question = 'rating'")).toEqual([
      { categories: ['1', '2', '3', '4', '5'] },
    ]);
    await refreshQuestions(db, { rating: 'interval' });
    expect(await db.query("SELECT level, level_source FROM questions WHERE question = 'rating'")).toEqual([
      { level: 'interval', level_source: 'user' },
    ]);
  });
});
