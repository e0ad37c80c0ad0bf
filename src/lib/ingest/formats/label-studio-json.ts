import {
  excerptOf,
  shareAnnotationTime,
  type AdapterResult,
  type CanonicalGold,
  type CanonicalJudgement,
} from './canonical-rows';
import { isObject, toId, toNumber } from './canonical-values';
import { labelStudioResult } from './label-studio-results';

export interface LabelStudioOptions {
  /** Used when an annotation has no `completed_by`. */
  annotator?: string;
  batchId?: string;
}

/**
 * Label Studio's full JSON export (a list of tasks, each with `annotations[].result[]`)
 * → canonical rows (https://labelstud.io/guide/export#Label-Studio-JSON-format-of-annotated-tasks).
 *
 * - item = task `id`; batch = the project id when the export names it; one record = one task
 *   (`source_row` is the task's 1-based position).
 * - annotator = `completed_by`: an id, or an object whose e-mail (else id) is used.
 * - submitted_at = `created_at`, duration_s = `lead_time` (seconds) shared by the annotation's
 *   rows (`shareAnnotationTime`); prelabeled when the
 *   annotation started from a prediction (`prediction`/`parent_prediction`, or a result origin
 *   `prediction…`). Predictions themselves are model output, not judgements.
 * - `was_cancelled` (skipped) annotations and annotations without results are rejected with
 *   the reason; so are tasks with no annotation at all, and unsupported result types.
 * - `ground_truth` annotations are the answer key: they go to `gold`, not `judgements`.
 * - per-region results (a `choices`/`textarea` result whose `id` is a box's id) are rejected:
 *   region attributes are not compared yet.
 */
export function labelStudioJsonAdapter(tasks: unknown[], options: LabelStudioOptions = {}): AdapterResult {
  const out: AdapterResult = { rows: [], gold: [], rejections: [] };
  tasks.forEach((task, index) => {
    const sourceRow = index + 1;
    const reject = (reason: string, record: unknown = task) =>
      out.rejections.push({ source_row: sourceRow, reason, excerpt: excerptOf(record) });
    if (!isObject(task)) return reject(`task ${sourceRow} is not a JSON object`);
    const item = toId(task.id);
    if (!item) return reject(`task ${sourceRow} has no id`);
    const annotations = Array.isArray(task.annotations) ? task.annotations : [];
    if (annotations.length === 0)
      return reject(
        `task ${item} has no annotation${Array.isArray(task.predictions) && task.predictions.length > 0 ? ' (only model predictions)' : ''}`,
      );
    for (const annotation of annotations) {
      if (!isObject(annotation)) {
        reject(`task ${item}: an annotation is not a JSON object`);
        continue;
      }
      const annotator = completedBy(annotation.completed_by) ?? options.annotator;
      const name = `annotation ${toId(annotation.id) ?? '?'} of task ${item}`;
      if (!annotator) {
        reject(`${name} has no completed_by: cannot tell who answered`, annotation);
        continue;
      }
      if (annotation.was_cancelled === true) {
        reject(`${name} by annotator "${annotator}" was cancelled (skipped) in Label Studio`, annotation);
        continue;
      }
      const results = Array.isArray(annotation.result) ? annotation.result.filter(isObject) : [];
      if (results.length === 0) {
        reject(`${name} by annotator "${annotator}" has no result`, annotation);
        continue;
      }
      const boxIds = new Set(results.filter((r) => String(r.type).startsWith('rectangle')).map((r) => r.id));
      const prelabeled = fromPrediction(annotation, results);
      const batch = options.batchId ?? toId(task.project) ?? toId(annotation.project) ?? null;
      const rows: CanonicalJudgement[] = [];
      for (const result of results) {
        if (!String(result.type).startsWith('rectangle') && result.id !== undefined && boxIds.has(result.id)) {
          reject(
            `${name}: the ${String(result.type)} of "${String(result.from_name)}" describes a box region; per-region attributes are not read yet`,
            result,
          );
          continue;
        }
        const converted = labelStudioResult(result);
        if ('problem' in converted) {
          reject(`${name}: ${converted.problem}`, result);
          continue;
        }
        const row: CanonicalJudgement = {
          source_row: sourceRow,
          batch_id: batch,
          item_id: item,
          annotator_id: annotator,
          submitted_at:
            typeof annotation.created_at === 'string' || typeof annotation.created_at === 'number' ? annotation.created_at : null,
          duration_s: toNumber(annotation.lead_time) ?? null,
          prelabeled,
          ...converted.answer,
        };
        rows.push(row);
      }
      if (annotation.ground_truth === true) out.gold.push(...rows.map(toGold));
      else out.rows.push(...shareAnnotationTime(rows));
    }
  });
  return out;
}

/** `completed_by` is a user id or a user object (`{id, email, …}`): the e-mail, else the id. */
export function completedBy(value: unknown): string | undefined {
  if (isObject(value)) return toId(value.email) ?? toId(value.id);
  return toId(value);
}

function fromPrediction(annotation: Record<string, unknown>, results: Record<string, unknown>[]): boolean {
  const prediction = annotation.prediction;
  if (isObject(prediction) && Object.keys(prediction).length > 0) return true;
  if (annotation.parent_prediction !== null && annotation.parent_prediction !== undefined) return true;
  return results.some((r) => typeof r.origin === 'string' && r.origin.startsWith('prediction'));
}

/** A judgement row as an answer-key row (for ground-truth annotations). */
export function toGold(row: CanonicalJudgement): CanonicalGold {
  return {
    source_row: row.source_row,
    batch_id: row.batch_id,
    item_id: row.item_id,
    question: row.question,
    label: row.label,
    score: row.score,
    text: row.text,
    x: row.x,
    y: row.y,
    w: row.w,
    h: row.h,
  };
}
