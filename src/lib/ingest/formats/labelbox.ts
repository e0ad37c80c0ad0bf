import type { JsonLine } from './parse-json';
import { excerptOf, shareAnnotationTime, type AdapterResult, type CanonicalJudgement } from './canonical-rows';
import { isObject, toId, toNumber } from './canonical-values';
import { toGold } from './label-studio-json';

export interface LabelboxOptions {
  annotator?: string;
  batchId?: string;
}

/**
 * Labelbox export v2 NDJSON (one data row per line: `data_row`, `media_attributes`,
 * `projects[id].labels[]`; https://docs.labelbox.com/reference/label-export) → canonical rows.
 * `source_row` = the line.
 *
 * - item = `data_row.global_key`, else `external_id`, else `id`; batch = the project's
 *   `project_details.batch_name`, else the project `name`, else its id.
 * - annotator = `label_details.created_by`; submitted_at = `label_details.created_at`;
 *   duration_s = `performance_details.seconds_to_create`, shared by the label's rows
 *   (`shareAnnotationTime`). A skipped label is rejected.
 * - `annotations.objects[]` with `bounding_box` {top, left, height, width} (pixels) → box
 *   judgements (question `boxes`, label = the object's `name`); other tools (polygon, point,
 *   line, mask, text span) are rejected with the reason.
 * - `annotations.classifications[]`: `radio_answer` → its name; `checklist_answers` → names
 *   joined by `|` (sorted); `text_answer.content` → text. Question = the classification name.
 * - benchmark reference labels are the answer key (→ `gold`): a label with
 *   `is_benchmark_reference: true` or `label_kind: "Benchmark"`, or whose id is the project's
 *   `project_details.benchmark_reference_label` / `benchmark_reference_label_id`.
 * - a data row without any label is rejected, so every line is accounted for.
 */
export function labelboxAdapter(records: JsonLine[], options: LabelboxOptions = {}): AdapterResult {
  const out: AdapterResult = { rows: [], gold: [], rejections: [] };
  for (const { line, value } of records) {
    const record = value as Record<string, unknown>;
    const reject = (reason: string, what: unknown = record) =>
      out.rejections.push({ source_row: line, line, reason, excerpt: excerptOf(what) });
    const dataRow = isObject(record.data_row) ? record.data_row : {};
    const item = toId(dataRow.global_key) ?? toId(dataRow.external_id) ?? toId(dataRow.id);
    if (!item) {
      reject('the data row has no global_key, external_id or id');
      continue;
    }
    const media = isObject(record.media_attributes) ? record.media_attributes : {};
    const projects = isObject(record.projects) ? Object.entries(record.projects) : [];
    let labels = 0;
    for (const [projectId, project] of projects) {
      if (!isObject(project)) continue;
      const details = isObject(project.project_details) ? project.project_details : {};
      const batch = options.batchId ?? toId(details.batch_name) ?? toId(project.name) ?? projectId;
      const benchmarkId = toId(details.benchmark_reference_label) ?? toId(details.benchmark_reference_label_id);
      for (const label of Array.isArray(project.labels) ? project.labels.filter(isObject) : []) {
        labels++;
        const labelDetails = isObject(label.label_details) ? label.label_details : {};
        const performance = isObject(label.performance_details) ? label.performance_details : {};
        const annotator = toId(labelDetails.created_by) ?? options.annotator;
        if (!annotator) {
          reject(`label ${toId(label.id) ?? '?'} of "${item}" has no label_details.created_by`, label);
          continue;
        }
        if (performance.skipped === true) {
          reject(`label ${toId(label.id) ?? '?'} of "${item}" by "${annotator}" was skipped`, label);
          continue;
        }
        const isGold =
          label.is_benchmark_reference === true ||
          label.label_kind === 'Benchmark' ||
          (benchmarkId !== undefined && toId(label.id) === benchmarkId);
        const base: CanonicalJudgement = {
          source_row: line,
          batch_id: batch,
          item_id: item,
          question: '',
          annotator_id: annotator,
          submitted_at: toId(labelDetails.created_at) ?? null,
          duration_s: toNumber(performance.seconds_to_create) ?? null,
          image_w: toNumber(media.width) ?? null,
          image_h: toNumber(media.height) ?? null,
        };
        const rows: CanonicalJudgement[] = [];
        const rejectedBefore = out.rejections.length;
        const annotations = isObject(label.annotations) ? label.annotations : {};
        for (const object of Array.isArray(annotations.objects) ? annotations.objects.filter(isObject) : []) {
          const box = isObject(object.bounding_box) ? object.bounding_box : undefined;
          const [top, left, height, width] = box ? [box.top, box.left, box.height, box.width].map(toNumber) : [];
          if (top === undefined || left === undefined || height === undefined || width === undefined) {
            reject(
              `a ${String(object.annotation_kind ?? 'non-box')} object "${String(object.name)}" on "${item}" is not compared yet: AnnoQA reads bounding boxes`,
              object,
            );
          } else {
            rows.push({
              ...base,
              question: 'boxes',
              value_kind: 'box',
              label: toId(object.name) ?? toId(object.value) ?? null,
              x: left,
              y: top,
              w: width,
              h: height,
            });
          }
        }
        for (const c of Array.isArray(annotations.classifications) ? annotations.classifications.filter(isObject) : []) {
          const question = toId(c.name) ?? toId(c.value);
          const answer = classification(c);
          if (!question || !answer) reject(`a classification on "${item}" has no name or no radio, checklist or text answer`, c);
          else rows.push({ ...base, question, ...answer });
        }
        if (rows.length === 0 && out.rejections.length === rejectedBefore)
          reject(`label ${toId(label.id) ?? '?'} of "${item}" by "${annotator}" has no annotation`, label);
        if (isGold) out.gold.push(...rows.map(toGold));
        else out.rows.push(...shareAnnotationTime(rows));
      }
    }
    if (labels === 0) reject(`data row "${item}" has no label in any project`);
  }
  return out;
}

function classification(c: Record<string, unknown>): Partial<CanonicalJudgement> | undefined {
  if (isObject(c.radio_answer)) {
    const name = toId(c.radio_answer.name) ?? toId(c.radio_answer.value);
    return name ? { label: name, value_kind: 'category' } : undefined;
  }
  if (Array.isArray(c.checklist_answers)) {
    const names = c.checklist_answers
      .filter(isObject)
      .map((a) => toId(a.name) ?? toId(a.value))
      .filter((n): n is string => n !== undefined);
    return { label: names.length > 0 ? names.sort().join('|') : '(none)', value_kind: 'category' };
  }
  if (isObject(c.text_answer) && typeof c.text_answer.content === 'string')
    return { text: c.text_answer.content, label: c.text_answer.content, value_kind: 'text' };
  return undefined;
}
