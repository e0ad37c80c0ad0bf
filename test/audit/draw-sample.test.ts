import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { drawSample } from '../../src/lib/audit/draw-sample';
import { sampleCsv } from '../../src/lib/audit/sample-csv';
import { neutraliseCell, safeCsv } from '../../src/lib/report/safe-csv';

const ids = Array.from({ length: 500 }, (_, i) => `item-${String(i).padStart(4, '0')}`);

describe('drawSample', () => {
  it('is reproducible from the seed and independent of load order', () => {
    const a = drawSample(ids, 50, 12345);
    const b = drawSample([...ids].reverse(), 50, 12345);
    const c = drawSample([...ids, ...ids.slice(0, 10)], 50, 12345); // duplicates do not count twice
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(drawSample(ids, 50, 12346)).not.toEqual(a);
  });

  it('draws n distinct ids from the lot', () => {
    const sample = drawSample(ids, 80, 7);
    expect(new Set(sample).size).toBe(80);
    for (const id of sample) expect(ids).toContain(id);
  });

  it('a smaller sample with the same seed is the start of the larger one (partial Fisher–Yates)', () => {
    expect(drawSample(ids, 80, 99).slice(0, 20)).toEqual(drawSample(ids, 20, 99));
  });

  it('is roughly uniform: each of 10 items drawn ≈ 30 % of the time over 2,000 seeds with n = 3', () => {
    const small = ids.slice(0, 10);
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 2000; seed++)
      for (const id of drawSample(small, 3, seed)) counts.set(id, (counts.get(id) ?? 0) + 1);
    // expected 600 per item, binomial sd ≈ 20.5: allow ±5 sd
    for (const id of small) expect(Math.abs(counts.get(id)! - 600)).toBeLessThan(103);
  });

  it('returns every item when n exceeds the lot (100 % inspection) and refuses bad seeds', () => {
    expect(drawSample(ids.slice(0, 5), 8, 1).sort()).toEqual(ids.slice(0, 5));
    expect(() => drawSample(ids, 5, -1)).toThrow(/seed/);
    expect(() => drawSample(ids, 5, 1.5)).toThrow(/seed/);
  });
});

describe('sample CSV', () => {
  it('neutralises spreadsheet formulas with a leading apostrophe', () => {
    for (const bad of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx']) expect(neutraliseCell(bad)).toBe(`'${bad}`);
    expect(neutraliseCell('item-1')).toBe('item-1');
    expect(neutraliseCell(null)).toBe('');
    // numbers are data: a negative number keeps its sign and stays numeric in a spreadsheet
    expect(neutraliseCell(-0.5)).toBe('-0.5');
    expect(neutraliseCell('-0.5')).toBe("'-0.5");
  });

  it('writes draw order, item id and an empty gold column that papaparse reads back', () => {
    const csv = sampleCsv(['b', '=HYPERLINK("http://x")', 'a,comma']);
    const parsed = Papa.parse<string[]>(csv.trim()).data;
    expect(parsed).toEqual([
      ['draw_order', 'item_id', 'gold'],
      ['1', 'b', ''],
      ['2', `'=HYPERLINK("http://x")`, ''],
      ['3', 'a,comma', ''],
    ]);
  });

  it('neutralises header cells too', () => {
    expect(safeCsv(['=x'], [{ '=x': 1 }]).split('\r\n')[0]).toBe("'=x");
  });
});
