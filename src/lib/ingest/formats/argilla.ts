import type { JsonLine } from './parse-json';
import { excerptOf, type AdapterResult, type CanonicalJudgement } from './canonical-rows';
import { isObject, toId, toNumber } from './canonical-values';

export interface ArgillaOptions {
  batchId?: string;
}

interface Response {
  question: string;
  value: unknown;
  user: string | undefined;
  status: string | undefined;
  submittedAt: string | null;
}

/**
 * Argilla records → canonical rows, one per (question, user) response. Both layouts are read:
 * - Argilla 2.x (`dataset.records.to_json`/`to_list(flatten=False)`): `responses` is
 *   `{question: [{value, user_id, status?}]}`, `suggestions` is `{question: {value, agent}}`;
 * - Argilla 1.x FeedbackDataset: `responses` is `[{user_id, status, values: {question:
 *   {value}}, updated_at}]`, `suggestions` is `[{question_name, value}]`.
 * item = the record's `id` (else `external_id`, `_server_id`); `source_row` = its position.
 * A question with a suggestion marks its responses `prelabeled` (the suggestion was shown
 * as a pre-label); suggestions themselves are model output, not judgements.
 * Values: number → score (rating); string → label (label_selection, text); a list of strings
 * → labels joined by `|`, sorted (multi_label_selection). Rankings and spans are rejected, as
 * are `discarded` and `draft` responses and records with no response.
 */
export function argillaAdapter(records: JsonLine[], options: ArgillaOptions = {}): AdapterResult {
  const out: AdapterResult = { rows: [], gold: [], rejections: [] };
  for (const { line, value } of records) {
    const record = value as Record<string, unknown>;
    const reject = (reason: string, what: unknown = record) =>
      out.rejections.push({ source_row: line, reason, excerpt: excerptOf(what) });
    const item = toId(record.id) ?? toId(record.external_id) ?? toId(record._server_id);
    if (!item) {
      reject('the record has no id');
      continue;
    }
    const suggested = suggestedQuestions(record.suggestions);
    const responses = collectResponses(record.responses);
    if (responses.length === 0) {
      reject(`record "${item}" has no response`);
      continue;
    }
    for (const response of responses) {
      const where = `record "${item}", question "${response.question}"`;
      if (!response.user) {
        reject(`${where}: a response has no user_id`, response);
        continue;
      }
      if (response.status === 'discarded' || response.status === 'draft') {
        reject(`${where}: the response of user "${response.user}" is ${response.status}, not submitted`, response);
        continue;
      }
      const answer = argillaValue(response.value);
      if (typeof answer === 'string') {
        reject(`${where}: ${answer}`, response);
        continue;
      }
      const row: CanonicalJudgement = {
        source_row: line,
        batch_id: options.batchId ?? null,
        item_id: item,
        question: response.question,
        annotator_id: response.user,
        submitted_at: response.submittedAt,
        prelabeled: suggested.has(response.question),
        ...answer,
      };
      out.rows.push(row);
    }
  }
  return out;
}

function collectResponses(value: unknown): Response[] {
  const responses: Response[] = [];
  if (isObject(value)) {
    for (const [question, list] of Object.entries(value)) {
      for (const r of Array.isArray(list) ? list.filter(isObject) : []) {
        responses.push({
          question,
          value: r.value,
          user: toId(r.user_id),
          status: toId(r.status),
          submittedAt: toId(r.updated_at) ?? toId(r.inserted_at) ?? null,
        });
      }
    }
  } else if (Array.isArray(value)) {
    for (const r of value.filter(isObject)) {
      const values = isObject(r.values) ? r.values : {};
      // A response without values (e.g. discarded) is still one record to account for.
      const entries = Object.keys(values).length > 0 ? Object.entries(values) : [['(no question)', undefined] as const];
      for (const [question, v] of entries) {
        responses.push({
          question,
          value: isObject(v) ? v.value : v,
          user: toId(r.user_id),
          status: toId(r.status),
          submittedAt: toId(r.updated_at) ?? toId(r.inserted_at) ?? null,
        });
      }
    }
  }
  return responses;
}

function suggestedQuestions(value: unknown): Set<string> {
  if (isObject(value)) return new Set(Object.keys(value));
  if (Array.isArray(value))
    return new Set(
      value
        .filter(isObject)
        .map((s) => toId(s.question_name))
        .filter((q): q is string => q !== undefined),
    );
  return new Set();
}

/** A response value as canonical answer fields, or the reason it cannot be read. */
function argillaValue(value: unknown): Partial<CanonicalJudgement> | string {
  if (typeof value === 'number')
    return toNumber(value) === undefined
      ? 'the value is not a finite number'
      : { score: value, label: String(value), value_kind: 'number' };
  if (typeof value === 'string') return value.trim() === '' ? 'the value is empty' : { label: value };
  if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return { label: value.length > 0 ? [...value].sort().join('|') : '(none)', value_kind: 'category' };
  if (Array.isArray(value) && value.some((v) => isObject(v) && 'rank' in v)) return 'ranking answers are not compared yet';
  if (Array.isArray(value) && value.some((v) => isObject(v) && 'start' in v)) return 'span answers are not compared yet';
  return `the value ${excerptOf(value, 60)} is not a number, text or list of labels`;
}
