import { defaultRateCard, encodeRateCard, type RateCard } from '../economics/rate-card';
import { GUARANTEE_DEFAULTS } from './guarantee.svelte';
import type { ViewParams } from './url-state';

/**
 * The view parameters worth putting in a shared link: the rate card and the guarantee's
 * target and confidence, each only when it differs from its default (short links).
 */
export function shareableParams(card: RateCard, guarantee: { target: number; confidence: number }): ViewParams {
  const params: ViewParams = {};
  if (encodeRateCard(card) !== encodeRateCard(defaultRateCard())) params.rateCard = card;
  if (guarantee.target !== GUARANTEE_DEFAULTS.target) params.target = guarantee.target;
  if (guarantee.confidence !== GUARANTEE_DEFAULTS.confidence) params.confidence = guarantee.confidence;
  return params;
}
