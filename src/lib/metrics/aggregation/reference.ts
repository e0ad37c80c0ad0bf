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

/**
 * Plain Dawid & Skene (1979) EM, written from the paper with nested arrays and no
 * acceleration, to cross-check `fitDawidSkene` (which accelerates with SQUAREM): the same
 * majority-vote start and the same stopping rule (one step moves no posterior by more than
 * `tolerance`). `answers[i]` lists item i's (annotator, class) answers.
 */
export function referenceDawidSkene(
  answers: [annotator: number, label: number][][],
  annotators: number,
  K: number,
  tolerance: number,
  maxIterations: number,
): { posterior: number[][]; priors: number[]; iterations: number } {
  let posterior = answers.map((list) => {
    const votes = new Array<number>(K).fill(0);
    for (const [, l] of list) votes[l]++;
    const total = votes.reduce((s, v) => s + v, 0);
    return votes.map((v) => (total ? v / total : 1 / K));
  });
  let priors: number[] = [];
  let iterations = 0;
  while (iterations < maxIterations) {
    // M-step (eqs 2.3–2.4).
    priors = Array.from({ length: K }, (_, k) => posterior.reduce((s, t) => s + t[k], 0) / answers.length);
    const pi = Array.from({ length: annotators }, () => Array.from({ length: K }, () => new Array<number>(K).fill(0)));
    answers.forEach((list, i) => list.forEach(([j, l]) => posterior[i].forEach((t, k) => (pi[j][k][l] += t))));
    for (const rows of pi)
      for (const row of rows) {
        const sum = row.reduce((s, v) => s + v, 0);
        row.forEach((v, l) => (row[l] = sum > 0 ? v / sum : 1 / K));
      }
    // E-step (eq 2.5).
    const next = answers.map((list, i) => {
      const logs = priors.map((p, k) => list.reduce((s, [j, l]) => s + Math.log(pi[j][k][l]), Math.log(p)));
      const top = Math.max(...logs);
      if (top === -Infinity) return posterior[i];
      const e = logs.map((x) => Math.exp(x - top));
      const sum = e.reduce((s, v) => s + v, 0);
      return e.map((v) => v / sum);
    });
    iterations++;
    const change = Math.max(...next.flatMap((t, i) => t.map((v, k) => Math.abs(v - posterior[i][k]))));
    posterior = next;
    if (change <= tolerance) break;
  }
  return { posterior, priors, iterations };
}
