import type { Connector } from '../../db/connector';
import type { Level } from '../../db/schema';
import { sql } from '../../sql/sql';
import type { Filters } from '../filters';
import { cohenKappa, contingencyTable } from './cohen-kappa';
import { alphaFromCoincidences, coincidences } from './krippendorff-alpha';
import { loadQuestionInfo } from './load-question-ratings';
import { parseQuestionKey } from './question-key';
import { orderCategories, patternsFromValueLists, type CountPattern } from './rating-patterns';
import { oneQuestion, ratedValues } from './rated-values';

export interface AnnotatorPair {
  first: string;
  second: string;
  /** Items both annotators rated. */
  shared_items: number;
  /** Share of shared items with the same answer. */
  percent: number | null;
  /** Cohen's κ (unweighted, Cohen 1960) on the shared items. */
  cohen_kappa: number | null;
  reason?: string;
}

export interface AnnotatorAgreement {
  annotator: string;
  ratings: number;
  /** Krippendorff's α (question's level) without this annotator's ratings; compare with `alpha`. */
  alpha_without: number | null;
  /** Items where the other annotators (≥ 2) have a strict plurality answer. */
  majority_items: number;
  /** Share of those items where this annotator gave the plurality answer of the others. */
  majority_agreement: number | null;
}

export interface PairwiseAgreement {
  level: Level;
  /** α of the question with everyone, at its level. */
  alpha: number | null;
  annotators: string[];
  pairs: AnnotatorPair[];
  perAnnotator: AnnotatorAgreement[];
}

type ComboRow = {
  annotator_id: string;
  pattern: string[];
  value: string;
  items: number;
};

/**
 * Annotator × annotator agreement for one question (`key` from `questionKey()`): Cohen's κ and
 * shared items for every pair; per annotator, Krippendorff's α without them (exact: α's
 * coincidences are sums over items, so removing one rating per item is a signed change of
 * pattern frequencies) and the rate of agreement with the plurality answer of the others.
 * Two GROUP BY queries; the rest is pattern arithmetic.
 */
export async function pairwiseAgreement(db: Connector, filters: Filters, key: string): Promise<PairwiseAgreement> {
  const q = parseQuestionKey(key);
  const info = (await loadQuestionInfo(db, filters, oneQuestion(q))).get(key);
  const level = (info?.level ?? 'nominal') as Level;
  // The columns the statements read, materialised once per statement (strings they do not read would be copied too).
  const rated = sql`(SELECT item_no, annotator_id, value FROM ${ratedValues(filters, oneQuestion(q), info?.repeated ?? true)})`;
  const cells = await db.query<{ first: string; second: string; a: string; b: string; items: number }>(
    sql`WITH r AS MATERIALIZED ${rated}
      SELECT x.annotator_id AS first, y.annotator_id AS second, x.value AS a, y.value AS b, count(*)::INTEGER AS items
      FROM r x JOIN r y ON x.item_no = y.item_no AND x.annotator_id < y.annotator_id GROUP BY ALL ORDER BY first, second`,
  );
  const combos = await db.query<ComboRow>(
    sql`WITH r AS MATERIALIZED ${rated},
      p AS (SELECT item_no, list_sort(list(value)) AS pattern FROM r GROUP BY item_no)
      SELECT r.annotator_id, p.pattern, r.value, count(*)::INTEGER AS items FROM r JOIN p USING (item_no) GROUP BY ALL`,
  );
  const categories = orderCategories(
    combos.flatMap((c) => c.pattern),
    info?.value_kind ?? 'category',
    info?.categories ?? null,
  );
  const index = new Map(categories.map((c, i) => [c.value, i] as const));
  const annotators = [...new Set(combos.map((c) => c.annotator_id))].sort();

  const pairCells = new Map<string, { first: string; second: string; cells: [number, number, number][] }>();
  for (const c of cells) {
    const id = JSON.stringify([c.first, c.second]);
    if (!pairCells.has(id)) pairCells.set(id, { first: c.first, second: c.second, cells: [] });
    pairCells.get(id)!.cells.push([index.get(c.a)!, index.get(c.b)!, c.items]);
  }
  const pairs: AnnotatorPair[] = [...pairCells.values()].map(({ first, second, cells: list }) => {
    const table = contingencyTable(categories.length, list);
    const shared = list.reduce((s, [, , n]) => s + n, 0);
    const same = list.reduce((s, [i, j, n]) => s + (i === j ? n : 0), 0);
    const kappa = cohenKappa(table, 'unweighted');
    return {
      first,
      second,
      shared_items: shared,
      percent: same / shared,
      cohen_kappa: kappa.value,
      ...(kappa.reason ? { reason: kappa.reason } : {}),
    };
  });

  // Full patterns: each item appears once per rating in the combos, so frequency = Σ items / m.
  const fullRows = new Map<string, { values: string[]; items: number }>();
  for (const c of combos) {
    const id = JSON.stringify(c.pattern);
    if (!fullRows.has(id)) fullRows.set(id, { values: c.pattern, items: 0 });
    fullRows.get(id)!.items += c.items / c.pattern.length;
  }
  const full = patternsFromValueLists([...fullRows.values()], categories);
  const alpha = alphaFromCoincidences(
    level,
    categories,
    coincidences(
      full,
      full.map((p) => p.items),
      categories.length,
    ),
  ).value;

  const perAnnotator = annotators.map((annotator) => {
    const mine = combos.filter((c) => c.annotator_id === annotator);
    const removed = patternsFromValueLists(
      mine.map((c) => ({ values: c.pattern, items: c.items })),
      categories,
    );
    const reduced = patternsFromValueLists(
      mine.map((c) => ({ values: without(c.pattern, c.value), items: c.items })),
      categories,
    );
    const patterns: CountPattern[] = [...full, ...removed, ...reduced];
    const weights = [...full.map((p) => p.items), ...removed.map((p) => -p.items), ...reduced.map((p) => p.items)];
    const co = coincidences(patterns, weights, categories.length);
    let majorityItems = 0;
    let agreeing = 0;
    for (const c of mine) {
      const top = plurality(without(c.pattern, c.value));
      if (top === null) continue;
      majorityItems += c.items;
      if (top === c.value) agreeing += c.items;
    }
    return {
      annotator,
      ratings: mine.reduce((s, c) => s + c.items, 0),
      alpha_without: alphaFromCoincidences(level, categories, co).value,
      majority_items: majorityItems,
      majority_agreement: majorityItems > 0 ? agreeing / majorityItems : null,
    };
  });
  return { level, alpha, annotators, pairs, perAnnotator };
}

function without(values: string[], value: string): string[] {
  const i = values.indexOf(value);
  return [...values.slice(0, i), ...values.slice(i + 1)];
}

/** The strict plurality value of at least two ratings, or null (fewer ratings, or a tie). */
function plurality(values: string[]): string | null {
  if (values.length < 2) return null;
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return sorted.length > 1 && sorted[1][1] === sorted[0][1] ? null : sorted[0][0];
}
