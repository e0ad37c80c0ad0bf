import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { clearDb, freshDb } from '../../helpers/db';
import { EXPORTS, FIXTURES, judgementsOf, loadPath, reasonsOf } from './fixture-loading';

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  await clearDb(db);
});

interface ProdigyLine {
  _input_hash: number;
  _annotator_id: string;
  answer: string;
  _timestamp: number;
}

describe('Prodigy JSONL', () => {
  // shared/realdata/exports/prodigy/pydata-ams-2023.jsonl (explosion/prodigy-recipes, MIT): 3,372 answers
  // (accept 1,705 / reject 1,388 / ignore 279), 42 annotators, 117 texts (README of realdata/exports).
  it('accounts for every answer of the real pydata-ams-2023 export: ignores and repeated answers rejected, newest kept', async () => {
    const path = join(EXPORTS, 'prodigy', 'pydata-ams-2023.jsonl');
    // Independent count, straight from the file: repeated (text, annotator) answers among accept/reject.
    const lines = readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as ProdigyLine);
    expect(lines).toHaveLength(3372);
    expect(new Set(lines.map((l) => l._annotator_id)).size).toBe(42);
    expect(new Set(lines.map((l) => l._input_hash)).size).toBe(117);
    const ignored = lines.filter((l) => l.answer === 'ignore').length;
    expect(ignored).toBe(279);
    const groups = new Map<string, ProdigyLine[]>();
    for (const l of lines.filter((x) => x.answer !== 'ignore')) {
      const key = `${l._input_hash}|${l._annotator_id}`;
      groups.set(key, [...(groups.get(key) ?? []), l]);
    }
    const repeated = [...groups.values()].reduce((n, g) => n + g.length - 1, 0);
    expect(repeated).toBe(46);

    const source = await loadPath(db, path);
    expect(source.detected).toBe('prodigy');
    expect(source).toMatchObject({ rowsRead: 3372, rowsLoaded: 3372 - 279 - 46, rowsRejected: 279 + 46 });
    const reasons = await reasonsOf(db, source.sourceId);
    expect(reasons.filter((r) => r === 'the annotator skipped this example (answer "ignore")')).toHaveLength(279);
    expect(reasons.filter((r) => r.startsWith('duplicate answer:'))).toHaveLength(46);

    // The kept answer of every (text, annotator) is the one with the latest _timestamp.
    const kept = await judgementsOf(db, source.sourceId, 'item_id, annotator_id, label, submitted_at, question');
    expect(kept).toHaveLength(groups.size);
    const keptByKey = new Map(kept.map((r) => [`${r.item_id}|${r.annotator_id}`, r]));
    for (const [key, group] of groups) {
      const newest = group.reduce((a, b) => (b._timestamp > a._timestamp ? b : a));
      expect(keptByKey.get(key)).toMatchObject({
        label: newest.answer,
        submitted_at: newest._timestamp * 1000,
        question: 'new-dataset',
      });
    }
    const [counts] = await db.query(
      `SELECT count(DISTINCT annotator_id)::INTEGER AS annotators, count(DISTINCT item_id)::INTEGER AS items FROM judgements`,
    );
    expect(counts).toEqual({ annotators: 42, items: 117 });
  });

  // test/fixtures/prodigy/compare-and-choice.jsonl (README.md there): compare with mapping, choice, binary, bad lines.
  it('reads compare (A/B with mapping), choice and binary tasks; rejects ignores, bad lines and missing annotators', async () => {
    const source = await loadPath(db, join(FIXTURES, 'prodigy', 'compare-and-choice.jsonl'));
    expect(source).toMatchObject({ rowsRead: 10, rowsLoaded: 6, rowsRejected: 4 });
    const rows = await judgementsOf(
      db,
      source.sourceId,
      'source_row, item_id, question, annotator_id, label, option_a, option_b, shown_first, strategy, submitted_at',
    );
    expect(rows.filter((r) => r.question === 'preferred')).toEqual([
      // line 1: A shown = the "accept" output (model-x); annotator accepted → A preferred.
      {
        source_row: 1,
        item_id: '111',
        question: 'preferred',
        annotator_id: 'ds-ann',
        label: 'A',
        option_a: 'model-x',
        option_b: 'model-y',
        shown_first: 'A',
        strategy: 'rlhf_preference',
        submitted_at: 1717200000000,
      },
      // line 2: A shown = the "reject" output (model-y); accepted → model-y preferred = canonical B; B shown first.
      {
        source_row: 2,
        item_id: '111',
        question: 'preferred',
        annotator_id: 'ds-bob',
        label: 'B',
        option_a: 'model-x',
        option_b: 'model-y',
        shown_first: 'B',
        strategy: 'rlhf_preference',
        submitted_at: 1717200060000,
      },
      // line 3: A shown = model-y; rejected → displayed B (model-x) preferred = canonical A.
      {
        source_row: 3,
        item_id: '222',
        question: 'preferred',
        annotator_id: 'ds-ann',
        label: 'A',
        option_a: 'model-x',
        option_b: 'model-y',
        shown_first: 'B',
        strategy: 'rlhf_preference',
        submitted_at: 1717200120000,
      },
    ]);
    expect(rows.filter((r) => r.question === 'choice').map((r) => [r.annotator_id, r.label])).toEqual([
      ['ds-ann', 'POS'],
      ['ds-bob', 'NEU|POS'],
    ]);
    expect(rows.find((r) => r.question === 'SPAM')).toMatchObject({ annotator_id: 'ds-cat', label: 'accept', source_row: 11 });
    const rejections = await db.query(
      `SELECT source_row, line, reason FROM rejections WHERE source_id = ${source.sourceId} ORDER BY source_row`,
    );
    expect(rejections.map((r) => r.source_row)).toEqual([4, 7, 8, 9]);
    expect(rejections[2]).toMatchObject({ line: 8 });
    expect(String(rejections[2].reason)).toMatch(/^line 8 is not valid JSON/);
    expect(String(rejections[1].reason)).toMatch(/choice task answered "reject"/);
    expect(String(rejections[3].reason)).toMatch(/no _annotator_id or _session_id/);
  });
});
