/**
 * VQA accuracy of a candidate answer against human answers (Antol et al. 2015, sec. 4, and
 * the official vqaEval.py): for each leave-one-out subset of the references (10 → 9),
 * min(#references in the subset equal to the answer / 3, 1); the mean over the subsets.
 * With 10 references: 1 match → 0.3, 2 → 0.6, 3 → 0.9, ≥ 4 → 1. Answers compared as given
 * (normalise them first). Null when there are no references.
 */
export function vqaAccuracy(answer: string, references: readonly string[]): number | null {
  const m = references.length;
  if (m === 0) return null;
  if (m === 1) return Math.min((references[0] === answer ? 1 : 0) / 3, 1);
  const matches = references.filter((r) => r === answer).length;
  // Leaving out a matching reference leaves matches − 1; leaving out another leaves matches.
  return (matches * Math.min((matches - 1) / 3, 1) + (m - matches) * Math.min(matches / 3, 1)) / m;
}

/**
 * Human VQA accuracy of each answer on one item (Antol et al. 2015, Table 2 "human"): each
 * annotator's answer scored against the other annotators' answers, min(#others agreeing / 3, 1)
 * — the leave-one-out of the 10 answers to 9. Returns one score per answer, in order.
 */
export function humanVqaAccuracies(answers: readonly string[]): number[] {
  const counts = new Map<string, number>();
  for (const a of answers) counts.set(a, (counts.get(a) ?? 0) + 1);
  return answers.map((a) => Math.min((counts.get(a)! - 1) / 3, 1));
}
