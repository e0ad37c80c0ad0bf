/** A coefficient's value, or null with the reason it is undefined (DESIGN.md: never NaN or 0). */
export type Coefficient = { value: number; reason?: undefined } | { value: null; reason: string };

/** A defined value. */
export function defined(value: number): Coefficient {
  return { value };
}

/** An undefined value with its reason. */
export function undefinedBecause(reason: string): Coefficient {
  return { value: null, reason };
}

/** `(observed − expected) / (1 − expected)`, null when the expected agreement is 1 (no variation). */
export function chanceCorrected(observed: number, expected: number, what: string): Coefficient {
  if (!(Math.abs(1 - expected) > 1e-15)) return undefinedBecause(`${what}: chance agreement is 1 (only one category was used)`);
  return defined((observed - expected) / (1 - expected));
}
