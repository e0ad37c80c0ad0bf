import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { compareModels, tallyColumns } from '../../../src/lib/metrics/preference/model-comparisons';
import {
  nominalAgreementReference,
  nominalAlphaFromSums,
  nominalSumsByQuestion,
  percentFromSums,
} from '../../../src/lib/metrics/preference/nominal-agreement';
import { preferenceByQuestion } from '../../../src/lib/metrics/preference/preference-by-question';
import { questionKey } from '../../../src/lib/report/report-types';
import { raw } from '../../../src/lib/sql/sql';
import { binomialTestTwoSided } from '../../../src/lib/stats/binomial';
import { fitBradleyTerry } from '../../../src/lib/stats/bradley-terry';
import { randomIndex, seededRandom } from '../../../src/lib/stats/seeded-random';
import { clearDb, freshDb, loadCsvFile, loadCsvText, REALDATA } from '../../helpers/db';

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(async () => db.close());

// item, annotator, label, option_a, option_b, shown_first
// Majorities: m1 ≻ m2 (i1: 2–1, i4: 2–1 with letters swapped), m2 ≻ m3 (i2: 2–0, one tie), m3 ≻ m1 (i3: 2–1): a cycle.
const rows: [string, string, string, string, string, string][] = [
  ['i1', 'x', 'A', 'm1', 'm2', 'A'],
  ['i1', 'y', 'A', 'm1', 'm2', 'B'],
  ['i1', 'z', 'B', 'm1', 'm2', 'A'],
  ['i2', 'x', 'A', 'm2', 'm3', 'A'],
  ['i2', 'y', 'A', 'm2', 'm3', 'A'],
  ['i2', 'z', 'tie', 'm2', 'm3', 'B'],
  ['i3', 'x', 'A', 'm3', 'm1', 'A'],
  ['i3', 'y', 'B', 'm3', 'm1', 'B'],
  ['i3', 'z', 'A', 'm3', 'm1', 'A'],
  ['i4', 'x', 'B', 'm2', 'm1', 'B'],
  ['i4', 'y', 'B', 'm2', 'm1', 'A'],
  ['i4', 'z', 'A', 'm2', 'm1', 'A'],
];
const csv =
  'batch_id,strategy,item_id,annotator_id,question,label,option_a,option_b,shown_first\n' +
  rows.map((r) => ['b1', 'rlhf_preference', r[0], r[1], 'preferred', ...r.slice(2)].join(',')).join('\n');
const key = questionKey({ batch_id: 'b1', strategy: 'rlhf_preference', question: 'preferred' });

describe('preferenceByQuestion on a hand-made three-model cycle', () => {
  it('counts ties, position bias, agreement and the cycle', async () => {
    await clearDb(db);
    await loadCsvText(db, 'prefs.csv', csv);
    const report = (await preferenceByQuestion(db, {}, { resamples: 50 })).get(key)!;
    expect(report).toBeDefined();
    expect(report.judgements).toBe(12);
    // One tie in 12 judgements (by hand).
    expect(report.tie_rate).toBeCloseTo(1 / 12, 12);
    // Non-tie choices with known order: 11; chose the first-shown side (counted by hand):
    // i1 x yes, y no (A vs B), z no (B vs A); i2 x, y yes; i3 x, y, z yes; i4 x yes, y no, z yes → 8 of 11.
    expect(report.first_position_n).toBe(11);
    expect(report.first_position_share).toBeCloseTo(8 / 11, 12);
    // binom.test(8, 11): 2·(1 + 11 + 55 + 165)/2¹¹ = 464/2048.
    expect(report.first_position_p_value).toBeCloseTo(464 / 2048, 12);
    // Agreement on the chosen model (i4's letters are swapped, so B means m1 there).
    const units = [
      ['m1', 'm1', 'm2'],
      ['m2', 'm2', 'tie'],
      ['m3', 'm1', 'm3'],
      ['m1', 'm1', 'm2'],
    ];
    const ref = nominalAgreementReference(units);
    expect(report.agreement_with_ties).toBeCloseTo(ref.alpha!, 12);
    // Percent agreement by hand: every item has 1 agreeing unordered pair of 3 → 1/3.
    expect(report.percent_with_ties).toBeCloseTo(1 / 3, 12);
    const refNoTies = nominalAgreementReference(units.map((u) => u.filter((v) => v !== 'tie')));
    expect(report.agreement_without_ties).toBeCloseTo(refNoTies.alpha!, 12);
    // i2 without its tie has two equal answers: (1/3 + 1 + 1/3 + 1/3) / 4.
    expect(report.percent_without_ties).toBeCloseTo(0.5, 12);
    const z = report.annotators.find((a) => a.annotator_id === 'z')!;
    expect(z.tie_rate).toBeCloseTo(1 / 4, 12);
    // z: i1 B vs A no, i2 tie (left out), i3 A=A yes, i4 A=A yes → 2 of 3.
    expect(z.first_position_n).toBe(3);
    expect(z.first_position_share).toBeCloseTo(2 / 3, 12);
    const cycle = report.models!.intransitivity;
    expect(cycle.decided_triads).toBe(1);
    expect(cycle.cyclic_triads).toBe(1);
    expect(cycle.cycles[0]).toEqual(['m1', 'm2', 'm3']);
  });
});

describe('binomial test used for position bias', () => {
  it('matches binom.test(8, 10) = 112/1024 (by hand: 2·(1+10+45)/2¹⁰)', () => {
    expect(binomialTestTwoSided(8, 10)).toBeCloseTo(0.109375, 12);
  });
});

describe('Bradley–Terry strengths', () => {
  it('two models: the MLE is π₁/(π₁+π₂) = W₁/n in closed form', () => {
    const tallies = [
      { item_id: 'a', model_1: 'p', model_2: 'q', wins_1: 7, wins_2: 3, ties: 0 },
      { item_id: 'b', model_1: 'p', model_2: 'q', wins_1: 0, wins_2: 2, ties: 2 },
    ];
    // Ties count half: W_p = 7 + 1 = 8 of n = 14.
    const { strengths } = compareModels(tallyColumns(tallies), { resamples: 0 });
    expect(strengths.strength[0]!).toBeCloseTo(8 / 14, 9);
    expect(strengths.log_strength[0]! - strengths.log_strength[1]!).toBeCloseTo(Math.log(8 / 6), 9);
  });

  it('four models: agrees with a direct maximum-likelihood fit', () => {
    // wins[i][j]; reference: scipy.optimize.minimize (BFGS, gtol 1e-12) of the Bradley–Terry
    // negative log-likelihood in logit form, normalised to Σπ = 1 (run for this test).
    const wins = [
      [0, 7, 5, 3],
      [3, 0, 6, 4],
      [5, 4, 0, 8],
      [1, 6, 2, 0],
    ];
    const names = ['a', 'b', 'c', 'd'];
    const tallies = [];
    for (let i = 0; i < 4; i++)
      for (let j = i + 1; j < 4; j++)
        tallies.push({
          item_id: `${i}${j}`,
          model_1: names[i],
          model_2: names[j],
          wins_1: wins[i][j],
          wins_2: wins[j][i],
          ties: 0,
        });
    const { strengths } = compareModels(tallyColumns(tallies), { resamples: 200, seed: 7 });
    const expected = [0.36756651, 0.19163611, 0.28973819, 0.15105919];
    strengths.strength.forEach((s, i) => expect(Math.abs(s! - expected[i])).toBeLessThan(1e-7));
    // Score equations of the MLE (Hunter 2004 eq. 2): Wᵢ = Σⱼ nᵢⱼ πᵢ/(πᵢ+πⱼ).
    const p = strengths.strength as number[];
    for (let i = 0; i < 4; i++) {
      let expectedWins = 0;
      for (let j = 0; j < 4; j++) if (j !== i) expectedWins += ((wins[i][j] + wins[j][i]) * p[i]) / (p[i] + p[j]);
      expect(Math.abs(expectedWins - wins[i].reduce((s, w) => s + w, 0))).toBeLessThan(1e-8);
    }
    strengths.strength_ci.forEach((ci, i) => {
      expect(ci).not.toBeNull();
      expect(ci![0]).toBeLessThan(p[i]);
      expect(ci![1]).toBeGreaterThan(p[i]);
    });
  });

  it('bootstraps the same intervals as weighting every tally row by its item draws, one row at a time', () => {
    // Independent computation of the bootstrap (the rows added one by one into the wins
    // matrix), against compareModels, which sums the rows of each pair of models together.
    // Tallies with ties, several pairs on one item, both orientations and a model named last.
    const tallies = [];
    for (let k = 0; k < 60; k++) {
      const [a, b] = [
        ['m2', 'm1'],
        ['m1', 'm3'],
        ['m3', 'm2'],
        ['m0', 'm1'],
      ][k % 4];
      tallies.push({ item_id: `i${k % 37}`, model_1: a, model_2: b, wins_1: (k * 7) % 5, wins_2: (k * 3) % 4, ties: k % 3 });
    }
    const columns = tallyColumns(tallies);
    const { strengths } = compareModels(columns, { resamples: 300, seed: 11 });
    const models = [...columns.models].sort();
    const index = columns.models.map((m) => models.indexOf(m));
    const items = Math.max(...columns.item) + 1;
    const random = seededRandom(11);
    const samples: number[][] = models.map(() => []);
    for (let b = 0; b < 300; b++) {
      const draws = new Array<number>(items).fill(0);
      for (let d = 0; d < items; d++) draws[randomIndex(random, items)]++;
      const wins = models.map(() => models.map(() => 0));
      columns.item.forEach((item, r) => {
        const [i, j, half] = [index[columns.first[r]], index[columns.second[r]], columns.ties[r] / 2];
        wins[i][j] += draws[item] * (columns.wins_1[r] + half);
        wins[j][i] += draws[item] * (columns.wins_2[r] + half);
      });
      fitBradleyTerry(wins, { tolerance: 1e-9 }).fit?.strength.forEach((s, i) => samples[i].push(s));
    }
    const percentile = (values: number[], q: number) => {
      const sorted = [...values].sort((x, y) => x - y);
      const at = (sorted.length - 1) * q;
      return sorted[Math.floor(at)] + (sorted[Math.ceil(at)] - sorted[Math.floor(at)]) * (at - Math.floor(at));
    };
    expect(strengths.resamples_without_fit).toBe(300 - samples[0].length);
    const tail = (1 - 0.95) / 2; // as compareModels computes it (0.025 and a last bit)
    expect(strengths.strength_ci).toEqual(samples.map((s) => [percentile(s, tail), percentile(s, 1 - tail)]));
  });

  it('is null with a reason when a model never wins', () => {
    const { strengths } = compareModels(
      tallyColumns([{ item_id: 'a', model_1: 'p', model_2: 'q', wins_1: 3, wins_2: 0, ties: 0 }]),
      {
        resamples: 0,
      },
    );
    expect(strengths.strength).toEqual([null, null]);
    expect(strengths.reasons.strength).toMatch(/Hunter 2004/);
  });
});

describe('nominal agreement SQL', () => {
  it("gives Krippendorff's (2011) example: α nominal 0.743, percent 0.8182 (irrCAC vignette)", async () => {
    // REALDATA/r_irr_irrcac/irrCAC_cac_raw4raters.csv: 12 units × 4 raters with missing values;
    // published α nominal 0.74342 and percent agreement 0.8181818 (irrCAC 1.0 vignette).
    await clearDb(db);
    await loadCsvFile(db, join(REALDATA, 'r_irr_irrcac', 'irrCAC_cac_raw4raters.csv'));
    const sums = [
      ...(await nominalSumsByQuestion(db, raw('(SELECT question_no, item_no, label AS value FROM judgements)'))).values(),
    ];
    expect(sums).toHaveLength(1);
    expect(nominalAlphaFromSums(sums[0]).value!).toBeCloseTo(0.74342, 5);
    expect(percentFromSums(sums[0]).value!).toBeCloseTo(0.8181818, 6);
  });
});
