/** Markdown tables of a benchmark result (bench/results/latest.json) for the README. */
import type { FirstFileResult, HarnessResult, ViewLatency } from './browser-case';
import type { NodeCaseResult } from './node-case';
import type { NotebookComparison, NotebookResult } from './notebook-case';
import { targetsTable } from './targets';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

type NodeEntry = NodeCaseResult | { engine: string; file: string; error: string };

export interface Results {
  started: string;
  machine: Record<string, unknown>;
  node: Record<string, NodeEntry[]>;
  app: null | {
    error?: string;
    cold_start_ms?: number;
    cold_start_in_page_ms?: number;
    engine_ready_in_page_ms?: number;
    cold_start_peak_renderer_rss_mb?: number;
    files?: Record<string, unknown>[];
    first_file?: FirstFileResult | null;
  };
  harness: Record<string, HarnessResult>;
  notebook?: Record<string, NotebookEntry>;
}

type NotebookEntry =
  { error: string } | (Omit<NotebookResult, 'questions'> & { questions: number; comparison: NotebookComparison | null });

const s = (ms: unknown) => (typeof ms === 'number' && Number.isFinite(ms) ? (ms / 1000).toFixed(ms < 10_000 ? 2 : 1) : '–');
const ratio = (a: unknown, b: unknown) =>
  typeof a === 'number' && typeof b === 'number' && b > 0 ? `${(a / b).toFixed(2)}×` : '–';
const ok = (e: NodeEntry | undefined): e is NodeCaseResult => !!e && !('error' in e);

/** The README tables: Node engines side by side with ratios, the app in Chromium, the harness, the report's hot spots. */
export function formatMarkdown(results: Results): string {
  const m = results.machine;
  const out: string[] = [];
  out.push(
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memory_gb} GB RAM, ${m.os}, Node ${m.node}, ${m.chromium}, duckdb-wasm ${m.duckdb_wasm}, ` +
      `native DuckDB (@duckdb/node-api ${m.duckdb_native}); load average at start ${JSON.stringify(m.load_average_at_start)}. Run ${results.started}.`,
    '',
    ...targetsTable(results),
    '',
    'Wall time in seconds, with the process CPU time in brackets (the machine was shared, so CPU time is the steadier figure). ' +
      'Same code on every engine: `loadDelimited` + `refreshQuestions` + `buildReport` (bootstrap on). Ratio = wasm ÷ native (1 thread).',
    '',
    '| judgements | step | wasm (Node) | native, 1 thread | native, default threads | wasm ÷ native 1T (wall / CPU) |',
    '|---|---|---|---|---|---|',
  );
  for (const [size, entries] of Object.entries(results.node)) {
    if (size.endsWith('parquet')) continue;
    const by = (engine: string) => entries.find((e) => e.engine === engine);
    const [w, n1, n] = [by('wasm'), by('native1'), by('native')];
    const cell = (e: NodeEntry | undefined, wall: keyof NodeCaseResult, cpu: string) =>
      ok(e) ? `${s(e[wall])} (${s(e.cpu_ms[cpu])})` : e ? `failed: ${e.error.slice(0, 60)}` : '–';
    for (const [label, wall, cpu] of [
      ['ingest', 'ingest_ms', 'ingest'],
      ['question inference', 'questions_ms', 'questions'],
      ['full report', 'report_ms', 'report'],
      ['report, one-batch filter', 'filtered_report_ms', 'filtered'],
    ] as const) {
      const r = ok(w) && ok(n1) ? `${ratio(w[wall], n1[wall])} / ${ratio(w.cpu_ms[cpu], n1.cpu_ms[cpu])}` : '–';
      out.push(`| ${size} | ${label} | ${cell(w, wall, cpu)} | ${cell(n1, wall, cpu)} | ${cell(n, wall, cpu)} | ${r} |`);
    }
    const floor = (e: NodeEntry | undefined) => (ok(e) ? s(e.floor_read_ms) : '–');
    out.push(
      `| ${size} | floor: DuckDB's read_csv alone into a table | ${floor(w)} | ${floor(n1)} | ${floor(n)} | ${ok(w) && ok(n1) ? ratio(w.floor_read_ms, n1.floor_read_ms) : '–'} |`,
    );
    const rss = (e: NodeEntry | undefined) => (ok(e) ? `${e.peak_rss_mb} MB` : '–');
    out.push(`| ${size} | peak RSS | ${rss(w)} | ${rss(n1)} | ${rss(n)} | |`);
    const pq = results.node[`${size} parquet`]?.[0];
    if (pq)
      out.push(
        `| ${size} | Parquet ingest (loadFile: parquet-wasm → Arrow) | ${ok(pq) ? `${s(pq.ingest_ms)} (${s(pq.cpu_ms.ingest)})` : `failed: ${pq.error.slice(0, 60)}`} | | | |`,
      );
  }

  const app = results.app;
  if (app) {
    out.push('', '**The app in headless Chromium** (built `dist/`, through the UI):', '');
    if (app.error) out.push(`failed: ${app.error}`);
    else {
      out.push(
        `Cold start to the first dashboard with the sample data: ${s(app.cold_start_in_page_ms)} s from navigation, drawn from the build's snapshot; DuckDB started and loaded the sample behind it by ${s(app.engine_ready_in_page_ms)} s (peak renderer RSS ${app.cold_start_peak_renderer_rss_mb} MB).`,
        '',
      );
      const first = app.first_file;
      if (first)
        out.push(
          first.error
            ? `A fresh page, ${first.file} loaded as soon as the first dashboard showed: failed: ${first.error.slice(0, 120)}`
            : `A fresh page, ${first.file} loaded as soon as the first dashboard showed (${s(first.first_dashboard_in_page_ms)} s): its dashboard was ready ${s(first.load_to_dashboard_ms)} s after Load, ${s(first.own_dashboard_in_page_ms)} s from navigation.`,
          '',
        );
      out.push(
        '| file | MB | pick → mapping dialog | Load → loaded | loaded → dashboard | total | renderer CPU | peak renderer RSS | JS heap (main) |',
        '|---|---|---|---|---|---|---|---|---|',
      );
      for (const f of app.files ?? []) {
        const note = f.refused
          ? ` refused: ${String(f.refused).slice(0, 80)}`
          : f.error
            ? ` error: ${String(f.error).slice(0, 80)}`
            : '';
        out.push(
          `| ${f.file}${note} | ${Math.round(Number(f.bytes) / 1e6)} | ${s(f.choose_ms)} | ${s(f.load_ms)} | ${s(f.dashboard_ms)} | ${s(f.total_ms)} | ${s(f.renderer_cpu_ms)} | ${f.peak_renderer_rss_mb} MB | ${f.js_heap_used_mb ?? '–'} MB |`,
        );
      }
      for (const f of app.files ?? []) {
        const views = f.views as ViewLatency[] | undefined;
        if (!views?.length) continue;
        out.push(
          '',
          `Each view after loading ${f.file} (cumulative data): seconds until the view is ready again. "Settled" is another one-batch filter picked after the view has computed its likely next filter states in the background ("prefetch", seconds after it was ready).`,
          '',
          '| view | open | one-batch filter | clear filter | prefetch | one-batch filter, settled |',
          '|---|---|---|---|---|---|',
        );
        for (const v of views)
          out.push(
            `| ${v.view}${v.error ? ` (error: ${v.error.slice(0, 60)})` : ''} | ${s(v.open_ms)} | ${s(v.filter_ms)} | ${s(v.clear_ms)} | ${s(v.prefetch_ms ?? null)} | ${s(v.settled_filter_ms ?? null)} |`,
          );
      }
    }
  }

  const harness = Object.entries(results.harness ?? {});
  if (harness.length) {
    out.push(
      '',
      '**Full report in Chromium** (bench/harness: the same ingest — `loadDelimited`, or parquet-wasm → Arrow for Parquet — and `buildReport` on duckdb-wasm in a Web Worker), against native DuckDB in the same run:',
      '',
      '| judgements | ingest | full report | report, one-batch filter | renderer CPU | peak renderer RSS | report: browser ÷ native 1T | ÷ native default |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const [size, h] of harness) {
      const entries = results.node[size] ?? [];
      const n1 = entries.find((e) => e.engine === 'native1');
      const n = entries.find((e) => e.engine === 'native');
      if (h.error) out.push(`| ${size} | failed: ${h.error.slice(0, 100)} | | | | | | |`);
      else
        out.push(
          `| ${size} | ${s(h.ingest_ms)} | ${s(h.report_ms)} | ${s(h.filtered_report_ms)} | ${s(h.renderer_cpu_ms)} | ${h.peak_renderer_rss_mb} MB | ${ok(n1) ? ratio(h.report_ms, n1.report_ms) : '–'} | ${ok(n) ? ratio(h.report_ms, n.report_ms) : '–'} |`,
        );
    }
  }

  out.push(...chromiumStatements(results));
  out.push(...notebookTable(results));

  const sizes = Object.keys(results.node).filter((k) => !k.endsWith('parquet'));
  const largest = sizes[sizes.length - 1];
  const wasm = results.node[largest]?.find((e) => e.engine === 'wasm');
  const native1 = results.node[largest]?.find((e) => e.engine === 'native1');
  for (const [name, e] of [
    ['duckdb-wasm', wasm],
    ['native, 1 thread', native1],
  ] as const) {
    if (!ok(e)) continue;
    const sqlCpu = e.report_by_function.reduce((sum, f) => sum + f.cpu_ms, 0);
    // Statements are timed from when they start running (the connection runs one at a time), not from their call.
    const split =
      `Outside SQL (JS: bootstrap resamples, EM, matrices, row conversion, overlapping the statements): ${s(e.report_ms - e.report_sql_ms)} s wall, ` +
      `${s(e.cpu_ms.report - sqlCpu)} s CPU of ${s(e.report_ms)} s (${s(e.cpu_ms.report)} s CPU).`;
    out.push('', `**Where the full report's time goes at ${largest}** (${name}): SQL by calling function. ${split}`, '');
    out.push('| function | SQL wall s | CPU s | statements |', '|---|---|---|---|');
    for (const f of e.report_by_function) out.push(`| ${f.key} | ${s(f.ms)} | ${s(f.cpu_ms)} | ${f.statements} |`);
  }
  if (ok(wasm)) {
    out.push('', `**Ingest statements at ${largest}** (duckdb-wasm):`, '', '| statement | wall s | CPU s |', '|---|---|---|');
    for (const f of wasm.ingest_profile.slice(0, 8))
      out.push(`| ${f.key.replaceAll('|', '\\|').slice(0, 110)} | ${s(f.ms)} | ${s(f.cpu_ms)} |`);
  }
  return out.join('\n');
}

/**
 * The notebook baseline beside AnnoQA on the same CSV: the notebook's read and metrics, AnnoQA's
 * load + question inference + full report on the CLI's engine (native DuckDB) and in Chromium
 * (the harness), and how many of their shared figures differ.
 */
function notebookTable(results: Results): string[] {
  const entries = Object.entries(results.notebook ?? {});
  if (!entries.length) return [];
  const out = [
    '',
    "**Against the Python notebook** a QA lead would write instead (bench/notebook: pandas + statsmodels; read, then per question percent agreement, Fleiss' κ, Krippendorff's α with a 1,000-resample bootstrap, accuracy with Wilson and Clopper–Pearson intervals, majority vote; per annotator, strategy and batch judgements, units, active days, median and p90 duration, cost and accuracy). AnnoQA = load + question inference + full report (which computes more: every coefficient and level, Dawid–Skene, sessions, the guarantee). Shared figures compared question by question and group by group:",
    '',
    '| judgements | notebook: read | metrics (bootstrap) | total | AnnoQA CLI (native) | AnnoQA in Chromium | notebook ÷ CLI | notebook ÷ Chromium | figures compared |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const [size, nb] of entries) {
    if ('error' in nb) {
      out.push(`| ${size} | ${nb.error.slice(0, 100)} | | | | | | | |`);
      continue;
    }
    const total = nb.read_ms + nb.metrics_ms;
    const native = (results.node[size] ?? []).find((e) => e.engine === 'native');
    const cli = ok(native) ? native.ingest_ms + native.questions_ms + native.report_ms : null;
    const h = results.harness?.[size];
    const browser = h && !h.error ? Number(h.ingest_ms) + Number(h.questions_ms) + Number(h.report_ms) : null;
    const c = nb.comparison;
    const compared = c
      ? `${c.questions} questions and ${c.groups} annotators, strategies and batches: ${c.mismatches.length ? `${c.mismatches.length} differ, e.g. ${c.mismatches[0]}` : `all equal within ${c.tolerance} (relative above 1)`}`
      : '–';
    out.push(
      `| ${size} | ${s(nb.read_ms)} | ${s(nb.metrics_ms)} (${s(nb.bootstrap_ms)}) | ${s(total)} | ${s(cli)} | ${s(browser)} | ${ratio(total, cli)} | ${ratio(total, browser)} | ${compared} |`,
    );
  }
  return out;
}

/** The slowest statements of the largest harness report in Chromium, beside the same statement's time on duckdb-wasm in Node. */
function chromiumStatements(results: Results): string[] {
  const sizes = Object.keys(results.harness ?? {}).filter((k) => !k.endsWith('parquet'));
  const size = sizes[sizes.length - 1];
  const h = size ? results.harness[size] : undefined;
  if (!h?.report_top_statements) return [];
  const wasm = results.node[size]?.find((e) => e.engine === 'wasm');
  const onNode = (head: string) =>
    ok(wasm) ? wasm.report_top_statements.find((t) => t.key.includes(head.slice(0, 60)))?.ms : undefined;
  const out = [
    '',
    `**The report's statements in Chromium at ${size}**: ${h.report_statements} statements, ${s(h.report_sql_ms)} s of the report's ${s(h.report_ms)} s in DuckDB's worker; the slowest, beside the same statement on duckdb-wasm in Node (when among its slowest):`,
    '',
    '| statement | Chromium s | Node (wasm) s |',
    '|---|---|---|',
  ];
  for (const t of h.report_top_statements) out.push(`| ${t.key.replaceAll('|', '\\|')} | ${s(t.ms)} | ${s(onNode(t.key))} |`);
  return out;
}
