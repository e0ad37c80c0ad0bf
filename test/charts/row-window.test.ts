import { describe, expect, it } from 'vitest';
import { rowWindow, type RowWindowInput } from '../../src/lib/charts/row-window';

// Expected values worked by hand: visible = ⌈viewport / rowHeight⌉ + 1 rows (a partly shown row
// at each edge), first = ⌊scrollTop / rowHeight⌋ clamped to [0, rowCount − visible], then
// `overscan` rows on each side, clipped to [0, rowCount].
const base: RowWindowInput = { rowCount: 3000, rowHeight: 30, scrollTop: 0, viewportHeight: 450, overscan: 10 };

describe('rowWindow', () => {
  it.each([
    // at the top: 450 / 30 + 1 = 16 visible, + 10 overscan below, none above
    ['at the top', {}, { start: 0, end: 26, before: 0, after: (3000 - 26) * 30 }],
    // 3000 px = row 100 at the top edge: rows 90…125
    ['scrolled to row 100', { scrollTop: 3000 }, { start: 90, end: 126, before: 90 * 30, after: (3000 - 126) * 30 }],
    // 45 px: row 1 is the first (partly) visible row
    ['between two rows', { scrollTop: 45 }, { start: 0, end: 27, before: 0, after: (3000 - 27) * 30 }],
    // the last screenful: first = 3000 − 16 = 2984, start 2974
    ['at the bottom', { scrollTop: 3000 * 30 - 450 }, { start: 2974, end: 3000, before: 2974 * 30, after: 0 }],
    // the header still in view (scrollTop measured from the first row is negative)
    ['above the first row', { scrollTop: -120 }, { start: 0, end: 26, before: 0, after: (3000 - 26) * 30 }],
    ['no rows', { rowCount: 0 }, { start: 0, end: 0, before: 0, after: 0 }],
    ['no rows, scrolled', { rowCount: 0, scrollTop: 5000 }, { start: 0, end: 0, before: 0, after: 0 }],
    ['fewer rows than the viewport holds', { rowCount: 5 }, { start: 0, end: 5, before: 0, after: 0 }],
    ['fewer rows than the viewport holds, scrolled', { rowCount: 5, scrollTop: 60 }, { start: 0, end: 5, before: 0, after: 0 }],
    // 3000 → 50 rows while scrolled to row 2966: the last screenful (first = 50 − 16 = 34, start 24), never empty
    [
      'scrolled past the end after the rows shrank',
      { rowCount: 50, scrollTop: 89_000 },
      { start: 24, end: 50, before: 720, after: 0 },
    ],
    // a viewport not laid out yet (height 0) still renders a row and the overscan
    ['a zero-height viewport', { viewportHeight: 0 }, { start: 0, end: 11, before: 0, after: (3000 - 11) * 30 }],
    ['no overscan', { scrollTop: 3000, overscan: 0 }, { start: 100, end: 116, before: 3000, after: (3000 - 116) * 30 }],
    // fractional row heights (measured sub-pixel rows): 28.5 px, 1000 px → row 35
    [
      'fractional row height',
      { rowHeight: 28.5, scrollTop: 1000, overscan: 2 },
      { start: 33, end: 54, before: 33 * 28.5, after: (3000 - 54) * 28.5 },
    ],
  ] as const)('%s', (_, change, expected) => {
    const got = rowWindow({ ...base, ...change });
    expect(got.start).toBe(expected.start);
    expect(got.end).toBe(expected.end);
    expect(got.before).toBeCloseTo(expected.before, 9);
    expect(got.after).toBeCloseTo(expected.after, 9);
  });

  it('keeps the scrollbar honest: spacers plus rendered rows are always the full height', () => {
    for (const rowCount of [0, 1, 15, 16, 17, 201, 3000])
      for (const scrollTop of [-50, 0, 29, 30, 1234.5, 50_000, 1e7])
        for (const overscan of [0, 3, 10]) {
          const w = rowWindow({ ...base, rowCount, scrollTop, overscan });
          expect(w.start).toBeGreaterThanOrEqual(0);
          expect(w.end).toBeLessThanOrEqual(rowCount);
          expect(w.start).toBeLessThanOrEqual(w.end);
          // a non-empty table never renders an empty window
          if (rowCount > 0) expect(w.end).toBeGreaterThan(w.start);
          expect(w.before + (w.end - w.start) * base.rowHeight + w.after).toBeCloseTo(rowCount * base.rowHeight, 9);
        }
  });

  it('says what was wrong with an impossible row height or count', () => {
    expect(() => rowWindow({ ...base, rowHeight: 0 })).toThrow(/row height > 0 px; got 0/);
    expect(() => rowWindow({ ...base, rowHeight: Number.NaN })).toThrow(/row height > 0 px; got NaN/);
    expect(() => rowWindow({ ...base, rowCount: -1 })).toThrow(/row count ≥ 0; got -1/);
    expect(() => rowWindow({ ...base, rowCount: 2.5 })).toThrow(/row count ≥ 0; got 2.5/);
  });
});
