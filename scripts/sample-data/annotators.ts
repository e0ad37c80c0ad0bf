/** The simulated annotator workforce: who they are and how good, fast and biased each one is. */

export type Strategy = 'instruction_tuning' | 'rlhf_preference' | 'vl_alignment';
export const STRATEGIES: Strategy[] = ['instruction_tuning', 'rlhf_preference', 'vl_alignment'];

export interface AnnotatorProfile {
  id: string;
  /** Probability that an answer is wrong (before drift). */
  baseError: number;
  /** Multiplier on time per unit (< 1 is faster). */
  speed: number;
  /** Hour (UTC) the working day usually starts: the team spans time zones. */
  startHourUtc: number;
  /** Usual hours of work per active day. */
  dailyHours: number;
  /** Relative share of the work queue this annotator receives. */
  capacity: number;
  /** Rating bias: +0.25 means a quarter of ratings are pushed one point up (lenient); negative is harsh. */
  ratingBias: number;
  /** Pay tier: sets the price per unit within the reference range. */
  tier: 'senior' | 'standard' | 'junior';
  strategies: Strategy[];
  /** Chance of keeping an AI pre-label as is instead of judging afresh. */
  keepsPrelabel: number;
  /** Error rate rises over the period (see `errorRate`). */
  drifts?: boolean;
  /** Careless and fast: short durations, low accuracy, sloppy text and boxes. */
  careless?: boolean;
  /** Chance of picking the first-shown response regardless of content (RLHF position bias). */
  positionBias?: number;
}

const ALL = STRATEGIES;
const NO_VL: Strategy[] = ['instruction_tuning', 'rlhf_preference'];
const NO_RLHF: Strategy[] = ['instruction_tuning', 'vl_alignment'];

/** Twelve annotators; ann-07 drifts, ann-11 is careless and fast, ann-05 favours the first-shown response. */
export const ANNOTATORS: AnnotatorProfile[] = [
  { id: 'ann-01', baseError: 0.03, speed: 1.15, startHourUtc: 7, dailyHours: 3.0, capacity: 1.0, ratingBias: 0, tier: 'senior', strategies: ALL, keepsPrelabel: 0.35 },
  { id: 'ann-02', baseError: 0.06, speed: 1.0, startHourUtc: 8, dailyHours: 3.0, capacity: 1.0, ratingBias: 0, tier: 'standard', strategies: ALL, keepsPrelabel: 0.5 },
  { id: 'ann-03', baseError: 0.08, speed: 0.95, startHourUtc: 3, dailyHours: 2.5, capacity: 0.9, ratingBias: -0.15, tier: 'standard', strategies: NO_VL, keepsPrelabel: 0.5 },
  { id: 'ann-04', baseError: 0.1, speed: 0.9, startHourUtc: 13, dailyHours: 2.5, capacity: 0.9, ratingBias: 0, tier: 'junior', strategies: ALL, keepsPrelabel: 0.6 },
  { id: 'ann-05', baseError: 0.08, speed: 1.0, startHourUtc: 9, dailyHours: 3.0, capacity: 1.0, ratingBias: 0, tier: 'standard', strategies: NO_VL, keepsPrelabel: 0.5, positionBias: 0.35 },
  { id: 'ann-06', baseError: 0.12, speed: 0.85, startHourUtc: 14, dailyHours: 2.0, capacity: 0.8, ratingBias: 0.1, tier: 'junior', strategies: ALL, keepsPrelabel: 0.65 },
  { id: 'ann-07', baseError: 0.05, speed: 1.0, startHourUtc: 8, dailyHours: 3.5, capacity: 1.3, ratingBias: 0, tier: 'standard', strategies: ALL, keepsPrelabel: 0.5, drifts: true },
  { id: 'ann-08', baseError: 0.07, speed: 1.05, startHourUtc: 6, dailyHours: 3.0, capacity: 1.0, ratingBias: 0.25, tier: 'standard', strategies: ALL, keepsPrelabel: 0.45 },
  { id: 'ann-09', baseError: 0.14, speed: 0.9, startHourUtc: 12, dailyHours: 2.0, capacity: 0.7, ratingBias: -0.2, tier: 'junior', strategies: NO_RLHF, keepsPrelabel: 0.7 },
  { id: 'ann-10', baseError: 0.04, speed: 1.2, startHourUtc: 5, dailyHours: 2.5, capacity: 0.9, ratingBias: 0, tier: 'senior', strategies: ALL, keepsPrelabel: 0.3 },
  { id: 'ann-11', baseError: 0.32, speed: 0.4, startHourUtc: 10, dailyHours: 3.0, capacity: 1.2, ratingBias: 0, tier: 'junior', strategies: ALL, keepsPrelabel: 0.9, careless: true },
  { id: 'li.wei@vendor.example', baseError: 0.06, speed: 1.0, startHourUtc: 4, dailyHours: 2.5, capacity: 0.8, ratingBias: 0, tier: 'senior', strategies: ALL, keepsPrelabel: 0.4 },
];

/** The drifting annotator's error rate goes from 5 % on the first day to 5 + 40 = 45 % on the last. */
export const DRIFT_RISE = 0.4;

/** Probability of a wrong answer on a day at `periodFraction` (0 = first day, 1 = last). */
export function errorRate(profile: AnnotatorProfile, periodFraction: number): number {
  return profile.drifts ? profile.baseError + DRIFT_RISE * periodFraction ** 1.3 : profile.baseError;
}

/** Annotators who work on a strategy. */
export function poolFor(strategy: Strategy): AnnotatorProfile[] {
  return ANNOTATORS.filter((a) => a.strategies.includes(strategy));
}
