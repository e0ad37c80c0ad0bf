import { describe, expect, it } from 'vitest';
import { busiestAnnotators, heatmapLayout, HEATMAP_MAX_ANNOTATORS } from '../../src/lib/charts/heatmap';

describe('busiestAnnotators', () => {
  const names = ['ann', 'bo', 'cy', 'di', 'ed'];
  const ratings = new Map([
    ['ann', 3],
    ['bo', 9],
    ['cy', 5],
    ['di', 9],
    ['ed', 1],
  ]);

  it('keeps everyone up to the limit, in the given order', () => {
    expect(busiestAnnotators(names, ratings, 5)).toEqual(names);
    expect(busiestAnnotators(names, ratings, 9)).toEqual(names);
  });

  it('keeps the annotators with the most ratings, ties by name, in the given order', () => {
    // by ratings: bo 9, di 9, cy 5, ann 3, ed 1 → the top 3 are bo, di, cy; shown in the names' order
    expect(busiestAnnotators(names, ratings, 3)).toEqual(['bo', 'cy', 'di']);
    // bo and di tie at 9: the earlier name wins the last place
    expect(busiestAnnotators(names, ratings, 1)).toEqual(['bo']);
    // an annotator without a count counts as 0
    expect(busiestAnnotators([...names, 'fay'], ratings, 5)).not.toContain('fay');
  });

  it('bounds the heatmap of 3,000 annotators to the limit', () => {
    const many = Array.from({ length: 3000 }, (_, a) => `a${String(a).padStart(4, '0')}`);
    const counts = new Map(many.map((name, a) => [name, a % 97]));
    const drawn = busiestAnnotators(many, counts);
    expect(drawn).toHaveLength(HEATMAP_MAX_ANNOTATORS);
    // counts a mod 97 over 3,000 = 30 × 97 + 90: 30 annotators have 96 ratings, 30 have 95 → the 30 with 96 and the first 10 (by name) with 95
    expect(drawn.filter((name) => counts.get(name) === 96)).toHaveLength(30);
    expect(drawn.filter((name) => counts.get(name) === 95)).toEqual(many.filter((name) => counts.get(name) === 95).slice(0, 10));
    // pairs outside the drawn annotators are left out of the layout: at most 40 × 39 cells
    const pairs = many.slice(1).map((name, i) => ({ first: many[i], second: name, value: 0.5, count: 2 }));
    const layout = heatmapLayout(drawn, pairs);
    expect(layout.labels).toHaveLength(HEATMAP_MAX_ANNOTATORS);
    expect(layout.cells.length).toBeLessThanOrEqual(HEATMAP_MAX_ANNOTATORS * (HEATMAP_MAX_ANNOTATORS - 1));
  });
});
