import { describe, expect, it } from 'vitest';
import { filtersKey } from '../../src/lib/metrics/filters';
import { likelyNextFilters } from '../../src/lib/state/likely-filters';

const options = { batches: ['b1', 'b2', 'b3'], strategies: ['rlhf_preference', 'vl_alignment'] };

describe('filtersKey', () => {
  it('is one key per selection, whatever the key order, value order or empty lists', () => {
    expect(filtersKey({})).toBe(filtersKey({ batches: [], strategies: [], gold: 'all', from: undefined }));
    expect(filtersKey({ batches: ['b1'], annotators: ['x', 'y'] })).toBe(
      filtersKey({ annotators: ['y', 'x'], strategies: [], batches: ['b1'] }),
    );
  });

  it('tells different selections apart', () => {
    const keys = [
      {},
      { batches: ['b1'] },
      { batches: ['b2'] },
      { batches: ['b1', 'b2'] },
      { strategies: ['b1'] },
      { gold: 'gold' as const },
      { from: '2026-01-01' },
      { to: '2026-01-01' },
    ];
    expect(new Set(keys.map(filtersKey)).size).toBe(keys.length);
  });
});

describe('likelyNextFilters', () => {
  it('offers each batch alone, then each strategy alone, keeping the other filters', () => {
    expect(likelyNextFilters({ annotators: ['x'] }, options, 10)).toEqual([
      { annotators: ['x'], batches: ['b1'] },
      { annotators: ['x'], batches: ['b2'] },
      { annotators: ['x'], batches: ['b3'] },
      { annotators: ['x'], strategies: ['rlhf_preference'] },
      { annotators: ['x'], strategies: ['vl_alignment'] },
    ]);
  });

  it('leaves out the current state and stops at the limit', () => {
    const next = likelyNextFilters({ batches: ['b2'] }, options, 3);
    expect(next).toEqual([{ batches: ['b1'] }, { batches: ['b3'] }, { batches: ['b2'], strategies: ['rlhf_preference'] }]);
    expect(likelyNextFilters({}, { batches: [], strategies: [] }, 8)).toEqual([]);
  });
});
