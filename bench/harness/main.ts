/**
 * The benchmark harness page (built by `bench/run.ts` into bench/data/harness-dist): the
 * app's own code — `openWasmBrowser` (duckdb-wasm in a Web Worker), `loadDelimited` (CSV) or
 * `parseFile` + `insertParsedFile` (Parquet, decoded by parquet-wasm on this page where the app
 * uses its ingest worker), `refreshQuestions`, `buildReport` — timed in Chromium, without the UI. The runner picks a
 * file with the input (read through the result cache, as the app reads); the results appear on `window.__bench`.
 */
import { openWasmBrowser } from '../../src/lib/db/wasm-browser';
import { withResultCache } from '../../src/lib/db/result-cache';
import { createCanonicalTables } from '../../src/lib/db/schema';
import { refreshQuestions } from '../../src/lib/ingest/infer-questions';
import parquetWasm from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { insertParsedFile } from '../../src/lib/ingest/insert-parsed-file';
import { loadDelimited } from '../../src/lib/ingest/load-delimited';
import { parseFile } from '../../src/lib/ingest/parse-file';
import { buildReport } from '../../src/lib/report/build-report';
import { agreementByQuestion } from '../../src/lib/metrics/agreement/agreement-by-question';
import { generateAgreementData } from '../agreement-data';
import { profiled, summarise, type StatementTiming } from '../profile-connector';

interface BenchWindow {
  __bench?: Record<string, unknown>;
}

const status = document.getElementById('status')!;
const input = document.querySelector<HTMLInputElement>('[data-testid=bench-file]')!;
const out: Record<string, unknown> = {};

async function timed<T>(name: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  status.textContent = name;
  const result = await run();
  out[`${name}_ms`] = Math.round(performance.now() - start);
  return result;
}

const db = await timed('open', () => openWasmBrowser());
if (location.hash === '#agreement') {
  // bench/agreement-bench.ts: every coefficient of one 1M-judgement question (best of 3), then with the bootstrap.
  await generateAgreementData(db);
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const start = performance.now();
    await agreementByQuestion(db, {}, { bootstrap: false });
    best = Math.min(best, performance.now() - start);
  }
  const start = performance.now();
  const [report] = [...(await agreementByQuestion(db, {}, { bootstrap: true })).values()];
  (window as BenchWindow).__bench = {
    coefficients_ms: Math.round(best),
    bootstrap_ms: Math.round(performance.now() - start),
    alpha: report.krippendorff_alpha,
    done: true,
  };
  status.textContent = 'done';
} else {
  await createCanonicalTables(db);
  (window as BenchWindow).__bench = { ready: true };
  status.textContent = 'ready';
}

input.addEventListener('change', async () => {
  // Every statement timed in the worker's order; a page cannot see which function sent one, so the SQL's head names it.
  const { db: measured, timings, setPhase } = profiled(db, { blocking: false });
  const app = withResultCache(measured);
  try {
    const file = input.files![0];
    const bytes = await timed('read', async () => new Uint8Array(await file.arrayBuffer()));
    const fileName = file.name;
    setPhase('ingest');
    const source = await timed('ingest', async () =>
      fileName.endsWith('.parquet')
        ? insertParsedFile(app, await parseFile({ fileName, bytes, parquet: { decode: 'arrow', wasm: async () => parquetWasm } }))
        : loadDelimited(app, { fileName, bytes }),
    );
    setPhase('questions');
    await timed('questions', () => refreshQuestions(app));
    setPhase('report');
    await timed('report', () => buildReport(app));
    setPhase('filtered');
    await timed('filtered_report', () => buildReport(app, { filters: { batches: ['batch-2026-01'] } }));
    const inPhase = (phase: string) => timings.filter((t) => t.phase === phase);
    const head = (t: StatementTiming) => t.sql.slice(0, 90);
    out.ingest_profile = summarise(inPhase('ingest'), head, 8);
    out.report_sql_ms = Math.round(inPhase('report').reduce((sum, t) => sum + t.ms, 0));
    out.report_statements = inPhase('report').length;
    out.report_top_statements = summarise(inPhase('report'), head, 8);
    out.rows_loaded = source.rowsLoaded;
    out.done = true;
  } catch (error) {
    out.error = (error as Error).message;
  }
  (window as BenchWindow).__bench = out;
  status.textContent = 'done';
});
