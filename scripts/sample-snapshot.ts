/**
 * Build step (after `vite build`): computes the sample's first dashboard on duckdb-wasm (the
 * browser's engine, Node build) with the app's own code, from the sample files the build
 * emitted (dist/assets/<name>-<content hash>.csv, checked byte for byte against sample-data/),
 * and writes every read it made to dist/sample-snapshot.json.gz with each file's asset name.
 * The page draws its first dashboard from it while DuckDB starts (`replayReads`), only when its
 * sample URLs are these assets. Usage: tsx scripts/sample-snapshot.ts [outDir=dist]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { recordReads } from '../src/lib/db/read-snapshot';
import { openWasmNode } from '../src/lib/db/wasm-node';
import { parseFile } from '../src/lib/ingest/parse-file';
import { SAMPLE_SNAPSHOT_FILE, sampleLoadOrder } from '../src/lib/state/sample-files';
import { firstDashboardReads, loadSamples, type SampleSnapshot } from '../src/lib/state/sample-snapshot';

const outDir = process.argv[2] ?? 'dist';
const sampleDir = join(import.meta.dirname, '..', 'sample-data');
const started = performance.now();

const assets = readdirSync(join(outDir, 'assets'));
const files = sampleLoadOrder(
  readdirSync(sampleDir)
    .filter((name) => name.endsWith('.csv'))
    .map((name) => {
      const bytes = new Uint8Array(readFileSync(join(sampleDir, name)));
      const emitted = assets.filter((a) => a.startsWith(`${basename(name, '.csv')}-`) && a.endsWith('.csv'));
      const asset = emitted.find((a) => readFileSync(join(outDir, 'assets', a)).equals(bytes));
      if (!asset) throw new Error(`${name}: the build emitted no asset with its bytes (found ${emitted.join(', ') || 'none'})`);
      return { name, asset, bytes };
    }),
);
const db = await openWasmNode();
try {
  await loadSamples(
    db,
    files.map((f) => ({ parsed: () => parseFile({ fileName: f.name, role: f.role, bytes: f.bytes }) })),
  );
  const recording = recordReads(db);
  await firstDashboardReads(recording.connector);
  const snapshot: SampleSnapshot = {
    samples: files.map((f) => ({ name: f.name, asset: f.asset })),
    reads: recording.reads(),
  };
  const gzipped = gzipSync(JSON.stringify(snapshot), { level: 9 });
  writeFileSync(join(outDir, SAMPLE_SNAPSHOT_FILE), gzipped);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${SAMPLE_SNAPSHOT_FILE}: ${snapshot.reads.length} reads, ${(gzipped.length / 1024).toFixed(0)} KiB, in ${seconds} s`,
  );
} finally {
  await db.close();
}
