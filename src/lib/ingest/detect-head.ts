import { decodeTextStart } from './decode-text';
import {
  classifyJson,
  classifyRecord,
  detectFormat,
  looksLikeJsonLines,
  readInput,
  refuseKnownBinary,
  startsWith,
  type DetectedFormat,
  type TableContext,
} from './detect-format';
import { isObject } from './formats/canonical-values';
import { parseJsonLines } from './formats/parse-json';
import { closeJsonPrefix } from './json-prefix';
import { sniffDelimited, type DelimitedPreview } from './sniff-delimited';

/** A file's format as told from its head, with the first rows of a long CSV/TSV (for the mapping dialog). */
export interface HeadDetection {
  format: DetectedFormat;
  preview: DelimitedPreview | null;
}

/** How much of a file to read, in turn, until its format can be told: 64 KiB, 1 MiB, 16 MiB, then all of it. */
export const HEAD_SIZES = [64 * 1024, 1024 ** 2, 16 * 1024 ** 2];

/**
 * Detects a file's format from its first bytes (`head`; `totalBytes` is the whole file's size),
 * so that choosing a 500 MB file is instant: the whole file is read once, when it loads (and
 * detected again from all of it then). Returns null when the head is too short to tell (e.g. the
 * first task of a JSON list is longer than the head): read a longer head. When the head is the
 * whole file, this is `detectFormat` on it. Bad files (empty, binary, not UTF-8) throw the same
 * `IngestError` as a full read.
 */
export function detectFromHead(
  fileName: string,
  head: Uint8Array,
  totalBytes: number,
  context: TableContext = {},
): HeadDetection | null {
  if (head.length >= totalBytes) return withPreview(fileName, head, detectFormat(fileName, readInput(fileName, head), context));
  if (startsWith(head, [0x50, 0x41, 0x52, 0x31])) return { format: 'parquet', preview: null };
  refuseKnownBinary(fileName, head);
  const whole = head.subarray(0, characterBoundary(head));
  const text = decodeTextStart(fileName, whole, whole.length);
  const start = text.trimStart();
  if (start === '') return null;
  if (start.startsWith('<')) return { format: detectFormat(fileName, { kind: 'xml', text }, context), preview: null };
  if (start.startsWith('{') && looksLikeJsonLines(start)) {
    const complete = start.slice(0, start.lastIndexOf('\n'));
    return { format: detectFormat(fileName, { kind: 'jsonl', ...parseJsonLines(complete) }, context), preview: null };
  }
  if (start.startsWith('{') || start.startsWith('[')) {
    const format = classifyJsonPrefix(fileName, start);
    return format ? { format, preview: null } : null;
  }
  // Delimited text (or a misnamed .json): the complete lines of the head.
  const lines = head.subarray(0, head.lastIndexOf(0x0a) + 1);
  if (lines.length === 0) return null;
  return withPreview(fileName, lines, detectFormat(fileName, readInput(fileName, lines), context));
}

/** The export a JSON head belongs to, or undefined when the head does not show enough of it. */
function classifyJsonPrefix(fileName: string, text: string): DetectedFormat | undefined {
  const closed = closeJsonPrefix(text);
  if (closed === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(closed);
  } catch {
    return undefined; // invalid JSON: the load reads it whole and says where
  }
  // A list: its first element is complete once a second one has begun.
  if (Array.isArray(value)) return value.length >= 2 ? classifyJson(fileName, value) : undefined;
  if (!isObject(value)) return undefined;
  if (Array.isArray(value.images)) return 'coco';
  if (Array.isArray(value.records)) return 'argilla';
  return classifyRecord(value);
}

function withPreview(fileName: string, bytes: Uint8Array, format: DetectedFormat): HeadDetection {
  const preview = format === 'csv' || format === 'tsv' ? sniffDelimited(fileName, decodeTextStart(fileName, bytes), 5) : null;
  return { format, preview };
}

/** The length of `bytes` without a UTF-8 character cut off at the end. */
function characterBoundary(bytes: Uint8Array): number {
  let lead = bytes.length - 1;
  while (lead >= 0 && lead > bytes.length - 4 && (bytes[lead] & 0xc0) === 0x80) lead--;
  if (lead < 0 || bytes[lead] < 0xc0) return bytes.length;
  const size = bytes[lead] >= 0xf0 ? 4 : bytes[lead] >= 0xe0 ? 3 : 2;
  return lead + size <= bytes.length ? bytes.length : lead;
}
