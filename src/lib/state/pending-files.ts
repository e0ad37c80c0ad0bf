import { guessMapping, type ColumnMapping, type MappableField } from '../ingest/column-mapping';
import { describeFormat, type DetectedFormat } from '../ingest/detect-format';
import { detectFromHead, HEAD_SIZES, type HeadDetection } from '../ingest/detect-head';
import type { DelimitedPreview } from '../ingest/sniff-delimited';
import { BROWSER_FILE_LIMIT_BYTES, browserLimitFor, tooLargeForBrowser } from './browser-limits';

/** A chosen file waiting for the user to confirm its column mapping. */
export interface PendingFile {
  file: File;
  role: 'judgements' | 'gold';
  /** Told from the file's head; null when the head does not show it (told when the file loads). */
  format: DetectedFormat | null;
  formatName: string;
  /** Long CSV/TSV only: the first rows and the column mapping the user confirms. */
  preview: DelimitedPreview | null;
  mapping: ColumnMapping;
  /** For exports that do not name their annotator (CVAT, COCO …) or batch. */
  annotator: string;
  batchId: string;
}

/** Reads a File's head, longer each time, until its format can be told (null: only the whole file would tell). */
async function detectFile(file: File, role: 'judgements' | 'gold'): Promise<HeadDetection | null> {
  for (const size of HEAD_SIZES) {
    const head = new Uint8Array(await file.slice(0, size).arrayBuffer());
    const found = detectFromHead(file.name, head, file.size, { role });
    if (found || head.length >= file.size) return found;
  }
  return null;
}

/**
 * A chosen file as the mapping dialog shows it: its format told from its head (64 KiB, more only
 * when that does not show it: choosing a 500 MB file is instant), a long CSV's first rows
 * (papaparse) and its guessed column mapping. Throws, before anything is read, for a file too
 * large for the tab.
 */
export async function pendingFile(file: File, role: 'judgements' | 'gold'): Promise<PendingFile> {
  if (file.size > BROWSER_FILE_LIMIT_BYTES) throw new Error(tooLargeForBrowser(file.name, file.size, null));
  const detected = await detectFile(file, role);
  const format = detected?.format ?? null;
  if (file.size > browserLimitFor(format)) throw new Error(tooLargeForBrowser(file.name, file.size, format));
  const preview = detected?.preview ?? null;
  return {
    file,
    role,
    format,
    formatName: format ? describeFormat(format) : 'format told when the file loads (its first part does not show it)',
    preview,
    mapping: preview ? guessMapping(preview.columns) : {},
    annotator: '',
    batchId: '',
  };
}

/** `pending` with a canonical field pointed at a column (or at none, with `''`). */
export function withMapping(pending: PendingFile, field: MappableField, column: string): PendingFile {
  const mapping = { ...pending.mapping };
  if (column) mapping[field] = column;
  else delete mapping[field];
  return { ...pending, mapping };
}
