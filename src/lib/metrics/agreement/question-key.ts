/** The (batch, strategy, question) of a `questionKey()` string (a JSON array of the three). */
export function parseQuestionKey(key: string): { batch_id: string; strategy: string; question: string } {
  const parsed: unknown = JSON.parse(key);
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((p) => typeof p === 'string')) {
    throw new Error(`not a question key (expected questionKey() output, got ${key})`);
  }
  const [batch_id, strategy, question] = parsed as string[];
  return { batch_id, strategy, question };
}
