/**
 * Verbal interpretation bands shown next to coefficients. They are conventions, not tests.
 * κ-type coefficients (Cohen, Scott, Fleiss, Gwet): Landis & Koch (1977), Biometrics 33:159–174.
 * Krippendorff's α: rely on α ≥ 0.800, draw tentative conclusions for 0.667 ≤ α < 0.800,
 * discard below 0.667 (Krippendorff 2004, Content Analysis, 2nd ed., §11.4.4).
 */
export interface Band {
  label: string;
  /** `good` / `fair` / `poor`, for styling. */
  tone: 'good' | 'fair' | 'poor';
}

/** Landis & Koch (1977) band of a κ-type coefficient, or null when undefined. */
export function landisKochBand(value: number | null): Band | null {
  if (value === null) return null;
  if (value < 0) return { label: 'poor (below chance)', tone: 'poor' };
  if (value <= 0.2) return { label: 'slight', tone: 'poor' };
  if (value <= 0.4) return { label: 'fair', tone: 'poor' };
  if (value <= 0.6) return { label: 'moderate', tone: 'fair' };
  if (value <= 0.8) return { label: 'substantial', tone: 'good' };
  return { label: 'almost perfect', tone: 'good' };
}

/** Krippendorff's (2004) reliability band of α, or null when undefined. */
export function krippendorffBand(value: number | null): Band | null {
  if (value === null) return null;
  if (value >= 0.8) return { label: 'reliable (α ≥ 0.800)', tone: 'good' };
  if (value >= 0.667) return { label: 'tentative (0.667 ≤ α < 0.800)', tone: 'fair' };
  return { label: 'unreliable (α < 0.667)', tone: 'poor' };
}
