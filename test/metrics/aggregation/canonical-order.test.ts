import { describe, expect, it } from 'vitest';
import { canonicalOrder } from '../../../src/lib/metrics/aggregation/dawid-skene-fit';
import { fitDawidSkene } from '../../../src/lib/metrics/aggregation/dawid-skene-em';

// Answers (item, annotator, class) as the database may return them, in any order; some are
// repeated (an annotator answering an item twice, across files), up to three times.
function observations(seed: number) {
  let s = seed;
  const random = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const rows: [number, number, number][] = [];
  for (let i = 0; i < 300; i++)
    for (let j = 0; j < 7; j++)
      if (random() < 0.6) {
        const answer: [number, number, number] = [i, j, Math.floor(random() * 3)];
        const times = random() < 0.8 ? 1 : 2 + Math.floor(random() * 2);
        for (let t = 0; t < times; t++) rows.push(answer);
      }
  for (let x = rows.length - 1; x > 0; x--) {
    const y = Math.floor(random() * (x + 1));
    [rows[x], rows[y]] = [rows[y], rows[x]];
  }
  return rows;
}
const columns = (rows: [number, number, number][]) => ({
  i: rows.map((r) => r[0]),
  j: rows.map((r) => r[1]),
  l: rows.map((r) => r[2]),
});

describe('canonicalOrder (Dawid–Skene observations)', () => {
  it('sorts by item, annotator, class and counts equal answers — a plain count and sort of the same rows', () => {
    const rows = observations(1);
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.join(','), (counts.get(r.join(',')) ?? 0) + 1);
    const distinct = [...counts.keys()].map((k) => k.split(',').map(Number));
    const sorted = distinct.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    expect(sorted.length).toBeLessThan(rows.length - 100);
    const out = canonicalOrder(columns(rows), 300);
    expect(Array.from(out.item)).toEqual(sorted.map((r) => r[0]));
    expect(Array.from(out.annotator)).toEqual(sorted.map((r) => r[1]));
    expect(Array.from(out.label)).toEqual(sorted.map((r) => r[2]));
    expect(Array.from(out.count)).toEqual(sorted.map((r) => counts.get(r.join(','))));
  });

  it('makes the EM fit bit-identical whatever order the rows arrive in', () => {
    const rows = observations(2);
    const reversed = [...rows].reverse();
    const fit = (r: typeof rows) => fitDawidSkene({ items: 300, annotators: 7, classes: 3, ...canonicalOrder(columns(r), 300) });
    const a = fit(rows);
    const b = fit(reversed);
    expect(Array.from(b.posterior)).toEqual(Array.from(a.posterior));
    expect(b.confusion).toEqual(a.confusion);
    expect(b.iterations).toBe(a.iterations);
  });
});
