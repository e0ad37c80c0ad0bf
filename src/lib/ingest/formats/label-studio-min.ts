import { IngestError } from '../ingest-error';
import { excerptOf, shareAnnotationTime, type AdapterResult, type CanonicalJudgement } from './canonical-rows';
import { isObject, toId, toNumber } from './canonical-values';
import { labelStudioResult } from './label-studio-results';

export interface LabelStudioMinOptions {
  /** The control (result) columns; by default found from the values (see below). */
  controls?: string[];
  batchId?: string;
}

/** Columns Label Studio adds to every JSON-MIN/CSV row that are not task data or results. */
const META = new Set([
  'id',
  'annotator',
  'annotation_id',
  'created_at',
  'updated_at',
  'lead_time',
  'agreement',
  'drafts',
  'predictions',
  'total_annotations',
  'cancelled_annotations',
  'total_predictions',
  'comment_count',
  'unresolved_comment_count',
  'last_comment_updated_at',
  'project',
  'updated_by',
  'inner_id',
]);
const RESULT_KEYS = ['choices', 'rating', 'number', 'text', 'taxonomy', 'rectanglelabels', 'labels', 'selected'];

/**
 * Label Studio JSON-MIN and CSV exports (one row per annotation: `id` = task, `annotator`,
 * `annotation_id`, `lead_time`, `created_at`, the task's data fields and one column per
 * control; https://labelstud.io/guide/export#JSON-MIN) → canonical rows; `lead_time` is
 * shared by the annotation's rows (`shareAnnotationTime`).
 *
 * The export does not say which columns are controls. A column is one when it is named in
 * `controls`, or holds Label Studio result values (`{"choices": …}`, a list of boxes …), or
 * its value differs between two annotations of the same task; task data is the same for
 * every annotation of a task. A single choice is a plain string; a rating a number (a string
 * in CSV); several choices `{"choices": [...]}`; boxes a list of `{x, y, width, height,
 * rectanglelabels, original_width, original_height}` in percent (→ pixels). CSV cells holding
 * JSON are decoded. An empty control cell means the control was not answered.
 */
export function labelStudioMinAdapter(
  fileName: string,
  rows: Record<string, unknown>[],
  options: LabelStudioMinOptions = {},
): AdapterResult {
  const decoded = rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, decodeCell(v)])));
  const controls = options.controls ?? findControls(decoded);
  if (controls.length === 0) {
    const columns = Object.keys(rows[0] ?? {}).filter((c) => !META.has(c));
    throw new IngestError(
      fileName,
      `cannot tell which columns hold the annotations: none of ${columns.join(', ') || '(no column)'} holds Label Studio results or differs between annotators of a task. Name the result columns (controls) when loading`,
      1,
    );
  }
  const out: AdapterResult = { rows: [], gold: [], rejections: [] };
  decoded.forEach((row, index) => {
    const sourceRow = index + 1;
    const reject = (reason: string, what: unknown = rows[index]) =>
      out.rejections.push({ source_row: sourceRow, reason, excerpt: excerptOf(what) });
    const item = toId(row.id);
    const annotator = toId(row.annotator);
    if (!item) return reject('the task id (column "id") is empty');
    if (!annotator) return reject(`task ${item}: the annotator is empty`);
    const base: CanonicalJudgement = {
      source_row: sourceRow,
      batch_id: options.batchId ?? null,
      item_id: item,
      question: '',
      annotator_id: annotator,
      submitted_at: toId(row.created_at) ?? null,
      duration_s: toNumber(row.lead_time) ?? null,
    };
    let answered = 0;
    const answers: CanonicalJudgement[] = [];
    for (const control of controls) {
      const value = row[control];
      if (value === null || value === undefined || value === '') continue;
      for (const converted of controlValues(control, value)) {
        answered++;
        if ('problem' in converted) reject(`task ${item}, annotator "${annotator}": ${converted.problem}`);
        else answers.push({ ...base, ...converted.answer });
      }
    }
    out.rows.push(...shareAnnotationTime(answers));
    if (answered === 0) reject(`task ${item}, annotator "${annotator}": no answer in any of ${controls.join(', ')}`);
  });
  return out;
}

function controlValues(question: string, value: unknown): ReturnType<typeof labelStudioResult>[] {
  if (typeof value === 'number') return [{ answer: { question, label: String(value), score: value } }];
  if (typeof value === 'string') return [{ answer: { question, label: value, score: toNumber(value) ?? null } }];
  if (Array.isArray(value) && value.every(isObject)) {
    return value.map((box) =>
      labelStudioResult({
        from_name: question,
        type: 'rectanglelabels',
        value: box,
        original_width: box.original_width,
        original_height: box.original_height,
      }),
    );
  }
  if (Array.isArray(value)) return [labelStudioResult({ from_name: question, type: 'choices', value: { choices: value } })];
  if (isObject(value)) {
    const type = RESULT_KEYS.find((k) => k in value);
    if (type === 'text') return [labelStudioResult({ from_name: question, type: 'textarea', value })];
    if (type === 'selected') return [labelStudioResult({ from_name: question, to_name: '', type: 'pairwise', value })];
    if (type) return [labelStudioResult({ from_name: question, type, value })];
  }
  return [{ problem: `the value of "${question}" is not a Label Studio result: ${excerptOf(value, 80)}` }];
}

function findControls(rows: Record<string, unknown>[]): string[] {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((c) => !META.has(c));
  return columns.filter((column) => rows.some((r) => isResultValue(r[column])) || variesWithinTask(rows, column));
}

function isResultValue(value: unknown): boolean {
  if (isObject(value)) return RESULT_KEYS.some((k) => k in value);
  return Array.isArray(value) && value.length > 0 && value.every((v) => isObject(v) && 'x' in v && 'width' in v);
}

function variesWithinTask(rows: Record<string, unknown>[], column: string): boolean {
  const seen = new Map<string, string>();
  for (const row of rows) {
    const task = toId(row.id);
    if (!task) continue;
    const value = JSON.stringify(row[column] ?? null);
    const before = seen.get(task);
    if (before !== undefined && before !== value) return true;
    seen.set(task, value);
  }
  return false;
}

/** A CSV cell that holds JSON (an object or list, as Label Studio writes them) is decoded. */
function decodeCell(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (!(text.startsWith('{') || text.startsWith('['))) return value;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return value;
  }
}
