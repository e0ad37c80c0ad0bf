import type { Connector } from '../db/connector';
import { parseInWorker } from '../ingest/worker-client';
import { SAMPLE_FILES, sampleBytes, sampleSnapshotText } from './sample-data';
import { loadSamples, matchingSampleSnapshot, type SampleSnapshot } from './sample-snapshot';
import { timed } from './timing';

/** The build's snapshot of the sample's first views, if there is one for exactly the sample files served. */
export async function servedSampleSnapshot(): Promise<SampleSnapshot | null> {
  try {
    const text = await sampleSnapshotText();
    return text === null ? null : matchingSampleSnapshot(text, SAMPLE_FILES);
  } catch {
    return null; // unreadable: the dashboard waits for DuckDB, as without one
  }
}

/**
 * Opens DuckDB (`open`) behind views drawn from the snapshot and loads the samples into it, each
 * parsed in the ingest worker, one after another, so that the page's thread stays free. Once
 * `wanted()` is false (the user's own file replaces the sample), the samples not yet parsed or
 * loaded are skipped, so that file waits only for DuckDB to start.
 */
export function openWithSamples(open: () => Promise<Connector>, wanted: () => boolean = () => true): Promise<Connector> {
  let parsing: Promise<unknown> = Promise.resolve();
  const samples = SAMPLE_FILES.map((f) => {
    const parsed = parsing.then(async () =>
      wanted()
        ? timed(`parse:${f.name}`, async () =>
            parseInWorker(
              new Blob([(await sampleBytes(f)) as Uint8Array<ArrayBuffer>]),
              { fileName: f.name, role: f.role },
              () => undefined,
            ),
          )
        : null,
    );
    parsing = parsed.catch(() => undefined);
    return { parsed: () => parsed };
  });
  return timed('duckdb:sample', async () => {
    const db = await timed('duckdb:start', open);
    await loadSamples(db, samples, wanted);
    return db;
  });
}
