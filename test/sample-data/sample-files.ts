import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Connector } from '../../src/lib/db/connector';
import { parseFile } from '../../src/lib/ingest/parse-file';
import { sampleLoadOrder } from '../../src/lib/state/sample-files';
import { loadSamples } from '../../src/lib/state/sample-snapshot';

/** The committed sample data folder. */
export const SAMPLE_DIR = join(import.meta.dirname, '..', '..', 'sample-data');

export const JUDGEMENT_FILES = ['instruction_tuning.csv', 'rlhf_preference.csv', 'vl_alignment.csv'] as const;
export const GOLD_FILE = 'vl_alignment_gold.csv';

/** Loads every sample file into `db` as the page does (judgements, then gold; `loadSamples`). */
export async function loadSampleData(db: Connector): Promise<void> {
  const files = sampleLoadOrder([...JUDGEMENT_FILES, GOLD_FILE].map((name) => ({ name })));
  const bytes = (name: string) => new Uint8Array(readFileSync(join(SAMPLE_DIR, name)));
  await loadSamples(
    db,
    files.map((f) => ({ parsed: () => parseFile({ fileName: f.name, role: f.role, bytes: bytes(f.name) }) })),
  );
}

export type CsvRow = Record<string, string>;

const parsedFiles = new Map<string, CsvRow[]>();

/** A committed sample file parsed with papaparse (independently of the DuckDB loader); parsed once per test file. */
export function readSample(name: string): CsvRow[] {
  const cached = parsedFiles.get(name);
  if (cached) return cached;
  const parsed = Papa.parse<CsvRow>(readFileSync(join(SAMPLE_DIR, name), 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${name}: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);
  parsedFiles.set(name, parsed.data);
  return parsed.data;
}

export interface DocumentedCounts {
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
}

/** The rows_read / rows_loaded / rows_rejected the sample README documents for each file. */
export function documentedCounts(): Map<string, DocumentedCounts> {
  const readme = readFileSync(join(SAMPLE_DIR, 'README.md'), 'utf8');
  const counts = new Map<string, DocumentedCounts>();
  for (const match of readme.matchAll(/^\| ([\w.]+\.csv) \| (?:judgements|gold) \| (\d+) \| (\d+) \| (\d+) \|/gm)) {
    counts.set(match[1], { rowsRead: Number(match[2]), rowsLoaded: Number(match[3]), rowsRejected: Number(match[4]) });
  }
  return counts;
}
