import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { accuracyBy } from '../../../src/lib/metrics/accuracy/accuracy-by';
import { referenceAccuracy } from '../../../src/lib/metrics/accuracy/reference';
import { freshDb, loadCsvFile, REALDATA } from '../../helpers/db';
import { FIXTURES, loadPath } from '../../ingest/formats/fixture-loading';

// Dog breeds, Zhou et al. NIPS 2012 (realdata/crowd/dog_zhou2012.csv): 8,070 judgements by 109
// workers with gold. realdata/README.md gives judgement accuracy 0.6964 (independently computed).
const FILE = join(REALDATA, 'crowd', 'dog_zhou2012.csv');

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
  await loadCsvFile(db, FILE);
});
afterAll(() => db.close());

describe('accuracy on dog_zhou2012', () => {
  it('SQL per annotator equals the plain-TS reference, and the total matches the README', async () => {
    const lines = readFileSync(FILE, 'utf8').trim().split(/\r?\n/).slice(1);
    const reference = referenceAccuracy(
      lines.map((line) => {
        const [, annotator, label, gold] = line.split(',');
        return { group: annotator, answer: label, gold };
      }),
    );
    const rows = await accuracyBy(db, {}, 'annotator');
    expect(rows.length).toBe(109);
    for (const row of rows) {
      expect([row.n, row.correct]).toEqual([reference.get(row.value)!.n, reference.get(row.value)!.correct]);
    }
    const [total] = await accuracyBy(db, {}, 'question');
    expect(total.n).toBe(8070);
    expect(Math.abs(total.accuracy! - 0.6964)).toBeLessThan(0.00005);
  });
});

// test/fixtures/labelstudio/full-export.json: task 102 ("better", a pairwise question) has a
// ground-truth annotation "A" and two annotations in the same task record, by 11 ("A") and 14
// ("B"). Both judgements are scored: a join on the record alone once scored only one of them.
describe('accuracy on a Label Studio export with two annotators of one task', () => {
  it('scores every annotator of the task against its ground truth', async () => {
    const studio = await freshDb();
    try {
      await loadPath(studio, join(FIXTURES, 'labelstudio', 'full-export.json'));
      const rows = await accuracyBy(studio, {}, 'annotator');
      expect(rows.map((r) => [r.value, r.n, r.correct])).toEqual([
        ['11', 1, 1],
        ['14', 1, 0],
      ]);
      const [total] = await accuracyBy(studio, {}, 'question');
      expect([total.n, total.correct]).toEqual([2, 1]);
    } finally {
      await studio.close();
    }
  });
});
