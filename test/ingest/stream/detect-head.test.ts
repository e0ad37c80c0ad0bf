import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, readInput } from '../../../src/lib/ingest/detect-format';
import { detectFromHead } from '../../../src/lib/ingest/detect-head';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const bytes = (text: string) => new TextEncoder().encode(text);
/** The first `size` bytes of `text`, as if it were the head of a file of `total` bytes. */
const head = (text: string, size = 64 * 1024) => bytes(text).subarray(0, size);

function labelStudioTasks(count: number): string {
  const task = (id: number) =>
    JSON.stringify({
      id,
      annotations: [
        {
          id,
          completed_by: 1,
          result: [{ type: 'choices', from_name: 'sentiment', to_name: 'text', value: { choices: ['pos'] } }],
        },
      ],
      data: { text: 'x'.repeat(200) },
    });
  return `[${Array.from({ length: count }, (_, i) => task(i + 1)).join(',\n')}]`;
}

describe('detectFromHead', () => {
  it('tells a Label Studio export from the head of a large file', () => {
    const text = labelStudioTasks(2000); // ≈ 0.6 MB
    expect(detectFromHead('big.json', head(text), 500e6)).toEqual({ format: 'labelstudio', preview: null });
  });

  it('asks for more when the first task is longer than the head', () => {
    const text = labelStudioTasks(1).replace('"x', `"${'y'.repeat(100_000)}`);
    expect(detectFromHead('big.json', head(text), 500e6)).toBeNull();
  });

  it('tells COCO once "images" is open, before "annotations" is seen', () => {
    const images = Array.from(
      { length: 3000 },
      (_, i) => `{"id": ${i}, "file_name": "img-${i}.jpg", "width": 640, "height": 480}`,
    );
    const text = `{"info": {"contributor": "x"}, "images": [${images.join(', ')}], "annotations": []}`;
    expect(detectFromHead('coco.json', head(text), 300e6)?.format).toBe('coco');
  });

  it('tells Labelbox NDJSON from its complete first lines', () => {
    const line = JSON.stringify({ data_row: { id: 'r', global_key: 'k' }, projects: { p: { labels: [] } } });
    const text = Array.from({ length: 1000 }, () => line).join('\n');
    expect(detectFromHead('export.ndjson', head(text), 1e9)?.format).toBe('labelbox');
  });

  it('previews the first rows of a long CSV, a multi-byte character cut at the head’s end', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `${i},ann-${i % 3},Größe ✓ ${i}`);
    const text = `item,annotator,label\n${rows.join('\n')}\n`;
    // 64 KiB ends inside a row (and maybe a character): only whole lines are read.
    for (const size of [65_536, 65_537, 65_538]) {
      const found = detectFromHead('answers.csv', head(text, size), 400e6);
      expect(found?.format).toBe('csv');
      expect(found?.preview?.columns).toEqual(['item', 'annotator', 'label']);
      expect(found?.preview?.rows[0]).toEqual(['0', 'ann-0', 'Größe ✓ 0']);
    }
  });

  it('is detectFormat when the head is the whole file (every fixture format)', () => {
    const files = [
      'labelstudio/full-export.json',
      'labelstudio/json-min.json',
      'labelstudio/export.csv',
      'coco/instances.json',
      'cvat/job-annotations.xml',
      'labelbox/export-v2.ndjson',
      'argilla/records-v2.json',
      'argilla/records-v1.jsonl',
      'prodigy/compare-and-choice.jsonl',
      'tables/krippendorff-2011-wide.csv',
      'tables/long.ndjson',
      'tables/long.parquet',
    ];
    for (const file of files) {
      const data = readFileSync(join(FIXTURES, file));
      const name = file.split('/').pop()!;
      expect(detectFromHead(name, data, data.length)?.format).toBe(detectFormat(name, readInput(name, data)));
    }
  });

  it('refuses binary and non-UTF-8 heads with the full-read messages', () => {
    expect(() => detectFromHead('a.zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), 1e9)).toThrow(/ZIP archive/);
    expect(() => detectFromHead('a.csv', new Uint8Array([...bytes('item,label\n1,'), 0xff, 0x0a]), 1e9)).toThrow(/not UTF-8/);
  });
});
