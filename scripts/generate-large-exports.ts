/**
 * Writes large, deterministic annotation exports for the browser load tests
 * (test/e2e/large-files.test.ts, ANNOQA_LARGE=1) into bench/data/ (git-ignored):
 *
 * - `large-long.csv`: a long CSV, one judgement per row (default 500 MB);
 * - `large-labelstudio.json`: a Label Studio full JSON export, pretty-printed as Label Studio
 *   writes it (default 200 MB): tasks → annotations → result[] with a choices and a rating
 *   control, `completed_by` objects, `lead_time`, `created_at`.
 *
 * Usage: npx tsx scripts/generate-large-exports.ts [--csv-mb 500] [--json-mb 200] [--out bench/data]
 * The same seed always gives the same bytes.
 */
import { closeSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** mulberry32: a small seeded PRNG (deterministic output across runs and machines). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LABELS = ['positive', 'negative', 'neutral'];
const WORDS =
  'the a model answer was clear helpful wrong short long precise vague polite rude correct source cites claims data'.split(' ');

/** Appends text to a file in large writes (a 500 MB file is never one string). */
class Writer {
  private readonly fd: number;
  private buffer: string[] = [];
  private length = 0;
  written = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  write(text: string): void {
    this.buffer.push(text);
    this.length += text.length;
    if (this.length > 4 * 1024 ** 2) this.flush();
  }
  flush(): void {
    this.written += writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.length = 0;
  }
  /** Bytes written so far, buffered ones included (the text is ASCII). */
  get size(): number {
    return this.written + this.length;
  }
  close(): number {
    this.flush();
    closeSync(this.fd);
    return this.written;
  }
}

/**
 * A long CSV of about `targetBytes`: 5 annotators answer a `sentiment` question on each item;
 * one extra column (`comment`) maps to no canonical field. Returns the number of data rows.
 */
export function writeLongCsv(path: string, targetBytes: number, seed = 7): number {
  const rand = random(seed);
  const out = new Writer(path);
  out.write('batch_id,item_id,question,annotator_id,label,submitted_at,duration_s,comment\n');
  let rows = 0;
  const start = Date.UTC(2026, 0, 1);
  for (let item = 1; out.size < targetBytes || rows === 0; item++) {
    for (let a = 1; a <= 5; a++) {
      const label = LABELS[Math.floor(rand() * 3)];
      const time = new Date(start + item * 61_000 + a * 7_000).toISOString().replace('.000Z', 'Z');
      out.write(`batch-${1 + (item % 4)},item-${item},sentiment,ann-${a},${label},${time},${(5 + rand() * 60).toFixed(1)},ok\n`);
      rows++;
    }
  }
  out.close();
  return rows;
}

/**
 * A Label Studio full JSON export of about `targetBytes`, indented as Label Studio writes it:
 * each task has 3 annotations with a `sentiment` choice and a `quality` rating. Returns the
 * number of tasks (each gives 6 judgements).
 */
export function writeLabelStudioJson(path: string, targetBytes: number, seed = 11): number {
  const rand = random(seed);
  const out = new Writer(path);
  out.write('[');
  let tasks = 0;
  const start = Date.UTC(2026, 0, 1);
  for (let id = 1; out.size < targetBytes || tasks === 0; id++) {
    const text = Array.from({ length: 20 + Math.floor(rand() * 30) }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
    const annotations = [1, 2, 3].map((a) => {
      const created = new Date(start + id * 97_000 + a * 11_000).toISOString();
      return {
        id: id * 10 + a,
        completed_by: { id: a, email: `annotator${a}@example.com`, first_name: '', last_name: '' },
        result: [
          {
            value: { choices: [LABELS[Math.floor(rand() * 3)]] },
            id: `c${id}-${a}`,
            from_name: 'sentiment',
            to_name: 'text',
            type: 'choices',
            origin: 'manual',
          },
          {
            value: { rating: 1 + Math.floor(rand() * 5) },
            id: `r${id}-${a}`,
            from_name: 'quality',
            to_name: 'text',
            type: 'rating',
            origin: 'manual',
          },
        ],
        was_cancelled: false,
        ground_truth: false,
        created_at: created,
        updated_at: created,
        lead_time: Number((3 + rand() * 40).toFixed(3)),
        prediction: {},
        result_count: 0,
        task: id,
        project: 1,
        parent_prediction: null,
        parent_annotation: null,
      };
    });
    const task = {
      id,
      annotations,
      file_upload: 'reviews.json',
      drafts: [],
      predictions: [],
      data: { text },
      meta: {},
      created_at: new Date(start + id * 97_000).toISOString(),
      updated_at: new Date(start + id * 97_000).toISOString(),
      inner_id: id,
      total_annotations: 3,
      cancelled_annotations: 0,
      total_predictions: 0,
      comment_count: 0,
      unresolved_comment_count: 0,
      last_comment_updated_at: null,
      project: 1,
      updated_by: null,
      comment_authors: [],
    };
    out.write(`${tasks === 0 ? '\n' : ',\n'}  ${JSON.stringify(task, null, 2).replaceAll('\n', '\n  ')}`);
    tasks++;
  }
  out.write('\n]\n');
  out.close();
  return tasks;
}

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args[at + 1] : fallback;
  };
  const outDir = resolve(option('out', join(import.meta.dirname, '..', 'bench', 'data')));
  mkdirSync(outDir, { recursive: true });
  const csv = join(outDir, 'large-long.csv');
  const json = join(outDir, 'large-labelstudio.json');
  const rows = writeLongCsv(csv, Number(option('csv-mb', '500')) * 1e6);
  console.log(`${csv}: ${rows} rows, ${(statSync(csv).size / 1e6).toFixed(1)} MB`);
  const tasks = writeLabelStudioJson(json, Number(option('json-mb', '200')) * 1e6);
  console.log(`${json}: ${tasks} tasks (${tasks * 6} judgements), ${(statSync(json).size / 1e6).toFixed(1)} MB`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
