/**
 * AnnoQA's performance benchmark (`npm run bench`): generates the synthetic exports
 * (bench/generate.ts), then in one run measures
 *
 * - on Node, each in its own process with a time limit: ingest (`loadDelimited`) +
 *   `refreshQuestions` + the full report (`buildReport`) on duckdb-wasm (the browser's engine)
 *   and on native DuckDB with 1 thread and with the default threads, running the same code;
 * - in headless Chromium on the built app (`dist/`): cold start to the first dashboard with the
 *   sample data, and each file through the UI (file input → mapping dialog → Load → dashboard);
 * - in headless Chromium, the same ingest + full report code in a Web Worker (bench/harness);
 * - the Python notebook a QA lead would write instead (bench/notebook-case.ts: pandas +
 *   statsmodels), on the same CSV, its figures compared with AnnoQA's report.
 *
 * Wall times are noisy on a shared machine, so CPU times are recorded beside them, and ratios
 * (wasm ÷ native) are taken within the same run. Results go to bench/results/latest.json and a
 * Markdown table is printed for the README.
 *
 *   npm run bench -- [--sizes 100k,1M] [--skip-browser] [--skip-node] [--repeats 3]
 *                    [--engines wasm,native1,native] [--timeout 900] [--no-parquet] [--no-bootstrap] [--no-notebook] [--out latest.json]
 *
 * Browser runs at 5M/10M happen only when --sizes names them.
 */
import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { childFailure } from './child-failure';
import { ensureData, parseSize, sizeLabel } from './generate';
import type { EngineName, NodeCaseResult } from './node-case';
import { compareWithReport, runNotebook, type ReportFigures } from './notebook-case';
import { formatMarkdown, median } from './report-table';
import { targetRows } from './targets';

const ROOT = join(import.meta.dirname, '..');

export interface BenchOptions {
  sizes: number[];
  browserSizes: number[];
  engines: EngineName[];
  repeats: number;
  timeoutS: number;
  skipBrowser: boolean;
  skipNode: boolean;
  parquet: boolean;
  /** Agreement bootstrap in the report (the CLI's default); `--no-bootstrap` leaves it out. */
  bootstrap: boolean;
  /** The pandas notebook baseline beside the Node cases; `--no-notebook` leaves it out. */
  notebook: boolean;
  /** Results file name under bench/results/ (default latest.json). */
  out: string;
}

export function parseArgs(argv: string[]): BenchOptions {
  const value = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const named = value('--sizes');
  const sizes = (named ?? '100k,1M').split(',').map(parseSize);
  return {
    sizes,
    // 5M/10M in the browser only when asked for by name
    browserSizes: named ? sizes : sizes.filter((n) => n <= 1_000_000),
    engines: (value('--engines') ?? 'wasm,native1,native').split(',') as EngineName[],
    repeats: Number(value('--repeats') ?? 3),
    timeoutS: Number(value('--timeout') ?? 900),
    skipBrowser: argv.includes('--skip-browser'),
    skipNode: argv.includes('--skip-node'),
    parquet: !argv.includes('--no-parquet'),
    bootstrap: !argv.includes('--no-bootstrap'),
    notebook: !argv.includes('--no-notebook'),
    out: value('--out') ?? 'latest.json',
  };
}

function machine() {
  let chromium = 'not found';
  try {
    chromium = execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    // recorded as not found
  }
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const load = os.loadavg();
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memory_gb: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium,
    duckdb_wasm: pkg.dependencies['@duckdb/duckdb-wasm'],
    duckdb_native: pkg.dependencies['@duckdb/node-api'] ?? pkg.devDependencies['@duckdb/node-api'],
    load_average_at_start: load.map((x) => Math.round(x * 10) / 10),
  };
}

/** Runs one Node case in a child process with a time limit; null fields and an error when it fails. */
function nodeCase(
  engine: EngineName,
  file: string,
  timeoutS: number,
  bootstrap = true,
  reportOut?: string,
): NodeCaseResult | { engine: EngineName; file: string; error: string } {
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(import.meta.dirname, 'node-case.ts'),
      '--engine',
      engine,
      '--file',
      file,
      ...(bootstrap ? [] : ['--no-bootstrap']),
      ...(reportOut ? ['--report-out', reportOut] : []),
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: timeoutS * 1000,
      killSignal: 'SIGKILL',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, TZ: 'UTC' },
    },
  );
  const line = child.stdout?.split('\n').find((l) => l.startsWith('RESULT '));
  if (line) return JSON.parse(line.slice(7)) as NodeCaseResult;
  return { engine, file: file.split('/').pop()!, error: childFailure(child, timeoutS) };
}

/** Repeats a case (median of the runs' times); large files run once. */
function repeatedCase(engine: EngineName, file: string, repeats: number, timeoutS: number, bootstrap = true, reportOut?: string) {
  const runs = [];
  for (let r = 0; r < repeats; r++) {
    const result = nodeCase(engine, file, timeoutS, bootstrap, reportOut);
    runs.push(result);
    console.error(
      `  ${engine.padEnd(7)} ${file.split('/').pop()} run ${r + 1}/${repeats}: ${'error' in result ? result.error : `ingest ${result.ingest_ms} ms (cpu ${result.cpu_ms.ingest}), report ${result.report_ms} ms (cpu ${result.cpu_ms.report})`}`,
    );
    if ('error' in result) break;
  }
  const ok = runs.filter((r): r is NodeCaseResult => !('error' in r));
  if (ok.length === 0) return runs[0];
  const pick = (f: (r: NodeCaseResult) => number | null) => median(ok.map(f).filter((x): x is number => x !== null));
  const base = ok[ok.length - 1];
  return {
    ...base,
    runs: ok.length,
    ingest_ms: pick((r) => r.ingest_ms),
    questions_ms: pick((r) => r.questions_ms),
    report_ms: pick((r) => r.report_ms),
    filtered_report_ms: pick((r) => r.filtered_report_ms),
    cpu_ms: Object.fromEntries(Object.keys(base.cpu_ms).map((k) => [k, median(ok.map((r) => r.cpu_ms[k]))])),
  };
}

/** The notebook on `csv`: its times and, when AnnoQA's report of the file is at hand, how their figures compare. */
function notebookCase(csv: string, timeoutS: number, reportFile: string | null) {
  const result = runNotebook(csv, timeoutS);
  if ('error' in result) {
    console.error(`    ${result.error}`);
    return result;
  }
  const { questions, ...times } = result;
  const comparison = reportFile ? compareWithReport(result, JSON.parse(readFileSync(reportFile, 'utf8')) as ReportFigures) : null;
  console.error(
    `    read ${times.read_ms} ms, metrics ${times.metrics_ms} ms; ${comparison ? `${comparison.questions} questions and ${comparison.groups} groups compared, ${comparison.mismatches.length} figures differ` : 'no AnnoQA report to compare with'}`,
  );
  return { ...times, questions: questions.length, comparison };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const started = new Date().toISOString();
  const results: Record<string, unknown> = {
    started,
    machine: machine(),
    options,
    node: {},
    notebook: {},
    app: null,
    harness: {},
  };
  console.error(`machine: ${JSON.stringify(results.machine)}`);
  const files = new Map<number, { csv: string; parquet: string | null }>();
  for (const n of options.sizes) files.set(n, await ensureData(n, options.parquet && n <= 1_000_000));

  if (!options.skipNode) {
    const node: Record<string, unknown[]> = {};
    const notebook: Record<string, unknown> = {};
    // the engine whose report the notebook is compared with (every engine's report is the same)
    const reportEngine = options.engines.includes('native') ? 'native' : options.engines[0];
    for (const n of options.sizes) {
      const { csv, parquet } = files.get(n)!;
      const repeats = n <= 100_000 ? options.repeats : 1;
      const reportOut = join(ROOT, 'bench', 'data', `report-${sizeLabel(n)}.json`);
      rmSync(reportOut, { force: true });
      node[sizeLabel(n)] = options.engines.map((engine) =>
        repeatedCase(engine, csv, repeats, options.timeoutS, options.bootstrap, engine === reportEngine ? reportOut : undefined),
      );
      if (options.notebook) {
        console.error(`  notebook ${csv.split('/').pop()} (pandas + statsmodels) …`);
        notebook[sizeLabel(n)] = notebookCase(csv, options.timeoutS, existsSync(reportOut) ? reportOut : null);
        results.notebook = notebook;
      }
      // Parquet goes through the app's loadFile (parquet-wasm → Arrow → DuckDB, then the CSV loader's checks) on the browser's engine.
      if (parquet && options.engines.includes('wasm'))
        node[`${sizeLabel(n)} parquet`] = [repeatedCase('wasm', parquet, 1, options.timeoutS, options.bootstrap)];
      results.node = node;
      save(results);
    }
  }

  if (!options.skipBrowser) {
    if (!existsSync(join(ROOT, 'dist', 'index.html'))) {
      console.error('building the app (npm run build: the site and its snapshot of the sample) …');
      execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    }
    const { buildHarness, measureApp, measureHarness } = await import('./browser-case');
    const browserFiles = options.browserSizes.map((n) => files.get(n)!.csv);
    console.error(`browser: app with ${browserFiles.map((f) => f.split('/').pop()).join(', ')} …`);
    results.app = await withTimeout(
      measureApp(browserFiles, options.timeoutS * 1000),
      options.timeoutS * 1000 * (browserFiles.length + 2),
      'app',
    );
    save(results);
    await buildHarness();
    const harness: Record<string, unknown> = {};
    const harnessFiles = options.browserSizes.flatMap((n) => {
      const { csv, parquet } = files.get(n)!;
      return [[sizeLabel(n), csv] as const, ...(parquet ? [[`${sizeLabel(n)} parquet`, parquet] as const] : [])];
    });
    for (const [label, file] of harnessFiles) {
      if (statSync(file).size > 1024 ** 3) {
        harness[label] = {
          file,
          error: 'skipped: larger than the app accepts (1 GiB); the CLI on native DuckDB handles it',
        };
        continue;
      }
      console.error(`browser: harness ${label} …`);
      harness[label] = await withTimeout(
        measureHarness(file, options.timeoutS * 1000),
        options.timeoutS * 1000 + 180_000,
        'harness',
      );
      results.harness = harness;
      save(results);
    }
  }
  results.finished = new Date().toISOString();
  results.targets = targetRows(results as never);
  save(results);
  console.log(formatMarkdown(results as never));
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T | { error: string }> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<{ error: string }>(
    (resolve) => (timer = setTimeout(() => resolve({ error: `${what}: time limit ${ms / 1000} s` }), ms)),
  );
  try {
    return await Promise.race([promise.catch((error: Error) => ({ error: error.message.split('\n')[0] })), limit]);
  } finally {
    clearTimeout(timer);
  }
}

function save(results: Record<string, unknown>, out = (results.options as BenchOptions).out): void {
  mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
  writeFileSync(join(import.meta.dirname, 'results', out), JSON.stringify(results, null, 2) + '\n');
}

if (process.argv[1]?.endsWith('run.ts')) {
  await main();
  process.exit(0);
}
