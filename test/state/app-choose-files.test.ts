import { describe, expect, it } from 'vitest';
import { AppState } from '../../src/lib/state/app.svelte';
import {
  BROWSER_FILE_LIMIT_BYTES,
  BROWSER_PARQUET_LIMIT_BYTES,
  BROWSER_PARSED_LIMIT_BYTES,
  browserLimitFor,
  tooLargeForBrowser,
} from '../../src/lib/state/browser-limits';

/**
 * A File of `size` bytes whose content is `text` repeated: it records every slice read, so
 * the test sees that choosing a file reads its head only (a 500 MB file is never read whole).
 */
function fakeFile(name: string, size: number, text: string) {
  const unit = new TextEncoder().encode(text);
  const reads: [number, number][] = [];
  const file = {
    name,
    size,
    slice(start = 0, end = size) {
      const stop = Math.min(end, size);
      reads.push([start, stop]);
      const bytes = new Uint8Array(stop - start);
      for (let i = 0; i < bytes.length; i++) bytes[i] = unit[(start + i) % unit.length];
      return new Blob([bytes]);
    },
  };
  return { file: file as unknown as File, reads };
}

const app = () => new AppState(async () => Promise.reject(new Error('no database in this test')));

describe('choosing files', () => {
  it('tells a 500 MB CSV’s format and first rows from its first 64 KiB', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `${i},ann-${i % 3},yes,note ${i}`).join('\n');
    const { file, reads } = fakeFile('big.csv', 500e6, `item,annotator,label,note\n${rows}\n`);
    const state = app();
    await state.chooseFiles([file]);
    expect(state.problems).toEqual([]);
    expect(reads).toEqual([[0, 64 * 1024]]);
    expect(state.pending).toHaveLength(1);
    const [pending] = state.pending;
    expect(pending.format).toBe('csv');
    expect(pending.preview?.columns).toEqual(['item', 'annotator', 'label', 'note']);
    expect(pending.preview?.rows).toHaveLength(5);
    expect(pending.mapping).toMatchObject({ item_id: 'item', annotator_id: 'annotator', answer: 'label' });
  });

  it('reads a longer head only when the first one does not show the format', async () => {
    const task = JSON.stringify({ id: 1, data: { text: 'x'.repeat(100_000) }, annotations: [{ completed_by: 1, result: [] }] });
    const { file, reads } = fakeFile('tasks.json', 300 * 1024 ** 2, `[${task},\n${task},\n`);
    const state = app();
    await state.chooseFiles([file]);
    expect(reads).toEqual([
      [0, 64 * 1024],
      [0, 1024 ** 2],
    ]);
    expect(state.pending[0]?.format).toBe('labelstudio');
  });

  it('refuses a JSON export over the parsed-format limit (told from its head) and any file over the CSV limit (not read at all)', async () => {
    const json = fakeFile('huge.json', BROWSER_PARSED_LIMIT_BYTES + 1, '[{"id": 1, "annotations": []},\n');
    const csv = fakeFile('huge.csv', BROWSER_FILE_LIMIT_BYTES + 1, 'item,annotator,label\n1,a,x\n');
    const state = app();
    await state.chooseFiles([json.file, csv.file]);
    expect(state.pending).toEqual([]);
    expect(state.problems.map((p) => p.message)).toEqual([
      tooLargeForBrowser('huge.json', BROWSER_PARSED_LIMIT_BYTES + 1, 'labelstudio'),
      tooLargeForBrowser('huge.csv', BROWSER_FILE_LIMIT_BYTES + 1, null),
    ]);
    expect(csv.reads).toEqual([]);
    expect(state.problems[0].message).toMatch(
      /huge\.json is 384 MiB: .*Label Studio JSON export \(limit 384 MiB;.*npm run -s annoqa -- report huge\.json/,
    );
  });

  it('refuses a Parquet file over the Parquet limit, told from its magic bytes', async () => {
    const parquet = fakeFile('big.parquet', BROWSER_PARQUET_LIMIT_BYTES + 1, 'PAR1\u0015\u0004');
    const state = app();
    await state.chooseFiles([parquet.file]);
    expect(state.pending).toEqual([]);
    expect(state.problems.map((p) => p.message)).toEqual([
      tooLargeForBrowser('big.parquet', BROWSER_PARQUET_LIMIT_BYTES + 1, 'parquet'),
    ]);
    expect(state.problems[0].message).toMatch(/big\.parquet is 48 MiB: .*\(limit 48 MiB;.*--engine native/);
  });

  it('has a larger limit for long CSV/TSV (DuckDB’s reader) than for formats parsed in JavaScript, and the smallest for Parquet (compressed)', () => {
    expect(browserLimitFor('csv')).toBe(BROWSER_FILE_LIMIT_BYTES);
    expect(browserLimitFor('tsv')).toBe(BROWSER_FILE_LIMIT_BYTES);
    for (const format of ['labelstudio', 'coco', 'ndjson', 'csv-wide', null] as const)
      expect(browserLimitFor(format)).toBe(BROWSER_PARSED_LIMIT_BYTES);
    expect(browserLimitFor('parquet')).toBe(BROWSER_PARQUET_LIMIT_BYTES);
    expect(BROWSER_PARQUET_LIMIT_BYTES).toBeLessThan(BROWSER_PARSED_LIMIT_BYTES);
  });
});
