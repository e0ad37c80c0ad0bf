import { describe, expect, it } from 'vitest';
import { describeRateCardRows, rateCardRows, RATE_CARD_MAX_INPUTS } from '../../src/lib/charts/rate-card-rows';

describe('rateCardRows', () => {
  const names = Array.from({ length: 3000 }, (_, a) => `ann-${String(a).padStart(4, '0')}`);

  it('shows everyone up to the limit, in order', () => {
    expect(rateCardRows(['a', 'b'], { '*': 19 })).toEqual({ shown: ['a', 'b'], matches: 2, total: 2, rated: 0 });
  });

  it('bounds 3,000 annotators, those with a rate of their own first', () => {
    const rows = rateCardRows(names, { '*': 19, 'ann-2999': 25, 'ann-0100': 30 });
    expect(rows.shown).toHaveLength(RATE_CARD_MAX_INPUTS);
    expect(rows.shown.slice(0, 3)).toEqual(['ann-0100', 'ann-2999', 'ann-0000']);
    expect([rows.matches, rows.total, rows.rated]).toEqual([3000, 3000, 2]);
  });

  it('finds annotators by a part of their name, ignoring case', () => {
    const rows = rateCardRows(names, {}, ' ANN-123 ');
    // ann-1230 … ann-1239
    expect(rows.shown).toEqual(Array.from({ length: 10 }, (_, i) => `ann-123${i}`));
    expect(rows.matches).toBe(10);
    expect(describeRateCardRows(rows, ' ANN-123 ')).toMatch(/^10 of 3,000 annotators match “ANN-123”; showing 10/);
  });

  it('keeps annotators the card prices that are not in the data (another filter)', () => {
    const rows = rateCardRows(['a'], { '*': 19, gone: 40 });
    expect(rows.shown).toEqual(['gone', 'a']);
    expect(rows.total).toBe(2);
  });
});
