import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvChunks, GOLD_PERCENT, HEADER, parseSize, row, sizeLabel, STRATEGIES } from '../../bench/generate';
import type { Connector } from '../../src/lib/db/connector';
import { freshDb, loadCsvText } from '../helpers/db';

const text = (n: number, rowsPerChunk?: number) => [...csvChunks(n, rowsPerChunk)].join('');
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('bench/generate: deterministic synthetic exports', () => {
  it('gives the same bytes on every call, whatever the chunk size', () => {
    const a = text(5_000);
    expect(sha(text(5_000))).toBe(sha(a));
    expect(sha(text(5_000, 7))).toBe(sha(a));
    expect(a.split('\n')[0]).toBe(HEADER);
    expect(a.trimEnd().split('\n')).toHaveLength(5_001);
  });

  it('makes each row from its index alone (row r of the stream is row(r, n))', () => {
    const lines = text(2_000).trimEnd().split('\n');
    for (const r of [0, 1, 4, 5, 999, 1_999]) expect(lines[r + 1]).toBe(row(r, 2_000));
  });

  it('has 5 distinct annotators per item, 3 strategies and gold on about 5 % of the items', () => {
    const n = 30_000;
    const rows = text(n)
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const annotators = new Map<string, Set<string>>();
    const gold = new Map<string, boolean>();
    for (const r of rows) {
      if (!annotators.has(r[2])) annotators.set(r[2], new Set());
      annotators.get(r[2])!.add(r[4]);
      gold.set(r[2], r[7] !== '');
    }
    expect([...annotators.values()].every((s) => s.size === 5)).toBe(true);
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(STRATEGIES));
    const share = [...gold.values()].filter(Boolean).length / gold.size;
    // 6,000 items: the binomial SD of the share is sqrt(0.05·0.95/6000) ≈ 0.0028; allow 4 SD
    expect(Math.abs(share - GOLD_PERCENT / 100)).toBeLessThan(0.012);
  });

  it('parses and labels sizes', () => {
    expect(parseSize('100k')).toBe(100_000);
    expect(parseSize('1M')).toBe(1_000_000);
    expect(parseSize('2500')).toBe(2_500);
    expect(sizeLabel(10_000_000)).toBe('10M');
    expect(sizeLabel(100_000)).toBe('100k');
    expect(() => parseSize('lots')).toThrow();
  });
});

describe('bench/generate: loads cleanly into AnnoQA', () => {
  let db: Connector;
  beforeAll(async () => {
    db = await freshDb();
  });
  afterAll(async () => {
    await db.close();
  });

  it('every row is loaded (no rejections, no duplicate answers), with gold and three question kinds', async () => {
    const source = await loadCsvText(db, 'bench.csv', text(1_500));
    expect(source).toMatchObject({ rowsRead: 1_500, rowsLoaded: 1_500, rowsRejected: 0 });
    const kinds = await db.query<{ value_kind: string }>('SELECT DISTINCT value_kind FROM questions ORDER BY 1');
    expect(kinds.map((k) => k.value_kind)).toEqual(['category', 'number', 'preference']);
    const [{ g }] = await db.query<{ g: number }>('SELECT count(*)::INTEGER AS g FROM gold');
    expect(g).toBeGreaterThan(0);
  });
});
