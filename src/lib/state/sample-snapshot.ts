import type { Connector } from '../db/connector';
import type { ReadSnapshot } from '../db/read-snapshot';
import { createCanonicalTables } from '../db/schema';
import { refreshQuestions } from '../ingest/infer-questions';
import { insertParsedFile } from '../ingest/insert-parsed-file';
import type { ParsedFile } from '../ingest/parse-file';
import { timed } from './timing';

/**
 * The reads of the sample's first dashboard, computed at build time (`scripts/sample-snapshot.ts`)
 * by this code on duckdb-wasm from the sample files the build emitted: `asset` is the emitted
 * file's name, which carries a hash of its content (Vite), so the URL the page downloads a
 * sample from names the exact bytes the snapshot was computed from.
 */
export interface SampleSnapshot {
  samples: { name: string; asset: string }[];
  reads: ReadSnapshot;
}

/**
 * Loads the samples into an empty DuckDB as the app does: the canonical tables, each parsed
 * file in order, then the questions inferred once (no question spans two sample files:
 * test/state/sample-load.test.ts). A file that fails fails the whole load. Once `wanted()` is
 * false, or a file was not parsed (null: the user's own file replaces the sample), the rest is
 * skipped and the tables are left as they are, for the caller to clear.
 */
export async function loadSamples(
  db: Connector,
  files: { parsed: () => Promise<ParsedFile | null> }[],
  wanted: () => boolean = () => true,
): Promise<void> {
  await createCanonicalTables(db);
  for (const file of files) {
    const parsed = await file.parsed();
    if (!parsed || !wanted()) return;
    await timed(`load:${parsed.fileName}`, () => insertParsedFile(db, parsed));
  }
  if (wanted()) await refreshQuestions(db);
}

/** The file name at the end of a URL (a Vite asset's name with its content hash). */
export function assetName(url: string): string {
  return new URL(url, 'file:///').pathname.split('/').pop() ?? '';
}

/**
 * The snapshot in `text` (JSON) if it was computed from exactly the sample files
 * at these URLs (same names, same emitted assets, same order), else null: a snapshot never
 * stands in for other data.
 */
export function matchingSampleSnapshot(text: string, samples: { name: string; url: string }[]): SampleSnapshot | null {
  const snapshot = JSON.parse(text) as SampleSnapshot;
  const same =
    snapshot.samples.length === samples.length &&
    samples.every((sample, i) => snapshot.samples[i].name === sample.name && snapshot.samples[i].asset === assetName(sample.url));
  return same ? snapshot : null;
}
