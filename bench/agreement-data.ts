import type { Connector } from '../src/lib/db/connector';
import { createCanonicalTables } from '../src/lib/db/schema';

/**
 * The agreement benchmark's data, made inside DuckDB (so Node and Chromium time the same
 * table): 1M judgements, 200k items × 5 annotators, 5 ordinal categories.
 */
export const ITEMS = 200_000;
export const ANNOTATORS = 5;

export async function generateAgreementData(db: Connector): Promise<void> {
  await createCanonicalTables(db);
  // Deterministic pseudo-random answers: a true grade per item, each annotator gives it with
  // probability 0.7, otherwise a uniform grade 1–5.
  await db.exec(`INSERT INTO judgements (source_id, source_row, batch_id, strategy, item_id, question, annotator_id, value_kind, label, score)
    SELECT 1, i * ${ANNOTATORS} + a, 'bench', 'instruction_tuning', 'item' || i, 'quality', 'ann' || a, 'number',
      CAST(g AS VARCHAR), g
    FROM (SELECT i, a, CASE WHEN hash(i, a, 'keep') % 100 < 70 THEN 1 + hash(i) % 5 ELSE 1 + hash(i, a) % 5 END AS g
          FROM range(${ITEMS}) t(i), range(${ANNOTATORS}) s(a));
    INSERT INTO questions VALUES ('bench', 'instruction_tuning', 'quality', 'number', 'ordinal', 'bench', ['1', '2', '3', '4', '5']);`);
}
