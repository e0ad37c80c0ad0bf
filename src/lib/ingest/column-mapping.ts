/**
 * The canonical fields a column of a long-format file (one judgement per row) can map to.
 * `answer` is the annotator's answer: kept as `label`, and as `score` when it is a number.
 */
export const MAPPABLE_FIELDS = [
  'item_id',
  'annotator_id',
  'answer',
  'gold',
  'question',
  'batch_id',
  'strategy',
  'value_kind',
  'text',
  'started_at',
  'submitted_at',
  'duration_s',
  'cost_usd',
  'prelabeled',
  'option_a',
  'option_b',
  'shown_first',
  'x',
  'y',
  'w',
  'h',
  'image_w',
  'image_h',
] as const;

export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** Canonical field → the file's column name. */
export type ColumnMapping = Partial<Record<MappableField, string>>;

/** Usual column names, most specific first (compared case-insensitively, ignoring spaces, `-` and `_`). */
const SYNONYMS: Record<MappableField, string[]> = {
  item_id: [
    'itemid',
    'item',
    'taskid',
    'task',
    'unitid',
    'unit',
    'exampleid',
    'example',
    'sampleid',
    'subject',
    'documentid',
    'imageid',
    'image',
    'id',
  ],
  annotator_id: [
    'annotatorid',
    'annotator',
    'workerid',
    'worker',
    'userid',
    'user',
    'completedby',
    'rater',
    'raterid',
    'labeler',
    'labelerid',
    'coder',
    'judge',
    'email',
  ],
  answer: ['label', 'answer', 'choice', 'value', 'response', 'rating', 'class', 'category', 'preferred', 'preference', 'result'],
  gold: ['gold', 'goldlabel', 'truth', 'groundtruth', 'truelabel', 'expected', 'reference', 'answerkey', 'correct'],
  question: ['question', 'field', 'attribute', 'dimension', 'criterion', 'rubric', 'fromname', 'control'],
  batch_id: ['batchid', 'batch', 'project', 'projectid', 'delivery', 'lot'],
  strategy: ['strategy', 'tasktype', 'annotationstrategy'],
  value_kind: ['valuekind', 'kind', 'answertype'],
  text: ['text', 'comment', 'rationale', 'outputtext', 'caption'],
  started_at: ['startedat', 'starttime', 'start', 'begin', 'openedat'],
  submitted_at: [
    'submittedat',
    'submittime',
    'createdat',
    'created',
    'completedat',
    'finishedat',
    'endtime',
    'end',
    'updatedat',
    'timestamp',
    'time',
    'date',
  ],
  duration_s: ['durations', 'duration', 'leadtime', 'timespent', 'seconds', 'secondstocreate', 'worktime', 'elapsed'],
  cost_usd: ['costusd', 'cost', 'price', 'pay', 'payment', 'reward'],
  prelabeled: ['prelabeled', 'prelabelled', 'prelabel', 'prediction', 'aiassisted', 'assisted'],
  option_a: ['optiona', 'responsea', 'modela', 'lefta'],
  option_b: ['optionb', 'responseb', 'modelb', 'rightb'],
  shown_first: ['shownfirst', 'firstshown', 'position', 'order'],
  x: ['x', 'xmin', 'left'],
  y: ['y', 'ymin', 'top'],
  w: ['w', 'width', 'boxwidth'],
  h: ['h', 'height', 'boxheight'],
  image_w: ['imagew', 'imagewidth', 'originalwidth'],
  image_h: ['imageh', 'imageheight', 'originalheight'],
};

function normalise(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.]/g, '');
}

/**
 * Guesses which column holds each canonical field from the header alone. Each column is
 * used once; for each field the most specific synonym wins. Returns only the fields found.
 */
export function guessMapping(columns: readonly string[]): ColumnMapping {
  const byNormalName = new Map<string, string>();
  for (const column of columns) {
    const key = normalise(column);
    if (!byNormalName.has(key)) byNormalName.set(key, column);
  }
  const used = new Set<string>();
  const mapping: ColumnMapping = {};
  for (const field of MAPPABLE_FIELDS) {
    for (const synonym of SYNONYMS[field]) {
      const column = byNormalName.get(synonym);
      if (column && !used.has(column)) {
        mapping[field] = column;
        used.add(column);
        break;
      }
    }
  }
  return mapping;
}

/**
 * Applies the user's `column=field` choices on top of the guess: a column the user maps
 * moves to its new field, and a field the user maps takes that column.
 */
export function applyMappingOverrides(guess: ColumnMapping, overrides: ColumnMapping): ColumnMapping {
  const overriddenColumns = new Set(Object.values(overrides));
  const merged: ColumnMapping = {};
  for (const field of MAPPABLE_FIELDS) {
    const column = guess[field];
    if (column !== undefined && !overriddenColumns.has(column)) merged[field] = column;
  }
  return { ...merged, ...overrides };
}

/** Parses CLI-style `column=field` pairs; throws with the valid field names on a typo. */
export function parseMappingPairs(pairs: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    const column = pair.slice(0, at);
    const field = pair.slice(at + 1);
    if (at <= 0 || !isMappableField(field)) {
      throw new Error(`--map takes column=field, with field one of: ${MAPPABLE_FIELDS.join(', ')} (got "${pair}")`);
    }
    mapping[field] = column;
  }
  return mapping;
}

export function isMappableField(name: string): name is MappableField {
  return (MAPPABLE_FIELDS as readonly string[]).includes(name);
}
