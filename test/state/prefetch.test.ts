import { describe, expect, it } from 'vitest';
import { filtersKey } from '../../src/lib/metrics/filters';
import { likelyNextFilters, stepsWhile } from '../../src/lib/state/prefetch';

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

describe('stepsWhile', () => {
  it('runs steps while wanted, and none after it was once unwanted', async () => {
    let wanted = true;
    const ran: number[] = [];
    const step = stepsWhile(() => wanted);
    const run = (n: number) => step(async () => (ran.push(n), n));
    expect(await run(1)).toBe(1);
    wanted = false;
    expect(await run(2)).toBeNull();
    wanted = true;
    expect(await run(3)).toBeNull();
    expect(ran).toEqual([1]);
  });
});
