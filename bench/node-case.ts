/**
 * One benchmark case on Node, run in its own process by `bench/run.ts` (so that a crash or an
 * out-of-memory stays contained and the peak RSS is the case's own): opens an engine, loads a
 * file with the app's code (`loadDelimited` + `refreshQuestions`, or `loadFile` for Parquet),
 * builds the full report (`buildReport`, bootstrap on, fits in worker threads, reads through the
 * result cache, as the CLI does), and prints one JSON line with the timings and a per-statement
 * profile.
 *
 *   npx tsx bench/node-case.ts --engine wasm|native|native1 --file bench/data/judgements-1M.csv [--report-out FILE]
 *
 * `--report-out` writes the full report (as the CLI's `--json`) for the notebook comparison.
 */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Connector } from '../src/lib/db/connector';
import { withResultCache } from '../src/lib/db/result-cache';
import { createCanonicalTables } from '../src/lib/db/schema';
import { refreshQuestions } from '../src/lib/ingest/infer-questions';
import { loadDelimited } from '../src/lib/ingest/load-delimited';
import { sha256HexNode } from '../src/lib/ingest/sha256-node';
import { readFileOnDisk } from '../src/lib/db/files-on-disk';
import { runFitsInThreads } from '../src/lib/metrics/off-main-thread/fit-threads-node';
import { buildReport } from '../src/lib/report/build-report';
import { profiled, summarise, type StatementSummary } from './profile-connector';

export type EngineName = 'wasm' | 'native' | 'native1';

export interface NodeCaseResult {
  engine: EngineName;
  file: string;
  bootstrap: boolean;
  bytes: number;
  rows_loaded: number;
  rows_rejected: number;
  open_ms: number;
  ingest_ms: number;
  questions_ms: number;
  report_ms: number;
  /** The full report again with a one-batch filter: what a filter change costs when every metric is recomputed. */
  filtered_report_ms: number;
  /** CPU time (user + system, all threads) per phase: open, ingest, questions, report, filtered. */
  cpu_ms: Record<string, number>;
  /** Of report_ms, the time spent inside SQL statements (the rest is JS: bootstrap, matrices, stack). */
  report_sql_ms: number;
  /**
   * The floor of any CSV load on this engine: DuckDB's `read_csv` of the same bytes into a table,
   * every column VARCHAR, nothing checked, numbered or keyed (after the report; null for Parquet).
   */
  floor_read_ms: number | null;
  peak_rss_mb: number;
  ingest_profile: StatementSummary[];
  report_by_function: StatementSummary[];
  report_top_statements: StatementSummary[];
}

async function open(engine: EngineName): Promise<Connector> {
  if (engine === 'wasm') return (await import('../src/lib/db/wasm-node')).openWasmNode();
  const { openNativeNode } = await import('../src/lib/db/native-node');
  return openNativeNode(engine === 'native1' ? { threads: 1 } : {});
}

/** CPU time (user + system, all threads) of this process so far, in ms. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const cpu: Record<string, number> = {};

/** Wall time of `run`; its CPU time is kept in `cpu[label]` (robust when the machine is shared). */
async function timed<T>(run: () => Promise<T>, label = ''): Promise<[T, number]> {
  const start = performance.now();
  const cpuStart = cpuMs();
  const result = await run();
  if (label) cpu[label] = Math.round(cpuMs() - cpuStart);
  return [result, performance.now() - start];
}

/**
 * Wall time of reading the CSV `bytes` into a table of VARCHAR columns with DuckDB's reader
 * alone (the bench's own files: a plain header).
 */
async function readFloor(db: Connector, bytes: Uint8Array): Promise<number> {
  const header = new TextDecoder()
    .decode(bytes.subarray(0, bytes.indexOf(10)))
    .trim()
    .split(',');
  const columns = header.map((c) => `'${c}': 'VARCHAR'`).join(', ');
  await db.registerFile('floor.csv', bytes);
  const [, ms] = await timed(() =>
    db.query(`CREATE TABLE floor_read AS SELECT * FROM read_csv('floor.csv', header = true, auto_detect = false,
      columns = {${columns}}, delim = ',', quote = '"', escape = '"')`),
  );
  await db.exec('DROP TABLE floor_read');
  await db.dropFile('floor.csv');
  return ms;
}

export async function runNodeCase(
  engine: EngineName,
  file: string,
  withReport = true,
  bootstrap = true,
  reportOut?: string,
): Promise<NodeCaseResult> {
  const fits = runFitsInThreads(); // as the CLI runs them
  const [raw, open_ms] = await timed(() => open(engine), 'open');
  await createCanonicalTables(raw);
  const { db: measured, timings, setPhase } = profiled(raw);
  const db = withResultCache(measured); // as the CLI reads (the profile sees what reaches DuckDB)
  const bytes = readFileOnDisk(file); // as the CLI reads it (native DuckDB reads the file itself)
  setPhase('ingest');
  const [source, ingest_ms] = await timed(async () => {
    const input = { fileName: basename(file), bytes, sha256: sha256HexNode(bytes) }; // hashed as the CLI does
    if (file.endsWith('.parquet')) return (await import('../src/lib/ingest/load-file')).loadFile(db, input);
    return loadDelimited(db, input);
  }, 'ingest');
  setPhase('questions');
  const [, questions_ms] = await timed(() => refreshQuestions(db), 'questions');
  let report_ms = NaN;
  let filtered_report_ms = NaN;
  if (withReport) {
    setPhase('report');
    const [report, ms] = await timed(() => buildReport(db, { bootstrap }), 'report');
    report_ms = ms;
    if (reportOut) writeFileSync(reportOut, JSON.stringify(report));
    setPhase('filtered');
    [, filtered_report_ms] = await timed(
      () => buildReport(db, { bootstrap, filters: { batches: ['batch-2026-01'] } }),
      'filtered',
    );
  }
  const floor_read_ms = file.endsWith('.parquet') ? NaN : await readFloor(raw, bytes);
  const round = (x: number) => (Number.isFinite(x) ? Math.round(x) : null);
  const inPhase = (p: string) => timings.filter((t) => t.phase === p);
  const result = {
    engine,
    file: basename(file),
    bootstrap,
    bytes: bytes.length,
    rows_loaded: source.rowsLoaded,
    rows_rejected: source.rowsRejected,
    open_ms: round(open_ms),
    ingest_ms: round(ingest_ms),
    questions_ms: round(questions_ms),
    report_ms: round(report_ms),
    filtered_report_ms: round(filtered_report_ms),
    cpu_ms: { ...cpu },
    report_sql_ms: Math.round(inPhase('report').reduce((a, t) => a + t.ms, 0)),
    floor_read_ms: round(floor_read_ms),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    ingest_profile: summarise(inPhase('ingest'), (t) => `${t.caller}: ${t.sql.slice(0, 90)}`, 10),
    report_by_function: summarise(inPhase('report'), (t) => t.caller, 15),
    report_top_statements: summarise(inPhase('report'), (t) => `${t.caller}: ${t.sql.slice(0, 90)}`, 8),
  } as NodeCaseResult;
  await fits.close();
  await raw.close();
  return result;
}

if (process.argv[1]?.endsWith('node-case.ts')) {
  const args = process.argv.slice(2);
  const get = (flag: string) => args[args.indexOf(flag) + 1];
  const result = await runNodeCase(
    get('--engine') as EngineName,
    get('--file'),
    !args.includes('--ingest-only'),
    !args.includes('--no-bootstrap'),
    args.includes('--report-out') ? get('--report-out') : undefined,
  );
  console.log(`RESULT ${JSON.stringify(result)}`);
  process.exit(0);
}
