import { describe, expect, it } from 'vitest';
import {
  detectFormat,
  readInput,
  resolveFormat,
  type DetectedFormat,
  type FormatChoice,
} from '../../../src/lib/ingest/detect-format';

const text = (s: string) => new TextEncoder().encode(s);
const detect = (fileName: string, content: string | Uint8Array) => {
  const bytes = typeof content === 'string' ? text(content) : content;
  return detectFormat(fileName, readInput(fileName, bytes));
};

/** Small samples of each export's shape (the fixtures in test/fixtures hold full ones, with sources). */
const SAMPLES: [string, string, DetectedFormat][] = [
  ['ls.json', '[{"id": 1, "data": {}, "annotations": [{"completed_by": 1, "result": []}]}]', 'labelstudio'],
  ['ls-predictions.json', '[{"id": 1, "data": {"text": "x"}, "predictions": []}]', 'labelstudio'],
  ['min.json', '[{"id": 1, "annotator": "a@b.c", "annotation_id": 4, "sentiment": "Positive"}]', 'labelstudio-min'],
  ['ls.csv', 'id,annotator,annotation_id,lead_time,sentiment\n1,a@b.c,4,2.5,Positive\n', 'labelstudio-csv'],
  ['export.ndjson', '{"data_row": {"id": "d"}, "projects": {}}\n{"data_row": {"id": "e"}, "projects": {}}\n', 'labelbox'],
  ['one-row.json', '{"data_row": {"id": "d"}, "projects": {}}', 'labelbox'],
  ['cvat.xml', '<?xml version="1.0"?>\n<annotations><version>1.1</version></annotations>', 'cvat'],
  ['coco.json', '{"images": [], "annotations": [], "categories": []}', 'coco'],
  ['db-out.jsonl', '{"_input_hash": 1, "answer": "accept"}\n{"_input_hash": 2, "answer": "reject"}\n', 'prodigy'],
  ['records.json', '[{"id": "r", "fields": {"t": "x"}, "responses": {}}]', 'argilla'],
  ['records-wrapped.json', '{"records": [{"id": "r", "fields": {}, "responses": {}}]}', 'argilla'],
  ['long.csv', 'item_id,annotator_id,label\n1,a,yes\n', 'csv'],
  ['long.txt', 'item_id\tannotator_id\tlabel\n1\ta\tyes\n', 'tsv'],
  ['wide.csv', 'item,alice,bob\n1,yes,no\n', 'csv-wide'],
  ['long.ndjson', '{"item": 1, "annotator": "a", "label": "x"}\n{"item": 2, "annotator": "a", "label": "y"}\n', 'ndjson'],
  ['records.json', '[{"item": 1, "annotator": "a", "label": "x"}]', 'ndjson'],
];

describe('detectFormat: from the content, not the extension', () => {
  for (const [fileName, content, expected] of SAMPLES) {
    it(`${fileName} → ${expected}`, () => {
      expect(detect(fileName, content)).toBe(expected);
    });
  }

  it('a Prodigy export named .csv is still Prodigy', () => {
    expect(detect('mislabelled.csv', '{"_input_hash": 1, "answer": "accept"}\n{"_input_hash": 2, "answer": "reject"}\n')).toBe(
      'prodigy',
    );
  });

  it('Parquet by its PAR1 magic bytes', () => {
    expect(detect('data.bin', new Uint8Array([0x50, 0x41, 0x52, 0x31, 0, 0, 0, 0]))).toBe('parquet');
  });

  it('a BOM before JSON is ignored', () => {
    expect(detect('coco.json', '\ufeff{"images": [], "annotations": []}')).toBe('coco');
  });
});

describe('resolveFormat: a chosen format must fit the content', () => {
  const cases: [string, string, FormatChoice, DetectedFormat][] = [
    ['min.json', SAMPLES[2][1], 'labelstudio', 'labelstudio-min'],
    ['ls.csv', SAMPLES[3][1], 'csv', 'csv'],
    ['wide.csv', SAMPLES[13][1], 'tsv', 'csv-wide'],
    ['db-out.jsonl', SAMPLES[8][1], 'ndjson', 'ndjson'],
  ];
  for (const [fileName, content, choice, expected] of cases) {
    it(`${choice} on ${fileName} → ${expected}`, () => {
      expect(resolveFormat(fileName, readInput(fileName, text(content)), choice)).toBe(expected);
    });
  }

  it('names the format that fits when the choice does not', () => {
    expect(() => resolveFormat('coco.json', readInput('coco.json', text(SAMPLES[7][1])), 'prodigy')).toThrow(
      'coco.json: the format chosen is prodigy, but this looks like a COCO JSON file; choose "coco" or "auto"',
    );
  });
});
