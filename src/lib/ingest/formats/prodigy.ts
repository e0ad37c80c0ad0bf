import type { JsonLine } from './parse-json';
import { excerptOf, type AdapterResult, type CanonicalJudgement } from './canonical-rows';
import { isObject, toId } from './canonical-values';

export interface ProdigyOptions {
  /** Used when a record carries neither `_annotator_id` nor `_session_id`. */
  annotator?: string;
  batchId?: string;
}

/**
 * Prodigy `db-out` JSONL (https://prodi.gy/docs/api-database) → canonical rows, one per answer.
 *
 * - item = `_input_hash` (the same input shown to several annotators); annotator =
 *   `_annotator_id`, else `_session_id`; submitted_at = `_timestamp` (Unix seconds).
 * - `answer: "ignore"` is the annotator skipping the example: rejected with that reason.
 * - binary tasks (`label` + accept/reject): question = the label, answer = accept/reject.
 * - choice tasks (`options`): the `accept` list is the answer (several ids joined by `|`);
 *   a rejected choice task has no chosen option and is rejected with that reason.
 * - compare / A-B (`accept` and `reject` objects with `mapping`): the annotator pressed
 *   accept (displayed A better) or reject (displayed B better); `mapping` says which of the
 *   `accept`/`reject` outputs was displayed as A. Canonical option A = the `accept` output,
 *   B = the `reject` output; label = the preferred one; shown_first = which was displayed as A.
 * - span tasks (`spans` without `label`/`options`) are not supported: rejected with the reason.
 */
export function prodigyAdapter(records: JsonLine[], options: ProdigyOptions = {}): AdapterResult {
  const result: AdapterResult = { rows: [], gold: [], rejections: [] };
  for (const { line, value } of records) {
    const record = value as Record<string, unknown>;
    const reject = (reason: string) => result.rejections.push({ source_row: line, line, reason, excerpt: excerptOf(record) });
    const annotator = toId(record._annotator_id) ?? toId(record._session_id) ?? options.annotator;
    const item = toId(record._input_hash) ?? toId(record.id);
    const answer = record.answer;
    if (!annotator) {
      reject('no _annotator_id or _session_id: cannot tell who answered (name the annotator when loading)');
      continue;
    }
    if (!item) {
      reject('no _input_hash: cannot tell which example was answered');
      continue;
    }
    if (answer === 'ignore') {
      reject('the annotator skipped this example (answer "ignore")');
      continue;
    }
    if (answer !== 'accept' && answer !== 'reject') {
      reject(`answer must be accept, reject or ignore (got ${JSON.stringify(answer) ?? 'nothing'})`);
      continue;
    }
    const base: CanonicalJudgement = {
      source_row: line,
      batch_id: options.batchId ?? toId(record._dataset) ?? null,
      item_id: item,
      question: '',
      annotator_id: annotator,
      submitted_at: typeof record._timestamp === 'number' ? record._timestamp : null,
    };
    if (isObject(record.accept) && isObject(record.reject)) {
      result.rows.push(compareRow(base, record, answer));
    } else if (Array.isArray(record.options)) {
      if (answer === 'reject') {
        reject('a choice task answered "reject" carries no chosen option');
        continue;
      }
      const chosen = Array.isArray(record.accept) ? record.accept.map((id) => String(id)).sort() : [];
      result.rows.push({
        ...base,
        question: toId(record.label) ?? 'choice',
        label: chosen.length > 0 ? chosen.join('|') : '(none)',
        value_kind: 'category',
      });
    } else if (Array.isArray(record.spans) && record.label === undefined) {
      reject('span (NER) annotations are not supported yet: only binary, choice and compare tasks are read');
    } else {
      result.rows.push({ ...base, question: toId(record.label) ?? 'answer', label: answer, value_kind: 'category' });
    }
  }
  return result;
}

function compareRow(base: CanonicalJudgement, record: Record<string, unknown>, answer: 'accept' | 'reject'): CanonicalJudgement {
  const mapping = isObject(record.mapping) ? record.mapping : undefined;
  const displayedA = mapping?.A === 'reject' ? 'reject' : 'accept';
  const displayedB = displayedA === 'accept' ? 'reject' : 'accept';
  const preferred = answer === 'accept' ? displayedA : displayedB;
  const name = (key: 'accept' | 'reject') => {
    const output = record[key] as Record<string, unknown>;
    return toId(output.model) ?? toId(output.system) ?? toId(output.source) ?? key;
  };
  return {
    ...base,
    question: 'preferred',
    strategy: 'rlhf_preference',
    value_kind: 'preference',
    label: preferred === 'accept' ? 'A' : 'B',
    option_a: name('accept'),
    option_b: name('reject'),
    shown_first: mapping ? (displayedA === 'accept' ? 'A' : 'B') : null,
  };
}
