/**
 * Issue 9's targets against one benchmark run: each target with what the run measured, whether
 * it is met, and the floor the same run measured for the same work (native DuckDB running the
 * same SQL on both cores; its bare `read_csv` of the file) — so a miss says how far it is from
 * what this machine can do at all, not only from the target.
 */
import type { ViewLatency } from './browser-case';
import type { NodeCaseResult } from './node-case';
import type { Results } from './report-table';

export interface TargetRow {
  measure: string;
  target: string;
  /** What this run measured, as shown; null when the run did not measure it. */
  measured: string | null;
  /** null when not measured. */
  met: boolean | null;
  /** The same work on native DuckDB in this run, when measured. */
  floor: string | null;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

function nodeEntry(results: Results, size: string, engine: string): NodeCaseResult | null {
  const entry = results.node[size]?.find((e) => e.engine === engine);
  return entry && !('error' in entry) ? entry : null;
}

/** Load + question inference + full report: what a user waits for from picking the file to the whole report. */
function loadAndReport(e: { ingest_ms?: number; questions_ms?: number; report_ms?: number } | null | undefined) {
  if (!e || e.ingest_ms === undefined || e.report_ms === undefined) return null;
  return e.ingest_ms + (e.questions_ms ?? 0) + e.report_ms;
}

function loadTarget(results: Results, label: string, size: string, format: 'CSV' | 'Parquet', limitMs: number): TargetRow {
  const page = results.harness?.[format === 'CSV' ? size : `${size} parquet`];
  const total = page && !page.error ? loadAndReport(page) : null;
  const native = nodeEntry(results, size, 'native');
  const nativeTotal = loadAndReport(native);
  const bareRead = native?.floor_read_ms ? `; its bare read_csv alone ${seconds(native.floor_read_ms)}` : '';
  const floor = nativeTotal === null ? null : `native DuckDB, both cores, from the CSV: ${seconds(nativeTotal)}${bareRead}`;
  return {
    measure: label,
    target: `≤ ${limitMs / 1000} s`,
    measured:
      total === null
        ? null
        : `${seconds(total)} in Chromium (${seconds(page!.ingest_ms! + (page!.questions_ms ?? 0))} + ${seconds(page!.report_ms!)})`,
    met: total === null ? null : total <= limitMs,
    floor,
  };
}

function wasmRatio(results: Results): TargetRow {
  const native1 = nodeEntry(results, '1M', 'native1');
  const wasm = nodeEntry(results, '1M', 'wasm');
  const page = results.harness?.['1M'];
  const ratios: [string, number][] = [];
  if (native1 && wasm) ratios.push(['Node', wasm.report_ms / native1.report_ms]);
  if (native1 && page?.report_ms !== undefined && !page.error) ratios.push(['Chromium', page.report_ms / native1.report_ms]);
  return {
    measure: 'full report at 1M, duckdb-wasm ÷ native DuckDB (1 thread, same SQL)',
    target: '≤ 2×',
    measured: ratios.length ? ratios.map(([where, r]) => `${r.toFixed(2)}× ${where}`).join(', ') : null,
    met: ratios.length ? ratios.every(([, r]) => r <= 2) : null,
    floor: native1 ? `native, 1 thread: ${seconds(native1.report_ms)}` : null,
  };
}

/** The slowest view's one-batch filter, picked the instant the view is ready and once it has settled. */
function filterLatency(results: Results): TargetRow {
  const file = results.app?.files?.find((f) => String(f.file).includes('-1M.'));
  const views = (file?.views as ViewLatency[] | undefined)?.filter((v) => !v.error) ?? [];
  const slowest = (pick: (v: ViewLatency) => number | null | undefined) => {
    const timed = views.filter((v) => typeof pick(v) === 'number');
    return timed.length ? timed.reduce((a, b) => (pick(b)! > pick(a)! ? b : a)) : null;
  };
  const atOnce = slowest((v) => v.filter_ms);
  const settled = slowest((v) => v.settled_filter_ms);
  const shown = (v: ViewLatency | null, ms: number | null | undefined) => (v ? `${seconds(ms!)} (${v.view})` : '–');
  return {
    measure: 'one-batch filter at 1M in the app, slowest view: picked the instant the view is ready / once it has settled',
    target: '≤ 0.15 s',
    measured: atOnce || settled ? `${shown(atOnce, atOnce?.filter_ms)} / ${shown(settled, settled?.settled_filter_ms)}` : null,
    met: atOnce && settled ? atOnce.filter_ms! <= 150 && settled.settled_filter_ms! <= 150 : null,
    floor: null,
  };
}

/** 10M judgements in the page: loaded and reported within the page's memory, if the run tried it. */
function pageAt10M(results: Results): TargetRow {
  const file = results.app?.files?.find((f) => String(f.file).includes('-10M.'));
  const row: TargetRow = {
    measure: '10M judgements in the page: loads and reports without crashing',
    target: 'peak page memory ≤ 3 GB',
    measured: null,
    met: null,
    floor: null,
  };
  if (!file) return row;
  if (file.refused) return { ...row, measured: `refused before loading: ${String(file.refused).slice(0, 80)}`, met: false };
  if (file.error) return { ...row, measured: `failed: ${String(file.error).slice(0, 80)}`, met: false };
  const peak = Number(file.peak_renderer_rss_mb);
  return { ...row, measured: `loaded, peak renderer RSS ${peak} MB`, met: peak <= 3000 };
}

function cliAt10M(results: Results): TargetRow {
  const native = nodeEntry(results, '10M', 'native');
  return {
    measure: 'CLI at 10M (native DuckDB): full report',
    target: '≤ 15 s',
    measured: native
      ? `${seconds(native.report_ms)} (after a ${seconds(native.ingest_ms)} load; peak RSS ${native.peak_rss_mb} MB)`
      : null,
    met: native ? native.report_ms <= 15_000 : null,
    floor: native?.floor_read_ms ? `bare read_csv of the 10M CSV alone: ${seconds(native.floor_read_ms)}` : null,
  };
}

/** Every target of issue 9 that `results` measured, in the order (the others with measured = null). */
export function targetRows(results: Results): TargetRow[] {
  const coldStart = results.app?.cold_start_in_page_ms;
  return [
    {
      measure: 'cold start to the first dashboard (sample data)',
      target: '≤ 3 s',
      measured: coldStart === undefined ? null : seconds(coldStart),
      met: coldStart === undefined ? null : coldStart <= 3000,
      floor: null,
    },
    loadTarget(results, '1M judgements CSV: load + full report', '1M', 'CSV', 4000),
    loadTarget(results, '1M judgements Parquet: load + full report', '1M', 'Parquet', 3000),
    wasmRatio(results),
    filterLatency(results),
    pageAt10M(results),
    cliAt10M(results),
  ];
}

/** The rows as a Markdown table. */
export function targetsTable(results: Results): string[] {
  const verdict = (met: boolean | null) => (met === null ? 'not measured' : met ? 'met' : 'not met');
  return [
    '| issue 9 target | target | this run | | same work on native DuckDB |',
    '|---|---|---|---|---|',
    ...targetRows(results).map(
      (r) => `| ${r.measure} | ${r.target} | ${r.measured ?? '–'} | ${verdict(r.met)} | ${r.floor ?? '–'} |`,
    ),
  ];
}
