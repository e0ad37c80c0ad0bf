import { describe, expect, it } from 'vitest';
import { decodeRateCard, defaultRateCard, encodeRateCard, hourlyRate, itemPrice } from '../../../src/lib/economics/rate-card';
import { midpoint, positionInRange, STRATEGY_RANGES } from '../../../src/lib/economics/ranges';

describe('rate card', () => {
  it('defaults to the midpoints of DESIGN.md ranges', () => {
    // DESIGN.md: 0.50–2.00, 1.00–5.00, 2.00–10.00 USD → 1.25, 3.00, 6.00.
    const card = defaultRateCard();
    expect(card.basis).toBe('per_item');
    expect(itemPrice(card, 'instruction_tuning')).toBeCloseTo(1.25, 12);
    expect(itemPrice(card, 'rlhf_preference')).toBeCloseTo(3.0, 12);
    expect(itemPrice(card, 'vl_alignment')).toBeCloseTo(6.0, 12);
    expect(itemPrice(card, 'unspecified')).toBeNull();
    expect(hourlyRate(card, 'anyone')).toBe(19);
  });

  it('round-trips through a URL-safe string', () => {
    const card = {
      basis: 'hourly' as const,
      per_item: { rlhf_preference: 2.5, '*': 1 },
      hourly: { 'ann+1@example.com': 22.5, '*': 18 },
    };
    const encoded = encodeRateCard(card);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeRateCard(encoded)).toEqual(card);
    expect(decodeRateCard(JSON.stringify(card))).toEqual(card);
  });

  it('rejects malformed or tampered values with a message', () => {
    expect(() => decodeRateCard('%%%')).toThrow(/not a rate card/);
    expect(() => decodeRateCard('{"basis":"per_item","per_item":{"x":-1}}')).toThrow(/non-negative/);
    expect(() => decodeRateCard('{"basis":"weekly"}')).toThrow(/basis/);
  });
});

describe('ranges', () => {
  it('classifies with inclusive bounds', () => {
    const range = STRATEGY_RANGES.instruction_tuning.price_usd;
    expect(midpoint(range)).toBeCloseTo(1.25, 12);
    expect([0.49, 0.5, 2, 2.01].map((v) => positionInRange(v, range))).toEqual(['below', 'within', 'within', 'above']);
  });
});
