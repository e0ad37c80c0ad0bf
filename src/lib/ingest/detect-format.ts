import { guessMapping, type ColumnMapping } from './column-mapping';
import { decodeTextStart } from './decode-text';
import { isObject } from './formats/canonical-values';
import { parseJsonDocument, parseJsonLines, type JsonLine } from './formats/parse-json';
import type { CanonicalRejection } from './formats/canonical-rows';
import { IngestError } from './ingest-error';
import { sniffDelimited } from './sniff-delimited';

/** Every format AnnoQA reads, as detected from the content (variants named apart). */
export const DETECTED_FORMATS = [
  'labelstudio',
  'labelstudio-min',
  'labelstudio-csv',
  'labelbox',
  'cvat',
  'coco',
  'prodigy',
  'argilla',
  'csv',
  'tsv',
  'csv-wide',
  'ndjson',
  'parquet',
] as const;
export type DetectedFormat = (typeof DETECTED_FORMATS)[number];

/** What the user (or the CLI's `--format`) may choose; `auto` detects from the content. */
export const FORMAT_CHOICES = [
  'auto',
  'labelstudio',
  'labelbox',
  'cvat',
  'coco',
  'prodigy',
  'argilla',
  'csv',
  'tsv',
  'ndjson',
  'parquet',
] as const;
export type FormatChoice = (typeof FORMAT_CHOICES)[number];

const NAMES: Record<DetectedFormat, string> = {
  labelstudio: 'a Label Studio JSON export',
  'labelstudio-min': 'a Label Studio JSON-MIN export',
  'labelstudio-csv': 'a Label Studio CSV export',
  labelbox: 'a Labelbox export (v2 NDJSON)',
  cvat: 'a CVAT for images 1.1 XML file',
  coco: 'a COCO JSON file',
  prodigy: 'a Prodigy JSONL export',
  argilla: 'Argilla records',
  csv: 'a long CSV (one judgement per row)',
  tsv: 'a long TSV (one judgement per row)',
  'csv-wide': 'a wide CSV (one row per item, one column per annotator)',
  ndjson: 'NDJSON records (one judgement per line)',
  parquet: 'a Parquet file',
};

/** The file's content read once: detection and the adapters share it. */
export type ParsedInput =
  | { kind: 'parquet' }
  | { kind: 'xml'; text: string }
  | { kind: 'json'; value: unknown }
  | { kind: 'jsonl'; records: JsonLine[]; rejections: CanonicalRejection[] }
  | { kind: 'delimited'; readText: () => string; columns: string[]; delimiter: string };

/** What the caller knows of a table beyond its content: the file's role and the user's column mapping. */
export interface TableContext {
  role?: 'judgements' | 'gold';
  mapping?: ColumnMapping;
}

/** Describes a detected format in words, for messages. */
export function describeFormat(format: DetectedFormat): string {
  return NAMES[format];
}

/**
 * Reads a file's bytes far enough to know its shape: Parquet by its `PAR1` magic bytes; other
 * binary files, non-UTF-8 text and empty files are refused with a message naming the file;
 * XML, a JSON document, JSON Lines (first line a complete object, the next starting with `{`)
 * or delimited text otherwise.
 */
export function readInput(fileName: string, bytes: Uint8Array): ParsedInput {
  if (bytes.length === 0) throw new IngestError(fileName, 'the file is empty');
  if (startsWith(bytes, [0x50, 0x41, 0x52, 0x31])) return { kind: 'parquet' };
  refuseKnownBinary(fileName, bytes);
  // Only the head is decoded to decide; JSON and XML are then decoded whole, delimited text is
  // left to DuckDB's reader (a 500 MB CSV never becomes one JavaScript string here).
  const head = decodeTextStart(fileName, bytes);
  const headStart = head.trimStart();
  if (headStart === '' && head.length >= bytes.length)
    throw new IngestError(fileName, 'the file holds only blank space: there is nothing to load');
  if (/^[{[<]/.test(headStart) || headStart === '') {
    const text = decodeTextStart(fileName, bytes, bytes.length);
    const start = text.trimStart();
    if (start === '') throw new IngestError(fileName, 'the file holds only blank space: there is nothing to load');
    if (start.startsWith('<')) return { kind: 'xml', text };
    if (start.startsWith('{') && looksLikeJsonLines(start)) return { kind: 'jsonl', ...parseJsonLines(text) };
    const value = parseJsonDocument(fileName, text);
    // A JSON Lines file of one record is a single JSON object: read it as one line.
    if (isObject(value) && classifyRecord(value)) return { kind: 'jsonl', records: [{ line: 1, value }], rejections: [] };
    return { kind: 'json', value };
  }
  if (/\.(json|jsonl|ndjson)$/i.test(fileName)) {
    throw new IngestError(
      fileName,
      `a ${fileName.replace(/^.*\./, '.')} file must hold a JSON list [...], an object {...} or one object per line; this one starts with ${JSON.stringify(headStart.slice(0, 20))}`,
      1,
    );
  }
  const preview = sniffDelimited(fileName, head);
  const delimiter = /\.tsv$/i.test(fileName) ? '\t' : preview.delimiter;
  return {
    kind: 'delimited',
    readText: () => decodeTextStart(fileName, bytes, bytes.length),
    columns: preview.columns,
    delimiter,
  };
}

/**
 * Detects the export format from the content (the extension only breaks the CSV/TSV tie).
 * A table without an annotator column is wide (one column per annotator), unless it is an
 * answer key (`role` gold: keyed by item, no annotator) or the user mapped an annotator column.
 * Throws an `IngestError` that says what was expected when nothing fits.
 */
export function detectFormat(fileName: string, input: ParsedInput, context: TableContext = {}): DetectedFormat {
  switch (input.kind) {
    case 'parquet':
      return 'parquet';
    case 'xml':
      if (/<annotations[\s>]/.test(input.text)) return 'cvat';
      throw new IngestError(
        fileName,
        'this XML file is not a CVAT for images 1.1 export (no <annotations> root); export from CVAT as "CVAT for images 1.1"',
      );
    case 'jsonl': {
      const first = input.records[0]?.value;
      if (!isObject(first))
        throw new IngestError(
          fileName,
          'no line of this JSON Lines file could be read as a JSON object',
          input.rejections[0]?.line ?? 1,
        );
      return classifyRecord(first) ?? 'ndjson';
    }
    case 'json':
      return classifyJson(fileName, input.value);
    case 'delimited': {
      const lower = input.columns.map((c) => c.toLowerCase());
      if (lower.includes('annotator') && (lower.includes('annotation_id') || lower.includes('lead_time')))
        return 'labelstudio-csv';
      const mapping = { ...guessMapping(input.columns), ...context.mapping };
      if (context.role !== 'gold' && !mapping.annotator_id && mapping.item_id && input.columns.length >= 3) return 'csv-wide';
      return input.delimiter === '\t' ? 'tsv' : 'csv';
    }
  }
}

/**
 * Checks that a format the user chose fits the content; returns the variant to load.
 * `labelstudio` covers its JSON, JSON-MIN and CSV exports; `csv`/`tsv` cover long and wide;
 * `ndjson` reads any JSON Lines (or array of flat records) as long records.
 */
export function resolveFormat(
  fileName: string,
  input: ParsedInput,
  choice: FormatChoice = 'auto',
  context: TableContext = {},
): DetectedFormat {
  if (choice === 'ndjson' && (input.kind === 'jsonl' || (input.kind === 'json' && Array.isArray(input.value)))) return 'ndjson';
  const detected = detectFormat(fileName, input, context);
  if (choice === 'auto') return detected;
  const fits: Record<Exclude<FormatChoice, 'auto'>, DetectedFormat[]> = {
    labelstudio: ['labelstudio', 'labelstudio-min', 'labelstudio-csv'],
    labelbox: ['labelbox'],
    cvat: ['cvat'],
    coco: ['coco'],
    prodigy: ['prodigy'],
    argilla: ['argilla'],
    parquet: ['parquet'],
    csv: ['csv', 'tsv', 'csv-wide', 'labelstudio-csv'],
    tsv: ['csv', 'tsv', 'csv-wide', 'labelstudio-csv'],
    ndjson: ['ndjson'],
  };
  if (fits[choice].includes(detected))
    return choice === 'csv' || choice === 'tsv' ? (detected === 'labelstudio-csv' ? 'csv' : detected) : detected;
  throw new IngestError(
    fileName,
    `the format chosen is ${choice}, but this looks like ${describeFormat(detected)}; choose "${formatChoiceFor(detected)}" or "auto"`,
  );
}

/** The `--format` value that loads a detected format. */
export function formatChoiceFor(format: DetectedFormat): Exclude<FormatChoice, 'auto'> {
  if (format.startsWith('labelstudio')) return 'labelstudio';
  if (format === 'csv-wide') return 'csv';
  return format as Exclude<FormatChoice, 'auto'>;
}

/** The export a parsed JSON document is (a list of tasks or records, COCO, Argilla); throws when none fits. */
export function classifyJson(fileName: string, value: unknown): DetectedFormat {
  if (isObject(value)) {
    if (Array.isArray(value.images) && Array.isArray(value.annotations)) return 'coco';
    if (Array.isArray(value.records)) return 'argilla';
    throw new IngestError(
      fileName,
      `a JSON object with keys ${Object.keys(value).slice(0, 8).join(', ')} is not an export AnnoQA knows (expected COCO's images/annotations, a Label Studio task list, Argilla records …)`,
      1,
    );
  }
  if (!Array.isArray(value))
    throw new IngestError(fileName, 'the JSON holds a single value, not a list of records or an export object', 1);
  if (value.length === 0) throw new IngestError(fileName, 'the JSON list is empty: there are no records to load', 1);
  const first = value.find(isObject);
  if (!first) throw new IngestError(fileName, 'the JSON list holds no objects: each record must be {…}', 1);
  if (Array.isArray(first.annotations) || (Array.isArray(first.predictions) && isObject(first.data))) return 'labelstudio';
  if ('annotator' in first && ('annotation_id' in first || 'lead_time' in first)) return 'labelstudio-min';
  return classifyRecord(first) ?? 'ndjson';
}

/** The tool one JSON record comes from (Labelbox, Prodigy, Argilla), when its keys say. */
export function classifyRecord(record: Record<string, unknown>): DetectedFormat | undefined {
  if (isObject(record.data_row) && isObject(record.projects)) return 'labelbox';
  if ('_input_hash' in record || '_task_hash' in record || ('_view_id' in record && 'answer' in record)) return 'prodigy';
  if (isObject(record.fields) && ('responses' in record || 'suggestions' in record)) return 'argilla';
  return undefined;
}

/** True when the first line is a complete JSON value and the next line starts another object. */
export function looksLikeJsonLines(text: string): boolean {
  const newline = text.indexOf('\n');
  if (newline < 0) return false;
  const rest = text.slice(newline + 1).trimStart();
  if (!rest.startsWith('{')) return false;
  try {
    JSON.parse(text.slice(0, newline));
    return true;
  } catch {
    return false;
  }
}

/** Throws a clear message for ZIP, gzip and other binary (NUL-holding) files. */
export function refuseKnownBinary(fileName: string, bytes: Uint8Array): void {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]))
    throw new IngestError(
      fileName,
      'this is a ZIP archive: unzip it and load the export file inside (JSON, JSONL, XML, CSV or Parquet)',
    );
  if (startsWith(bytes, [0x1f, 0x8b]))
    throw new IngestError(fileName, 'this is a gzip-compressed file: decompress it and load the file inside');
  if (bytes.subarray(0, 65536).includes(0)) {
    throw new IngestError(
      fileName,
      'this is a binary file, not text (it contains NUL bytes); AnnoQA reads JSON, JSONL, XML, CSV/TSV and Parquet exports',
    );
  }
}

/** True when `bytes` begins with the `magic` bytes. */
export function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}
