/**
 * Plain-TS reference for judgement-level accuracy, used by the tests to cross-check the SQL.
 * Not used by the app: it holds every judgement in memory.
 */
export interface GoldScoredAnswer {
  group: string;
  answer: string;
  gold: string;
}

/** correct / n per group, answers compared to gold as plain strings (callers normalise first). */
export function referenceAccuracy(rows: GoldScoredAnswer[]): Map<string, { n: number; correct: number }> {
  const out = new Map<string, { n: number; correct: number }>();
  for (const row of rows) {
    const entry = out.get(row.group) ?? { n: 0, correct: 0 };
    entry.n++;
    if (row.answer === row.gold) entry.correct++;
    out.set(row.group, entry);
  }
  return out;
}
