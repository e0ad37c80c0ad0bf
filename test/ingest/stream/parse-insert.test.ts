import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { refreshQuestions } from '../../../src/lib/ingest/infer-questions';
import { insertParsedFile } from '../../../src/lib/ingest/insert-parsed-file';
import { loadFile } from '../../../src/lib/ingest/load-file';
import { parseFile, parsedBuffers } from '../../../src/lib/ingest/parse-file';
import { unusedColumns } from '../../../src/lib/ingest/unused-columns';
import { clearDb, freshDb } from '../../helpers/db';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const bytes = (text: string) => new TextEncoder().encode(text);
let db: Connector;

beforeAll(async () => {
  db = await freshDb();
});
afterAll(async () => {
  await db?.close();
});
beforeEach(async () => {
  await clearDb(db);
});

const tables = async () => ({
  sources: await db.query('SELECT file_name, format, bytes, sha256, rows_read, rows_loaded, rows_rejected FROM sources'),
  judgements: await db.query('SELECT * EXCLUDE (source_id) FROM judgements ORDER BY source_row, annotator_id, question'),
  gold: await db.query('SELECT * EXCLUDE (source_id) FROM gold ORDER BY source_row, item_id'),
  rejections: await db.query('SELECT * EXCLUDE (source_id) FROM rejections ORDER BY source_row, reason'),
  warnings: await db.query('SELECT * EXCLUDE (source_id) FROM warnings ORDER BY message'),
});

describe('one implementation, two drivers', () => {
  // The browser parses in a worker and posts the result (structured clone, buffers transferred);
  // the CLI calls loadFile. Both must leave the same tables for every kind of parsed file.
  it.each([
    ['labelstudio/full-export.json', 'staged'],
    ['labelbox/export-v2.ndjson', 'staged'],
    ['tables/long.ndjson', 'records'],
    ['tables/wide.parquet', 'staged'],
    ['tables/krippendorff-2011-wide.csv', 'staged'],
  ])('%s: a posted parse result loads as loadFile does (%s)', async (file, kind) => {
    const data = readFileSync(join(FIXTURES, file));
    const fileName = file.split('/').pop()!;
    await loadFile(db, { fileName, bytes: new Uint8Array(data) });
    const direct = await tables();
    await clearDb(db);

    const parsed = await parseFile({ fileName, bytes: new Uint8Array(data) });
    expect(parsed.kind).toBe(kind);
    const posted = structuredClone(parsed, { transfer: parsedBuffers(parsed) });
    await insertParsedFile(db, posted);
    await refreshQuestions(db);
    expect(await tables()).toEqual(direct);
    const [s] = direct.sources as { rows_read: number; rows_loaded: number; rows_rejected: number }[];
    expect(s.rows_read).toBe(s.rows_loaded + s.rows_rejected);
  });

  it('a long CSV is left to DuckDB’s reader, hashed once', async () => {
    const parsed = await parseFile({ fileName: 'a.csv', bytes: bytes('item,annotator,label\n1,a,x\n') });
    expect(parsed).toMatchObject({ kind: 'delimited', detected: 'csv', bytes: 27 });
    // printf 'item,annotator,label\n1,a,x\n' | sha256sum
    expect(parsed.sha256).toBe('8bab5b57ba1ba30653045bef04570ff7d56ed4f19b6209f80c7a40de5c5e179a');
  });
});

describe('unused columns', () => {
  it('lists the columns no canonical field is mapped to', () => {
    expect(
      unusedColumns(['item', 'annotator', 'label', 'comment', 'x_extra'], {
        item_id: 'item',
        annotator_id: 'annotator',
        answer: 'label',
      }),
    ).toEqual(['comment', 'x_extra']);
  });

  it('warns about them for a long CSV, once per file, naming the columns', async () => {
    const source = await loadFile(db, {
      fileName: 'a.csv',
      bytes: bytes('item,annotator,label,reviewer_note,batch_note\n1,a,x,hi,\n2,a,y,,n\n'),
    });
    expect(await db.query('SELECT source_id, source_row, message FROM warnings')).toEqual([
      {
        source_id: source.sourceId,
        source_row: null,
        message:
          'not used: reviewer_note, batch_note (these columns map to no canonical field; map one in the loading dialog or with --map COLUMN=field)',
      },
    ]);
    expect(source).toMatchObject({ rowsRead: 2, rowsLoaded: 2, rowsRejected: 0 });
  });

  it('warns for NDJSON records too, and not when every column is used', async () => {
    const ndjson =
      '{"item": "1", "annotator": "a", "label": "x", "model_version": "v2"}\n{"item": "2", "annotator": "a", "label": "y"}\n';
    await loadFile(db, { fileName: 'r.ndjson', bytes: bytes(ndjson) });
    await loadFile(db, { fileName: 'b.csv', bytes: bytes('item,annotator,label\n1,b,x\n') });
    expect(await db.query('SELECT s.file_name, w.message FROM warnings w JOIN sources s USING (source_id)')).toEqual([
      {
        file_name: 'r.ndjson',
        message:
          'not used: model_version (this column maps to no canonical field; map it in the loading dialog or with --map COLUMN=field)',
      },
    ]);
  });

  it('does not warn about a column the user mapped', async () => {
    await loadFile(db, {
      fileName: 'c.csv',
      bytes: bytes('item,annotator,label,note\n1,a,x,hello\n'),
      mapping: { text: 'note' },
    });
    expect(await db.query('SELECT message FROM warnings')).toEqual([]);
  });
});
