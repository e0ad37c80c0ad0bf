import { describe, expect, it } from 'vitest';
import { countOf, topByTotal } from '../../src/lib/charts/top-series';

describe('topByTotal', () => {
  const totals = new Map([
    ['cy', 5],
    ['ann', 3],
    ['di', 9],
    ['bo', 9],
    ['ed', 1],
  ]);

  it('keeps every id up to the limit, largest first, ties by name', () => {
    expect(topByTotal(totals, 5)).toEqual({ top: ['bo', 'di', 'cy', 'ann', 'ed'], rest: [] });
    expect(topByTotal(totals, 9).rest).toEqual([]);
  });

  it('splits above the limit: the largest, the rest in rank order', () => {
    // by total: bo 9, di 9 (tie → name), cy 5, ann 3, ed 1
    expect(topByTotal(totals, 2)).toEqual({ top: ['bo', 'di'], rest: ['cy', 'ann', 'ed'] });
    // the choice does not depend on the map's order
    expect(topByTotal(new Map([...totals].reverse()), 2)).toEqual({ top: ['bo', 'di'], rest: ['cy', 'ann', 'ed'] });
  });
});

describe('countOf', () => {
  it('writes the count with thousands separators and the right number', () => {
    expect(countOf(1, 'annotator')).toBe('1 annotator');
    expect(countOf(2990, 'annotator')).toBe('2,990 annotators');
    expect(countOf(3, 'batch', 'batches')).toBe('3 batches');
  });
});
