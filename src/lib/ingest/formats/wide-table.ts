import type { ColumnMapping, MappableField } from '../column-mapping';
import { IngestError } from '../ingest-error';
import type { AdapterResult, CanonicalJudgement } from './canonical-rows';
import { toNumber } from './canonical-values';
import type { FlatTable } from './flat-records';

/** Columns of a wide table that describe the row, not an annotator's answer. */
const ROW_FIELDS: MappableField[] = [
  'item_id',
  'gold',
  'question',
  'batch_id',
  'strategy',
  'text',
  'value_kind',
  'image_w',
  'image_h',
];

export interface WideOptions {
  /** The question the answers belong to, when no column names it; default `label`. */
  question?: string;
}

/**
 * A wide table (one row per item, one column per annotator: the layout of R's irr and
 * irrCAC packages and of Krippendorff's 2011 worked examples) → one judgement per non-empty
 * cell. Mapped row columns (item, gold, question, batch, strategy, text …) are not annotators;
 * every other column is one. An empty cell means "not rated", not a rejection; a row with no
 * answer at all is rejected so that every row is accounted for. A gold column becomes `gold`.
 */
export function wideTableAdapter(
  fileName: string,
  table: FlatTable,
  mapping: ColumnMapping,
  options: WideOptions = {},
): AdapterResult {
  const out: AdapterResult = { rows: [], gold: [], rejections: [] };
  const at = (field: MappableField) => (mapping[field] ? table.columns.indexOf(mapping[field]) : -1);
  const rowColumns = new Set(ROW_FIELDS.map(at).filter((i) => i >= 0));
  const annotatorColumns = table.columns.map((_, i) => i).filter((i) => !rowColumns.has(i));
  if (at('item_id') < 0)
    throw new IngestError(
      fileName,
      `a wide table needs an item column (item, id, task …); the header has: ${table.columns.join(', ')}`,
      1,
    );
  if (annotatorColumns.length === 0)
    throw new IngestError(
      fileName,
      `a wide table needs one column per annotator besides the item column; the header has: ${table.columns.join(', ')}`,
      1,
    );
  const cell = (row: (string | null)[], field: MappableField) => {
    const i = at(field);
    const value = i >= 0 ? row[i]?.trim() : undefined;
    return value ? value : null;
  };
  table.rows.forEach((row, index) => {
    const sourceRow = index + 1;
    const item = cell(row, 'item_id');
    if (!item) {
      out.rejections.push({
        source_row: sourceRow,
        line: sourceRow + 1,
        reason: `the item id (column "${mapping.item_id}") is empty`,
        excerpt: row.join(',').slice(0, 200),
      });
      return;
    }
    const question = cell(row, 'question') ?? options.question ?? 'label';
    const base = {
      source_row: sourceRow,
      item_id: item,
      question,
      batch_id: cell(row, 'batch_id'),
      strategy: cell(row, 'strategy'),
    };
    let answers = 0;
    for (const i of annotatorColumns) {
      const answer = row[i]?.trim();
      if (!answer) continue;
      answers++;
      const judgement: CanonicalJudgement = {
        ...base,
        annotator_id: table.columns[i],
        label: answer,
        score: toNumber(answer) ?? null,
      };
      out.rows.push(judgement);
    }
    const gold = cell(row, 'gold');
    if (gold)
      out.gold.push({
        source_row: sourceRow,
        batch_id: base.batch_id,
        item_id: item,
        question,
        label: gold,
        score: toNumber(gold) ?? null,
      });
    if (answers === 0 && !gold)
      out.rejections.push({
        source_row: sourceRow,
        line: sourceRow + 1,
        reason: `item "${item}" has no answer in any annotator column`,
        excerpt: row.join(',').slice(0, 200),
      });
  });
  return out;
}
