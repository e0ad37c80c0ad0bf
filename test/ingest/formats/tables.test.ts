import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { loadFile } from '../../../src/lib/ingest/load-file';
import { clearDb, freshDb } from '../../helpers/db';
import { expectAccounted, FIXTURES, judgementsOf, loadPath, reasonsOf } from './fixture-loading';

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

describe('wide tables (one row per item, one column per annotator)', () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", reliability data of the worked example
  // (4 observers × 12 units, missing values); a 13th unit with no value was added to test the rejection.
  it('reads the Krippendorff 2011 example: 41 values, the empty unit rejected', async () => {
    const source = await loadPath(db, join(FIXTURES, 'tables', 'krippendorff-2011-wide.csv'));
    expect(source.detected).toBe('csv-wide');
    expect(source).toMatchObject({ rowsRead: 42, rowsLoaded: 41, rowsRejected: 1 });
    const perObserver = await db.query(`SELECT annotator_id, count(*)::INTEGER AS n FROM judgements GROUP BY 1 ORDER BY 1`);
    expect(perObserver).toEqual([
      { annotator_id: 'A', n: 9 },
      { annotator_id: 'B', n: 11 },
      { annotator_id: 'C', n: 10 },
      { annotator_id: 'D', n: 11 },
    ]);
    const unit6 = await db.query(`SELECT annotator_id, score FROM judgements WHERE item_id = '6' ORDER BY 1`);
    expect(unit6.map((r) => r.score)).toEqual([1, 2, 3, 4]);
    expect(await reasonsOf(db, source.sourceId)).toEqual(['item "13" has no answer in any annotator column']);
    const [question] = await db.query(`SELECT question, value_kind, level FROM questions`);
    expect(question).toEqual({ question: 'label', value_kind: 'number', level: 'ordinal' });
  });

  // test/fixtures/tables/wide.parquet (written by DuckDB 1.4.3, Snappy; README.md there).
  it('reads a wide Parquet file', async () => {
    const source = await loadPath(db, join(FIXTURES, 'tables', 'wide.parquet'));
    expect(source).toMatchObject({ detected: 'parquet', format: 'parquet', rowsRead: 6, rowsLoaded: 5, rowsRejected: 1 });
    expect(
      (await judgementsOf(db, source.sourceId, 'item_id, annotator_id, label')).map(
        (r) => `${r.item_id}:${r.annotator_id}=${r.label}`,
      ),
    ).toEqual(['u1:r1=a', 'u1:r2=a', 'u1:r3=b', 'u2:r1=b', 'u2:r2=b']);
  });
});

describe('long records: NDJSON and Parquet', () => {
  // test/fixtures/tables/long.ndjson (README.md there).
  it('loads NDJSON through the CSV rules: duplicate (newest kept), empty annotator, bad date, cut-off last line', async () => {
    const source = await loadPath(db, join(FIXTURES, 'tables', 'long.ndjson'));
    expect(source).toMatchObject({ detected: 'ndjson', format: 'ndjson', rowsRead: 7, rowsLoaded: 3, rowsRejected: 4 });
    const [row] = await db.query(`SELECT format, bytes FROM sources`);
    expect(row).toEqual({ format: 'ndjson', bytes: 693 });
    expect(await judgementsOf(db, source.sourceId, 'item_id, annotator_id, label, duration_s')).toEqual([
      { item_id: 'q1', annotator_id: 'ann', label: 'yes', duration_s: 12.5 },
      { item_id: 'q1', annotator_id: 'bob', label: 'no', duration_s: 8 },
      { item_id: 'q2', annotator_id: 'ann', label: 'yes', duration_s: 6 },
    ]);
    expect(await db.query(`SELECT item_id, label FROM gold`)).toEqual([{ item_id: 'q1', label: 'yes' }]);
    const reasons = await reasonsOf(db, source.sourceId);
    expect(reasons).toHaveLength(4);
    expect(reasons[0]).toMatch(/^duplicate answer: annotator "ann" answered item "q2"/);
    expect(reasons[1]).toMatch(/annotator_id \(column "annotator_id"\) is empty/);
    expect(reasons[2]).toMatch(/submitted_at .* is not a date-time/);
    expect(reasons[3]).toMatch(/^the last line is cut off \(truncated file\?\)/);
  });

  // test/fixtures/tables/long.parquet (written by DuckDB 1.4.3, Snappy; INT64, TIMESTAMP, DOUBLE and NULLs).
  it('loads a long Parquet file (flat: decoded to Arrow by parquet-wasm), reporting progress', async () => {
    const progress: [string, number, number][] = [];
    const source = await loadPath(db, join(FIXTURES, 'tables', 'long.parquet'), {
      onProgress: (p) => progress.push([p.phase, p.bytesRead, p.records]),
    });
    // 941 bytes (the file's size); 5 records parsed, then loaded, then the questions inferred.
    expect(progress.map(([phase]) => phase)).toEqual(['parsing', 'loading', 'inferring']);
    expect(progress.at(-1)).toEqual(['inferring', 941, 5]);
    expect(progress[0]).toEqual(['parsing', 941, 5]);
    expect(source).toMatchObject({ detected: 'parquet', rowsRead: 5, rowsLoaded: 4, rowsRejected: 1 });
    expect(await judgementsOf(db, source.sourceId, 'item_id, annotator_id, label, submitted_at, duration_s')).toEqual([
      { item_id: 'img-1', annotator_id: 'ann', label: 'cat', submitted_at: Date.parse('2024-08-01T09:00:00Z'), duration_s: 3.5 },
      { item_id: 'img-1', annotator_id: 'bob', label: 'dog', submitted_at: Date.parse('2024-08-01T09:01:00Z'), duration_s: 4 },
      { item_id: 'img-2', annotator_id: 'ann', label: 'cat', submitted_at: Date.parse('2024-08-01T09:02:00Z'), duration_s: null },
      { item_id: 'img-2', annotator_id: 'bob', label: 'cat', submitted_at: Date.parse('2024-08-01T09:03:00Z'), duration_s: 2.25 },
    ]);
  });

  it('refuses the same file twice (same SHA-256), under another name too', async () => {
    const path = join(FIXTURES, 'tables', 'long.ndjson');
    await loadPath(db, path);
    await expect(loadPath(db, path, { fileName: 'copy.ndjson' })).rejects.toThrow(
      /copy\.ndjson: the same file is already loaded \(as "long\.ndjson", identical SHA-256\)/,
    );
    expect(await db.query('SELECT count(*)::INTEGER AS n FROM sources')).toEqual([{ n: 1 }]);
  });

  it('hands long CSV/TSV to the CSV loader (TSV found from the content, whatever the extension)', async () => {
    const bytes = new TextEncoder().encode('item_id\tannotator_id\tlabel\n1\ta\tyes\n1\tb\tno\n1\tb\tyes\n');
    const source = await loadFile(db, { fileName: 'answers.txt', bytes });
    await expectAccounted(db, source);
    expect(source).toMatchObject({ detected: 'tsv', format: 'tsv', rowsRead: 3, rowsLoaded: 2, rowsRejected: 1 });
    expect(await db.query(`SELECT question, value_kind FROM questions`)).toEqual([{ question: 'label', value_kind: 'category' }]);
  });
});
