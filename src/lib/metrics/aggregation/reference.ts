/**
 * Plain-TS reference implementations of the aggregation metrics, used by the tests to
 * cross-check the SQL. Not used by the app: they hold every judgement in memory.
 */

/** One coded judgement of one question. */
export interface CodedAnswer {
  item_id: string;
  annotator_id: string;
  code: string;
}

/** Lowest-code-first order: numbers numerically (before text), text by code point. */
export function compareCodes(a: string, b: string): number {
  const x = a.trim() === '' ? NaN : Number(a);
  const y = b.trim() === '' ? NaN : Number(b);
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y || (a < b ? -1 : a > b ? 1 : 0);
  if (!Number.isNaN(x)) return -1;
  if (!Number.isNaN(y)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Majority vote per item: the tied top classes, lowest code first. */
export function referenceMajorityVote(answers: CodedAnswer[]): Map<string, string[]> {
  const counts = new Map<string, Map<string, number>>();
  for (const a of answers) {
    const item = counts.get(a.item_id) ?? new Map<string, number>();
    item.set(a.code, (item.get(a.code) ?? 0) + 1);
    counts.set(a.item_id, item);
  }
  const out = new Map<string, string[]>();
  for (const [item, votes] of counts) {
    const top = Math.max(...votes.values());
    out.set(
      item,
      [...votes]
        .filter(([, v]) => v === top)
        .map(([code]) => code)
        .sort(compareCodes),
    );
  }
  return out;
}

/** Majority-vote accuracy against gold: expected (1/t per tie), ties → lowest code, and the number of ties. */
export function referenceMajorityAccuracy(answers: CodedAnswer[], gold: Map<string, string>) {
  const votes = referenceMajorityVote(answers);
  let n = 0;
  let expected = 0;
  let lowest = 0;
  let ties = 0;
  for (const [item, winners] of votes) {
    if (winners.length > 1) ties++;
    const g = gold.get(item);
    if (g === undefined) continue;
    n++;
    if (winners.includes(g)) expected += 1 / winners.length;
    if (winners[0] === g) lowest++;
  }
  return { n, ties, accuracy: n ? expected / n : null, accuracyTiesLowest: n ? lowest / n : null };
}
