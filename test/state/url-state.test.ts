import { describe, expect, it } from 'vitest';
import { formatUrlState, parseUrlState } from '../../src/lib/state/url-state';

describe('URL state', () => {
  it('round-trips the view and every filter, and holds no data', () => {
    const state = {
      view: 'quality' as const,
      filters: { batches: ['b 1', 'b&2'], annotators: ['x@y.z'], from: '2026-10-01', to: '2026-10-31', gold: 'gold' as const },
    };
    const hash = formatUrlState(state);
    expect(hash).toBe('#view=quality&batch=b+1&batch=b%262&annotator=x%40y.z&from=2026-10-01&to=2026-10-31&gold=gold');
    expect(parseUrlState(hash)).toEqual(state);
  });

  it('ignores unknown views and malformed dates', () => {
    expect(parseUrlState('#view=admin&from=yesterday')).toEqual({ view: 'overview', filters: {} });
  });
});
