import { formatCount } from './format';

/** The ids a chart draws one by one (`top`, in rank order) and the ones it folds into "others" (`rest`). */
export interface TopSplit {
  top: string[];
  rest: string[];
}

/** Orders names by code unit (locale-independent, so a choice is the same on every machine). */
export const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Splits series by their total (answers, judgements …): all of them up to `limit`, else the
 * `limit` largest (ties by name, so the choice does not depend on the order of the input) and
 * the rest. Charts draw `top` and, at most, one aggregate of `rest`; every total they print
 * still counts all series.
 */
export function topByTotal(totals: ReadonlyMap<string, number>, limit: number): TopSplit {
  const ranked = [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)! || byName(a, b));
  if (ranked.length <= limit) return { top: ranked, rest: [] };
  return { top: ranked.slice(0, limit), rest: ranked.slice(limit) };
}

/** "1 annotator", "2,990 annotators": a count and its noun, for captions. */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(n)} ${n === 1 ? noun : plural}`;
}
