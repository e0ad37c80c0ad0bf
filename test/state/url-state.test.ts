import { describe, expect, it } from 'vitest';
import { defaultRateCard } from '../../src/lib/economics/rate-card';
import { formatUrlState, parseUrlState } from '../../src/lib/state/url-state';
import { shareableParams } from '../../src/lib/state/shareable-params';

describe('URL state', () => {
  it('round-trips the view and every filter, and holds no data', () => {
    const state = {
      view: 'quality' as const,
      filters: { batches: ['b 1', 'b&2'], annotators: ['x@y.z'], from: '2026-10-01', to: '2026-10-31', gold: 'gold' as const },
    };
    const hash = formatUrlState(state);
    expect(hash).toBe('#view=quality&batch=b+1&batch=b%262&annotator=x%40y.z&from=2026-10-01&to=2026-10-31&gold=gold');
    expect(parseUrlState(hash)).toEqual({ ...state, params: {} });
  });

  it('ignores unknown views and malformed dates', () => {
    expect(parseUrlState('#view=admin&from=yesterday')).toEqual({ view: 'overview', filters: {}, params: {} });
  });

  it('round-trips the rate card and the guarantee parameters compactly', () => {
    const params = {
      rateCard: {
        basis: 'hourly' as const,
        per_item: { rlhf_preference: 3.5, 'odd:name & co': 0.125 },
        hourly: { '*': 19, 'anna@example.com': 22.75 },
      },
      target: 0.995,
      confidence: 0.9,
    };
    const hash = formatUrlState({ view: 'economics', filters: {}, params });
    expect(hash).toBe(
      '#view=economics&rate=hour&price=rlhf_preference%3A3.5&price=odd%3Aname+%26+co%3A0.125' +
        '&hourly=*%3A19&hourly=anna%40example.com%3A22.75&target=0.995&confidence=0.9',
    );
    expect(parseUrlState(hash)).toEqual({ view: 'economics', filters: {}, params });
    // the whole default card fits in well under 200 characters
    const defaults = formatUrlState({ view: 'economics', filters: {}, params: { rateCard: defaultRateCard() } });
    expect(defaults.length).toBeLessThan(200);
    expect(parseUrlState(defaults).params.rateCard).toEqual(defaultRateCard());
  });

  it('ignores bad parameter values safely: the defaults apply', () => {
    const bad = parseUrlState('#view=economics&rate=free&price=a:1&target=1.5&confidence=-0.1&hourly=b:2');
    expect(bad.params).toEqual({});
    const mixed = parseUrlState(
      '#rate=item&price=ok:1.25&price=neg:-1&price=nan:NaN&price=exp:1e3&price=:2&price=nocolon&price=__proto__:4' +
        '&target=0.99abc&confidence=.9',
    );
    expect(mixed.params.rateCard).toEqual({ basis: 'per_item', per_item: { ok: 1.25, ['__proto__']: 4 }, hourly: {} });
    expect(Object.getPrototypeOf(mixed.params.rateCard!.per_item)).toBe(Object.prototype);
    expect(mixed.params.target).toBeUndefined();
    expect(mixed.params.confidence).toBe(0.9);
    expect(parseUrlState('#target=0&confidence=1').params).toEqual({});
  });

  it('writes floating-point noise and tiny prices in a form it reads back', () => {
    const hash = formatUrlState({
      view: 'guarantee',
      filters: {},
      params: { target: 99.9 / 100, rateCard: { basis: 'per_item', per_item: { x: 1e-7, y: 0 }, hourly: {} } },
    });
    expect(hash).toBe('#view=guarantee&rate=item&price=x%3A0.0000001&price=y%3A0&target=0.999');
    expect(parseUrlState(hash).params).toEqual({
      target: 0.999,
      rateCard: { basis: 'per_item', per_item: { x: 1e-7, y: 0 }, hourly: {} },
    });
  });

  it('puts only what differs from the defaults in a shared link', () => {
    expect(shareableParams(defaultRateCard(), { target: 0.95, confidence: 0.95 })).toEqual({});
    const card = { ...defaultRateCard(), basis: 'hourly' as const };
    expect(shareableParams(card, { target: 0.99, confidence: 0.95 })).toEqual({ rateCard: card, target: 0.99 });
  });
});
