/**
 * Build step (after `vite build`): computes what every view of the page first shows on the
 * sample (`DashboardState.computeFirstStates`, the page's own state classes, compiled by Vite as
 * for server-side rendering) on duckdb-wasm (the browser's engine, Node build), from the sample files the build
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
import type { AppState } from '../src/lib/state/app.svelte';
import type * as Dashboard from '../src/lib/state/dashboard.svelte';
import { loadSamples, type SampleSnapshot } from '../src/lib/state/sample-snapshot';
import { createServer } from 'vite';

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
const vite = await createServer({ server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error' });
const db = await openWasmNode();
try {
  const { DashboardState } = (await vite.ssrLoadModule('/src/lib/state/dashboard.svelte.ts')) as typeof Dashboard;
  await loadSamples(
    db,
    files.map((f) => ({ parsed: () => parseFile({ fileName: f.name, role: f.role, bytes: f.bytes }) })),
  );
  const recording = recordReads(db);
  await new DashboardState({} as AppState).computeFirstStates(recording.connector);
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
  await vite.close();
}
