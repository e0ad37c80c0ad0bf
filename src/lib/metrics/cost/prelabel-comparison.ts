import type { Connector } from '../../db/connector';
import { goldJudgements } from '../../db/gold-join';
import type { RateCard } from '../../economics/rate-card';
import type { Interval, Reasons } from '../../report/report-types';
import { sql } from '../../sql/sql';
import { normalQuantile } from '../../stats/normal-quantile';
import { wilson } from '../../stats/wilson';
import { filterCondition, type Filters } from '../filters';
import { groupId, groupSelect, perGroupCached, type GroupKey } from '../throughput/group-keys';
import { timedAssignments, type ThroughputOptions } from '../throughput/timed-assignments';
import { accuracyFigures, type AccuracyFigures } from './cost-per-correct';
import { economicsBy, type EconomicsRow } from './economics';

/** One side of the comparison: units labelled from an AI pre-label, or from scratch. */
export interface PrelabelSide extends AccuracyFigures {
  assignments: number;
  accuracy_n: number;
  accuracy_correct: number;
  durations_known: number;
  median_duration_s: number | null;
  mean_duration_s: number | null;
  sd_duration_s: number | null;
  /** mean ± z·sd/√n (normal approximation, central limit theorem); null with fewer than 2 durations. */
  mean_duration_ci95: Interval | null;
}

export interface PrelabelComparison {
  strategy?: string;
  batch_id?: string;
  annotator_id?: string;
  prelabeled: PrelabelSide;
  from_scratch: PrelabelSide;
  /** Pre-labelled answers ÷ answers whose flag is known, with its Wilson 95 % interval. */
  prelabeled_share: number | null;
  prelabeled_share_wilson95: Interval | null;
  /** accuracy(pre-labelled) − accuracy(from scratch). */
  accuracy_difference: number | null;
  /** mean time from scratch − mean time pre-labelled, with a Welch normal-approximation 95 % interval. */
  seconds_saved_per_unit: number | null;
  seconds_saved_per_unit_ci95: Interval | null;
  /** seconds saved per unit × pre-labelled answers ÷ 3600: the time pre-labelling saved here. */
  hours_saved: number | null;
  hours_saved_ci95: Interval | null;
  /** hours saved × the group's cost per annotator-hour. */
  saving_usd: number | null;
  reasons: Reasons;
}

const Z95 = normalQuantile(0.975);

interface SideRow extends Record<string, unknown> {
  prelabeled: boolean;
  assignments: number;
  durations_known: number;
  median_duration_s: number | null;
  mean_duration_s: number | null;
  sd_duration_s: number | null;
}

function side(row: SideRow | undefined, n: number, correct: number): PrelabelSide {
  const known = row?.durations_known ?? 0;
  const mean = row?.mean_duration_s ?? null;
  const sd = row?.sd_duration_s ?? null;
  const half = known >= 2 && mean !== null && sd !== null ? (Z95 * sd) / Math.sqrt(known) : null;
  return {
    assignments: row?.assignments ?? 0,
    accuracy_n: n,
    accuracy_correct: correct,
    ...accuracyFigures(correct, n),
    durations_known: known,
    median_duration_s: row?.median_duration_s ?? null,
    mean_duration_s: mean,
    sd_duration_s: sd,
    mean_duration_ci95: half === null ? null : [mean! - half, mean! + half],
  };
}

/**
 * Pre-labelling vs from scratch per group (DESIGN.md "Cost"): share of pre-labelled answers
 * (Wilson interval), judgement-level accuracy of each side (Wilson and Clopper–Pearson), time
 * per unit (median; mean with a normal interval), and the implied saving: the difference in
 * mean time (Welch's standard error √(s₁²/n₁ + s₂²/n₂), normal approximation) × pre-labelled
 * answers, in hours and at the group's cost per annotator-hour (from `economics`, rows of
 * `economicsBy` with the same keys, computed here when not given). Answers with an unknown
 * prelabeled flag are left out.
 */
export function prelabelComparison(
  db: Connector,
  filters: Filters = {},
  keys: readonly GroupKey[] = ['strategy'],
  card?: RateCard,
  options: ThroughputOptions = {},
  economics?: readonly EconomicsRow[],
): Promise<PrelabelComparison[]> {
  // per strategy (or batch), picked from the rows computed once for all of them
  return perGroupCached(db, `prelabel:${JSON.stringify([card ?? null, options])}`, filters, keys, (selected) =>
    comparePrelabelling(db, selected, keys, card, options, selected === filters ? economics : undefined),
  );
}

async function comparePrelabelling(
  db: Connector,
  filters: Filters,
  keys: readonly GroupKey[],
  card: RateCard | undefined,
  options: ThroughputOptions,
  economics: readonly EconomicsRow[] | undefined,
): Promise<PrelabelComparison[]> {
  const select = keys.length ? sql`${groupSelect(keys)},` : sql``;
  const times = await db.query<SideRow>(sql`
    SELECT ${select} prelabeled, count(*)::DOUBLE AS assignments, count(duration_s)::DOUBLE AS durations_known,
      quantile_cont(duration_s, 0.5) AS median_duration_s, avg(duration_s) AS mean_duration_s, stddev_samp(duration_s) AS sd_duration_s
    FROM ${await timedAssignments(db, filters, options)} a WHERE prelabeled IS NOT NULL GROUP BY ALL`);
  const accuracy = await db.query<{ prelabeled: boolean; n: number; correct: number }>(sql`
    SELECT ${select} prelabeled, count(*)::DOUBLE AS n, count(*) FILTER (WHERE is_correct)::DOUBLE AS correct
    FROM ${await goldJudgements(db)} j WHERE is_correct IS NOT NULL AND prelabeled IS NOT NULL AND ${filterCondition(filters)} GROUP BY ALL`);
  const rows = economics ?? (await economicsBy(db, filters, keys, card, options));
  const perHour = new Map(rows.map((r) => [groupId(r as never, keys), r.cost_per_annotator_hour]));
  const ids = [...new Set(times.map((r) => groupId(r, keys)))].sort();
  return ids.map((id) => {
    const find = (flag: boolean) => times.find((r) => groupId(r, keys) === id && r.prelabeled === flag);
    const counts = (flag: boolean) =>
      accuracy.find((r) => groupId(r, keys) === id && r.prelabeled === flag) ?? { n: 0, correct: 0 };
    const pre = side(find(true), counts(true).n, counts(true).correct);
    const scratch = side(find(false), counts(false).n, counts(false).correct);
    const reasons: Reasons = {};
    const known = pre.assignments + scratch.assignments;
    const keyValues = Object.fromEntries(keys.map((k, i) => [k, JSON.parse(id)[i]]));
    let accuracy_difference: number | null = null;
    if (pre.accuracy === null || scratch.accuracy === null) reasons.accuracy_difference = 'one side has no judgement with gold';
    else accuracy_difference = pre.accuracy - scratch.accuracy;
    let saved: number | null = null;
    let savedCi: Interval | null = null;
    if (pre.mean_duration_s === null || scratch.mean_duration_s === null) {
      reasons.seconds_saved_per_unit = 'one side has no duration_s';
    } else {
      saved = scratch.mean_duration_s - pre.mean_duration_s;
      if (pre.durations_known >= 2 && scratch.durations_known >= 2) {
        const se = Math.sqrt(
          pre.sd_duration_s! ** 2 / pre.durations_known + scratch.sd_duration_s! ** 2 / scratch.durations_known,
        );
        savedCi = [saved - Z95 * se, saved + Z95 * se];
      } else reasons.seconds_saved_per_unit_ci95 = 'each side needs at least 2 durations for an interval';
    }
    const toHours = (s: number) => (s * pre.assignments) / 3600;
    const hours = saved === null ? null : toHours(saved);
    const rate = perHour.get(id) ?? null;
    if (hours !== null && rate === null) reasons.saving_usd = 'the cost per annotator-hour is unknown';
    if (hours === null) reasons.hours_saved = reasons.saving_usd = reasons.seconds_saved_per_unit;
    return {
      ...keyValues,
      prelabeled: pre,
      from_scratch: scratch,
      prelabeled_share: known > 0 ? pre.assignments / known : null,
      prelabeled_share_wilson95: wilson(pre.assignments, known),
      accuracy_difference,
      seconds_saved_per_unit: saved,
      seconds_saved_per_unit_ci95: savedCi,
      hours_saved: hours,
      hours_saved_ci95: savedCi ? [toHours(savedCi[0]), toHours(savedCi[1])] : null,
      saving_usd: hours !== null && rate !== null ? hours * rate : null,
      reasons,
    };
  });
}
