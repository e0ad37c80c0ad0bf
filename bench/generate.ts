/**
 * Deterministic synthetic long-format exports for the benchmark (`bench/run.ts`).
 *
 * Each item is judged by 5 annotators (of a pool of 60); items rotate through 3 strategies
 * (instruction tuning: a 1–5 quality grade; RLHF: an A/B preference with the two models and
 * the side shown first; vision–language: one of 5 categories), 4 monthly batches, gold on
 * 5 % of the items (a `gold` column, the same value on every row of the item), timestamps,
 * durations and costs. Every value is a pure function of (row, salt) through a 32-bit integer
 * hash, so any row can be made on its own and the file is the same on every machine.
 *
 * The CSV is streamed in chunks (never one string); the Parquet copy is written by native
 * DuckDB (@duckdb/node-api, which has the Parquet writer built in) from the CSV.
 *
 *   npx tsx bench/generate.ts --sizes 100k,1M [--no-parquet]
 */
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ANNOTATORS_PER_ITEM = 5;
export const ANNOTATOR_POOL = 60;
export const BATCHES = 4;
export const STRATEGIES = ['instruction_tuning', 'rlhf_preference', 'vl_alignment'] as const;
export const CATEGORIES = ['person', 'vehicle', 'animal', 'building', 'plant'] as const;
export const MODELS = ['atlas-7b', 'cirrus-70b', 'nimbus-13b'] as const;
export const GOLD_PERCENT = 5;
export const HEADER =
  'batch_id,strategy,item_id,question,annotator_id,value_kind,answer,gold,started_at,submitted_at,duration_s,cost_usd,prelabeled,option_a,option_b,shown_first';

export const DATA_DIR = join(import.meta.dirname, 'data');

/** `100k` → 100000, `1M` → 1000000, `2500` → 2500. */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!match) throw new Error(`not a size: ${text} (use e.g. 100k, 1M, 2500)`);
  const factor = match[2].toLowerCase() === 'k' ? 1e3 : match[2].toLowerCase() === 'm' ? 1e6 : 1;
  return Math.round(Number(match[1]) * factor);
}

/** 100000 → `100k`, 1000000 → `1M` (the label used in file names and results). */
export function sizeLabel(n: number): string {
  if (n >= 1e6 && n % 1e6 === 0) return `${n / 1e6}M`;
  if (n >= 1e3 && n % 1e3 === 0) return `${n / 1e3}k`;
  return String(n);
}

export function csvPath(n: number): string {
  return join(DATA_DIR, `judgements-${sizeLabel(n)}.csv`);
}

export function parquetPath(n: number): string {
  return join(DATA_DIR, `judgements-${sizeLabel(n)}.parquet`);
}

/** A 32-bit integer hash of (a, b, salt) (lowbias32 finaliser, Wellons 2018), as a number in [0, 1). */
export function unit(a: number, b: number, salt: number): number {
  let x = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b) ^ Math.imul(salt + 1, 0xc2b2ae35)) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return (x >>> 0) / 4294967296;
}

const DAY_MS = 86_400_000;

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

/** Annotator a's chance of giving the true answer (0.60–0.95), fixed per annotator. */
function skill(annotator: number): number {
  return 0.6 + 0.35 * unit(annotator, 0, 11);
}

/** Row r (0-based) of an export with n judgements, as one CSV line without the newline. */
export function row(r: number, n: number): string {
  const items = Math.ceil(n / ANNOTATORS_PER_ITEM);
  const item = Math.floor(r / ANNOTATORS_PER_ITEM);
  const slot = r % ANNOTATORS_PER_ITEM;
  const strategyIndex = item % STRATEGIES.length;
  const strategy = STRATEGIES[strategyIndex];
  const batch = Math.min(BATCHES - 1, Math.floor((item * BATCHES) / items));
  const batchId = `batch-2026-0${batch + 1}`;
  // slot × 13 mod 60 is distinct for the 5 slots: no annotator answers an item twice.
  const annotator = (item * 7 + slot * 13) % ANNOTATOR_POOL;
  const annotatorId = `ann-${String(annotator).padStart(2, '0')}`;
  const itemId = `${strategy.slice(0, 2)}-${batch + 1}-${item}`;
  const correct = unit(item, annotator, 3) < skill(annotator);
  const hasGold = unit(item, 0, 5) * 100 < GOLD_PERCENT;

  let question: string;
  let kind: string;
  let answer: string;
  let truth: string;
  let optionA = '';
  let optionB = '';
  let shownFirst = '';
  if (strategyIndex === 0) {
    question = 'quality';
    kind = 'number';
    const grade = 1 + Math.floor(unit(item, 0, 7) * 5);
    truth = String(grade);
    const off = unit(item, annotator, 9) < 0.5 ? -1 : 1;
    answer = String(correct ? grade : Math.min(5, Math.max(1, grade + off)));
  } else if (strategyIndex === 1) {
    question = 'preferred';
    kind = 'preference';
    optionA = MODELS[item % 3];
    optionB = MODELS[(item + 1) % 3];
    truth = unit(item, 0, 7) < 0.55 ? 'A' : 'B';
    answer = correct ? truth : truth === 'A' ? 'B' : 'A';
    shownFirst = unit(item, annotator, 13) < 0.5 ? 'A' : 'B';
  } else {
    question = 'category';
    kind = 'category';
    const c = Math.floor(unit(item, 0, 7) * CATEGORIES.length);
    truth = CATEGORIES[c];
    answer = correct ? truth : CATEGORIES[(c + 1 + Math.floor(unit(item, annotator, 9) * 4)) % 5];
  }
  const monthStart = Date.UTC(2026, batch, 1);
  const started = monthStart + Math.floor(unit(item, slot, 17) * 27 * DAY_MS) + 8 * 3600_000;
  const duration = 8 + Math.floor(unit(item, annotator, 19) * 150);
  const cost = (duration * (0.004 + 0.012 * unit(annotator, 1, 23))).toFixed(2);
  const prelabeled = strategyIndex === 2 ? (unit(item, 0, 29) < 0.3 ? 'true' : 'false') : '';
  return `${batchId},${strategy},${itemId},${question},${annotatorId},${kind},${answer},${hasGold ? truth : ''},${iso(started)},${iso(
    started + duration * 1000,
  )},${duration},${cost},${prelabeled},${optionA},${optionB},${shownFirst}`;
}

/** The CSV as chunks of up to `rowsPerChunk` lines (the first chunk starts with the header). */
export function* csvChunks(n: number, rowsPerChunk = 20_000): Generator<string> {
  for (let start = 0; start < n; start += rowsPerChunk) {
    const lines: string[] = start === 0 ? [HEADER] : [];
    for (let r = start; r < Math.min(n, start + rowsPerChunk); r++) lines.push(row(r, n));
    yield lines.join('\n') + '\n';
  }
}

/** Streams the CSV of n judgements to `path` (via a temporary file, so a stopped run leaves no half file). */
export async function writeCsv(n: number, path = csvPath(n)): Promise<string> {
  mkdirSync(DATA_DIR, { recursive: true });
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  for (const chunk of csvChunks(n)) {
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  renameSync(partial, path);
  return path;
}

/** Writes the Parquet copy of a CSV with native DuckDB (typed columns as DuckDB's CSV sniffer reads them; Snappy, which hyparquet reads). */
export async function writeParquet(csv: string, path: string): Promise<string> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
  await connection.run(
    `COPY (SELECT * FROM read_csv(${q(csv)}, header = true)) TO ${q(`${path}.partial`)} (FORMAT parquet, COMPRESSION snappy)`,
  );
  connection.closeSync();
  instance.closeSync();
  renameSync(`${path}.partial`, path);
  return path;
}

/** Makes the files for a size unless they exist already; returns their paths. */
export async function ensureData(n: number, parquet = true): Promise<{ csv: string; parquet: string | null }> {
  const csv = csvPath(n);
  if (!existsSync(csv)) {
    const start = performance.now();
    await writeCsv(n, csv);
    console.error(
      `generated ${csv} (${(statSync(csv).size / 1e6).toFixed(0)} MB) in ${((performance.now() - start) / 1000).toFixed(1)} s`,
    );
  }
  const pq = parquetPath(n);
  if (parquet && !existsSync(pq)) await writeParquet(csv, pq);
  return { csv, parquet: parquet ? pq : null };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sizesArg = args[args.indexOf('--sizes') + 1];
  const sizes = (args.includes('--sizes') ? sizesArg : '100k,1M').split(',').map(parseSize);
  for (const n of sizes) {
    const { csv, parquet } = await ensureData(n, !args.includes('--no-parquet'));
    console.log(`${sizeLabel(n)}: ${csv}${parquet ? `, ${parquet}` : ''}`);
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  await main();
}
