import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { fitDawidSkene } from '../../../src/lib/metrics/aggregation/dawid-skene-em';
import { referenceDawidSkene } from '../../../src/lib/metrics/aggregation/reference';
import { REALDATA } from '../../helpers/db';

/** A crowd file of realdata/ as integer-coded answers (codes in order of first appearance). */
function coded(file: string) {
  const rows = Papa.parse<Record<string, string>>(readFileSync(join(REALDATA, 'crowd', file), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  const code = () => {
    const codes = new Map<string, number>();
    return (value: string) => {
      if (!codes.has(value)) codes.set(value, codes.size);
      return codes.get(value)!;
    };
  };
  const [item, annotator, label] = [code(), code(), code()];
  const observations = rows.map((r) => [item(r.item_id), annotator(r.annotator_id), label(r.label)] as const);
  const items = Math.max(...observations.map((o) => o[0])) + 1;
  const annotators = Math.max(...observations.map((o) => o[1])) + 1;
  const classes = Math.max(...observations.map((o) => o[2])) + 1;
  const answers = Array.from({ length: items }, () => [] as [number, number][]);
  for (const [i, j, l] of observations) answers[i].push([j, l]);
  return {
    answers,
    data: {
      items,
      annotators,
      classes,
      item: Int32Array.from(observations, (o) => o[0]),
      annotator: Int32Array.from(observations, (o) => o[1]),
      label: Int32Array.from(observations, (o) => o[2]),
      count: new Float64Array(observations.length).fill(1),
    },
  };
}

// SQUAREM (Varadhan & Roland 2008) only changes how fast EM gets to its fixed point: the
// posteriors and priors must be those of plain EM run to the same stopping rule (tolerance
// 1e-8 on the posteriors), here within 1e-5, on real crowd datasets with 2 and 4 classes.
describe.each(['bluebirds_welinder2010.csv', 'dog_zhou2012.csv', 'face_sentiment.csv', 'temp_snow2008.csv'])('%s', (file) => {
  it('reaches plain EM’s fixed point in fewer steps', { timeout: 120_000 }, () => {
    const { answers, data } = coded(file);
    const plain = referenceDawidSkene(answers, data.annotators, data.classes, 1e-8, 5000);
    const fit = fitDawidSkene(data, { maxIterations: 5000 });
    expect(fit.converged).toBe(true);
    let largest = 0;
    plain.posterior.forEach((t, i) =>
      t.forEach((v, k) => (largest = Math.max(largest, Math.abs(v - fit.posterior[i * data.classes + k])))),
    );
    expect(largest).toBeLessThan(1e-5);
    plain.priors.forEach((p, k) => expect(Math.abs(p - fit.priors[k])).toBeLessThan(1e-6));
    expect(fit.iterations).toBeLessThanOrEqual(plain.iterations);
  });
});
