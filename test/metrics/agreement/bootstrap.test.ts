import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { agreementByQuestion } from '../../../src/lib/metrics/agreement/agreement-by-question';
import { referenceAlpha, type Rating } from '../../../src/lib/metrics/agreement/reference';
import { binomialSample, bootstrapGroups, logFactorial, percentileInterval } from '../../../src/lib/stats/bootstrap';
import { seededRandom } from '../../../src/lib/stats/seeded-random';
import { clearDb, freshDb, loadCsvText, REALDATA } from '../../helpers/db';

describe('percentileInterval (Hyndman & Fan type 7 = R quantile default)', () => {
  it('R: quantile(1:10, c(.025, .975)) = 1.225, 9.775', () => {
    const [lo, hi] = percentileInterval(Float64Array.from({ length: 10 }, (_, i) => 10 - i))!;
    expect(lo).toBeCloseTo(1.225, 12);
    expect(hi).toBeCloseTo(9.775, 12);
  });
  it('ignores undefined (NaN) resamples; null when none is defined', () => {
    expect(percentileInterval(Float64Array.from([NaN, 2, NaN, 2]))).toEqual([2, 2]);
    expect(percentileInterval(Float64Array.from([NaN]))).toBeNull();
  });
});

describe('binomial sampling (mode-search inversion)', () => {
  it('logFactorial = Σ ln k to 1e-14 relative (table and Stirling branches)', () => {
    let exact = 0;
    for (let k = 1; k <= 5000; k++) {
      exact += Math.log(k);
      if (k === 10 || k === 63 || k === 64 || k === 100 || k === 5000)
        expect(Math.abs(logFactorial(k) - exact) / exact).toBeLessThan(1e-14);
    }
  });
  it('Binomial(10, 0.3): frequencies of 200,000 draws match the pmf (chi-square, 10 df, < 35 ⇔ p > 1e-4)', () => {
    const random = seededRandom(5);
    const observed = new Array(11).fill(0);
    const draws = 200_000;
    for (let i = 0; i < draws; i++) observed[binomialSample(random, 10, 0.3)]++;
    let chi = 0;
    for (let k = 0; k <= 10; k++) {
      const pmf = Math.exp(logFactorial(10) - logFactorial(k) - logFactorial(10 - k)) * 0.3 ** k * 0.7 ** (10 - k);
      const expected = draws * pmf;
      if (expected > 5) chi += (observed[k] - expected) ** 2 / expected;
    }
    expect(chi).toBeLessThan(35);
  });
  it('Binomial(200,000, 0.05): mean 10,000 and variance 9,500 within sampling error (5,000 draws)', () => {
    const random = seededRandom(6);
    const xs = Array.from({ length: 5000 }, () => binomialSample(random, 200_000, 0.05));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
    expect(Math.abs(mean - 10_000)).toBeLessThan(5 * Math.sqrt(9500 / 5000));
    expect(Math.abs(variance / 9500 - 1)).toBeLessThan(0.1);
  });
});

describe('bootstrapGroups', () => {
  it('each resample draws N units; group counts average to their frequencies', () => {
    const frequencies = [5, 30, 65];
    const { samples } = bootstrapGroups(frequencies, (c) => [c[0] + c[1] + c[2], c[0], c[2]], { resamples: 2000, seed: 7 });
    expect(samples[0].every((n) => n === 100)).toBe(true);
    const mean = (a: Float64Array) => a.reduce((s, x) => s + x, 0) / a.length;
    // binomial(100, p) means with standard error sqrt(p(1−p)·100/2000) < 0.12
    expect(Math.abs(mean(samples[1]) - 5)).toBeLessThan(0.5);
    expect(Math.abs(mean(samples[2]) - 65)).toBeLessThan(0.5);
  });
});

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(async () => db?.close());

const RAW4 = join(REALDATA, 'r_irr_irrcac', 'irrCAC_cac_raw4raters.csv');

async function ciOf(text: string, seed: number, resamples = 1000) {
  await clearDb(db);
  await loadCsvText(db, 'raw4.csv', text);
  await db.exec("UPDATE questions SET level = 'nominal'");
  const [a] = [...(await agreementByQuestion(db, {}, { seed, resamples })).values()];
  return a;
}

describe('bootstrap CI of α and AC1 over items (Krippendorff 2011 example)', () => {
  const text = readFileSync(RAW4, 'utf8');
  it('reproducible from the seed, whatever the row order; brackets the estimate', async () => {
    const a = await ciOf(text, 42);
    const [header, ...rows] = text.trim().split('\n');
    const shuffled = await ciOf([header, ...rows.reverse()].join('\n'), 42);
    expect(shuffled.ci95).toEqual(a.ci95);
    const [lo, hi] = a.ci95.krippendorff_alpha!;
    expect(lo).toBeLessThan(a.krippendorff_alpha!);
    expect(hi).toBeGreaterThan(a.krippendorff_alpha!);
    expect(a.ci95.gwet_ac1![0]).toBeLessThan(a.gwet_ac1!);
    expect(a.bootstrap).toEqual({ method: 'percentile over items', resamples: 1000, seed: 42 });
    const other = await ciOf(text, 43);
    expect(other.ci95.krippendorff_alpha).not.toEqual(a.ci95.krippendorff_alpha);
  });
  it('agrees with a naive item-resampling bootstrap on the raw ratings (reference α) within Monte-Carlo error', async () => {
    const a = await ciOf(text, 42, 4000);
    const ratings: Rating[] = text
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',').map((f) => f.replaceAll('"', '')))
      .map(([item, annotator, value]) => ({ item, annotator, value }));
    const items = [...new Set(ratings.map((r) => r.item))];
    const random = seededRandom(99);
    const alphas: number[] = [];
    for (let r = 0; r < 4000; r++) {
      const sample: Rating[] = [];
      for (let i = 0; i < items.length; i++) {
        const item = items[Math.floor(random() * items.length)];
        for (const x of ratings) if (x.item === item) sample.push({ ...x, item: `${item}#${i}` });
      }
      const cats = [...new Set(sample.map((s) => s.value))].sort();
      const alpha = referenceAlpha(sample, cats, 'nominal');
      if (alpha !== null) alphas.push(alpha);
    }
    const naive = percentileInterval(Float64Array.from(alphas))!;
    // 4,000 resamples each; over seeds 1–3 the naive lower bound varies 0.402–0.413 (upper: 1).
    expect(Math.abs(naive[0] - a.ci95.krippendorff_alpha![0])).toBeLessThan(0.03);
    expect(Math.abs(naive[1] - a.ci95.krippendorff_alpha![1])).toBeLessThan(0.03);
  });
});
