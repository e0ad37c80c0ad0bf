import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { refreshQuestions } from '../../src/lib/ingest/infer-questions';
import { insertParsedFile } from '../../src/lib/ingest/insert-parsed-file';
import { parseFile } from '../../src/lib/ingest/parse-file';
import { SAMPLE_FILES } from '../../src/lib/state/sample-data';
import { freshDb } from '../helpers/db';

const SAMPLE_DIR = join(import.meta.dirname, '..', '..', 'sample-data');

/** Loads the samples as AppState.start does (parseFile, insertParsedFile), inferring after each file or once at the end. */
async function loadSamples(db: Connector, inferPerFile: boolean): Promise<void> {
  for (const f of SAMPLE_FILES) {
    const parsed = await parseFile({ fileName: f.name, role: f.role, bytes: readFileSync(join(SAMPLE_DIR, f.name)) });
    await insertParsedFile(db, parsed);
    if (inferPerFile) await refreshQuestions(db);
  }
  if (!inferPerFile) await refreshQuestions(db);
}

/** Everything refreshQuestions writes: the questions table and the judgements' value_kind and text. */
async function inferred(db: Connector) {
  const questions = await db.query('SELECT * FROM questions ORDER BY ALL');
  const judgements = await db.query(
    `SELECT source_id, source_row::INTEGER AS source_row, value_kind, text FROM judgements ORDER BY source_id, source_row`,
  );
  return { questions, judgements };
}

describe('the sample data: questions inferred once after all files', () => {
  let perFile: Connector;
  let once: Connector;
  beforeAll(async () => {
    [perFile, once] = await Promise.all([freshDb(), freshDb()]);
    await loadSamples(perFile, true);
    await loadSamples(once, false);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([perFile?.close(), once?.close()]);
  });

  it('no (batch, strategy, question) is in two sample files: what one file infers never depends on another', async () => {
    const spans = await perFile.query<{ files: number }>(
      `SELECT count(DISTINCT source_id)::INTEGER AS files FROM judgements GROUP BY batch_id, strategy, question`,
    );
    expect(spans.length).toBeGreaterThanOrEqual(9);
    expect(spans.every((s) => s.files === 1)).toBe(true);
  });

  it('gives the same questions, levels, categories, value kinds and texts as inferring after each file', async () => {
    const [a, b] = await Promise.all([inferred(perFile), inferred(once)]);
    expect(b.questions.length).toBeGreaterThanOrEqual(9);
    expect(b.judgements.length).toBeGreaterThan(20_000);
    expect(b.judgements.every((j) => j.value_kind !== null)).toBe(true);
    expect(b).toEqual(a);
  });
});
