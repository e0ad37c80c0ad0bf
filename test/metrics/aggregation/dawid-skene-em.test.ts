import { describe, expect, it } from 'vitest';
import { fitDawidSkene } from '../../../src/lib/metrics/aggregation/dawid-skene-em';
import { referenceDawidSkene } from '../../../src/lib/metrics/aggregation/reference';

/** A deterministic stream of numbers in [0, 1) (a 32-bit linear congruential generator). */
function uniform(seed: number) {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/**
 * Every annotator answers every item; an annotator is right with probability 0.4–0.9, else
 * answers a class at random. With `annotators` answers per item, the E-step's product of
 * probabilities falls far below the smallest double (1,200 answers of probability ≤ 0.9:
 * < 1e-55 per 1,200 even for the most likely class; around 1e-600 for the others).
 */
function crowd(items: number, annotators: number, K: number, seed: number) {
  const next = uniform(seed);
  const truth = Array.from({ length: items }, () => Math.floor(next() * K));
  const skill = Array.from({ length: annotators }, () => 0.4 + 0.5 * next());
  const answers = truth.map((k) =>
    Array.from({ length: annotators }, (_, j) => [j, next() < skill[j] ? k : Math.floor(next() * K)] as [number, number]),
  );
  return { truth, answers };
}

describe('fitDawidSkene against the plain EM written from the paper (reference.ts)', () => {
  // The fit takes the E-step's products directly and rescales them by 2^512 when they get
  // small; the reference sums logs. Same fixed point, same stopping rule (1e-8 on the
  // posteriors): posteriors within 1e-6 and priors within 1e-9 of each other.
  it('items with 1,200 answers each: no underflow, the same posteriors as in log space', () => {
    const { answers } = crowd(30, 1200, 3, 7);
    const data = {
      items: 30,
      annotators: 1200,
      classes: 3,
      item: Int32Array.from(answers.flatMap((list, i) => list.map(() => i))),
      annotator: Int32Array.from(answers.flatMap((list) => list.map(([j]) => j))),
      label: Int32Array.from(answers.flatMap((list) => list.map(([, l]) => l))),
      count: new Float64Array(30 * 1200).fill(1),
    };
    const fit = fitDawidSkene(data);
    const plain = referenceDawidSkene(answers, 1200, 3, 1e-8, 1000);
    expect(fit.converged).toBe(true);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    // The log-likelihood of a near-certain fit of 36,000 answers is far below log(min double) ≈ −745.
    expect(fit.logLikelihood).toBeLessThan(-745);
    plain.posterior.forEach((t, i) => t.forEach((v, k) => expect(Math.abs(v - fit.posterior[i * 3 + k])).toBeLessThan(1e-6)));
    plain.priors.forEach((p, k) => expect(Math.abs(p - fit.priors[k])).toBeLessThan(1e-9));
  });

  // Every third annotator's answers doubled; then, two annotators' answers to every fifth item
  // seen 1,500 times each, so that their probabilities to the 1,500th power underflow in every
  // class (the fit then takes the item in log space; where the two disagree, EM must weigh
  // them). The reference sees the repeats one by one.
  it.each([
    ['twice', (j: number) => (j % 3 === 0 ? 2 : 1)],
    ['1,500 times', (j: number, i: number) => (j <= 1 && i % 5 === 0 ? 1500 : 1)],
  ])('an answer seen n times counts as n answers (%s)', (_, times) => {
    const { answers } = crowd(200, 6, 4, 11);
    const repeated = answers.map((list, i) =>
      list.flatMap((answer) => Array.from({ length: times(answer[0], i) }, () => answer)),
    );
    const data = {
      items: 200,
      annotators: 6,
      classes: 4,
      item: Int32Array.from(answers.flatMap((list, i) => list.map(() => i))),
      annotator: Int32Array.from(answers.flatMap((list) => list.map(([j]) => j))),
      label: Int32Array.from(answers.flatMap((list) => list.map(([, l]) => l))),
      count: Float64Array.from(answers.flatMap((list, i) => list.map(([j]) => times(j, i)))),
    };
    const fit = fitDawidSkene(data);
    const plain = referenceDawidSkene(repeated, 6, 4, 1e-8, 1000);
    expect(fit.converged).toBe(true);
    plain.posterior.forEach((t, i) => t.forEach((v, k) => expect(Math.abs(v - fit.posterior[i * 4 + k])).toBeLessThan(1e-6)));
    plain.priors.forEach((p, k) => expect(Math.abs(p - fit.priors[k])).toBeLessThan(1e-9));
  });
});
