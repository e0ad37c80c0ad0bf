import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawSample, samplePositions } from '../../src/lib/audit/draw-sample';
import { deliveredLot, drawLotSample, reviewOutcomes } from '../../src/lib/audit/lot-items';
import type { Connector } from '../../src/lib/db/connector';
import { clearDb, freshDb, loadCsvText } from '../helpers/db';
import { FIXTURES, loadPath } from '../ingest/formats/fixture-loading';

/**
 * The Audit view draws its sample in DuckDB (only the drawn ids are read): it must draw exactly
 * the items `drawSample` draws from the full list of ids (sorted by code unit in JavaScript),
 * for every seed and size, under filters, and with ids whose UTF-8 byte order and UTF-16
 * code-unit order differ (a character beyond U+FFFF against one in U+E000–U+FFFF).
 */
let db: Connector;
beforeAll(async () => {
  db = await freshDb();
}, 60_000);
afterAll(async () => db?.close());

/** Ids in which byte order and code-unit order agree: case, digits, accents, CJK, U+FF01 (a full-width "!"). */
const BMP_IDS = ['b', 'B', 'a-10', 'a-9', 'A-1', 'é', 'e', 'É', 'z', '中', '文', '！', 'x！', 'x中', 'Z 1', 'Z  1', '_', '~'];

async function loadIds(ids: string[], batchOf: (i: number) => string): Promise<void> {
  await clearDb(db);
  const rows = ids.flatMap((id, i) => [`${batchOf(i)},"${id}",ann1,cat`, `${batchOf(i)},"${id}",ann2,dog`]);
  await loadCsvText(db, 'lot.csv', ['batch_id,item_id,annotator_id,label', ...rows].join('\n'));
}

describe('samplePositions', () => {
  it('is the partial Fisher–Yates of drawSample over the positions', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `id-${String(i).padStart(3, '0')}`);
    for (const seed of [0, 1, 42, 2026, 0xffffffff])
      for (const n of [0, 1, 17, 299, 300, 400]) {
        expect(samplePositions(ids.length, n, seed).map((p) => ids[p])).toEqual(drawSample(ids, n, seed));
      }
  });
});

describe('deliveredLot + drawLotSample (SQL)', () => {
  it('draws what drawSample draws from the sorted ids, with and without filters', async () => {
    const many = [...BMP_IDS, ...Array.from({ length: 150 }, (_, i) => `item-${(i * 37) % 150}`)];
    await loadIds(many, (i) => (i % 3 === 0 ? 'b1' : 'b2'));
    for (const batches of [undefined, ['b1'], ['b2']]) {
      const filters = batches ? { batches } : {};
      const inLot = many.filter((_, i) => !batches || batches.includes(i % 3 === 0 ? 'b1' : 'b2'));
      // read whole (a small lot, the default) and by positions (as a lot above 20,000 items is)
      for (const lot of [await deliveredLot(db, filters), await deliveredLot(db, filters, 0)]) {
        expect(lot.size).toBe(new Set(inLot).size);
        for (const seed of [3, 77, 123456])
          for (const n of [1, 13, lot.size - 1, lot.size, lot.size + 5]) {
            expect(await drawLotSample(lot, n, seed)).toEqual(drawSample(inLot, n, seed));
          }
      }
    }
  });

  it('keeps code-unit order when an id has a character beyond U+FFFF', async () => {
    // "😀" (U+1F600) sorts before "！" (U+FF01) by UTF-16 code unit (a surrogate, 0xD83D) but after it by UTF-8 bytes
    const ids = [...BMP_IDS, '😀', 'x😀', 'x！', 'a😀b'];
    await loadIds(ids, () => 'b1');
    const lot = await deliveredLot(db, {}, 0);
    expect(lot.size).toBe(new Set(ids).size);
    for (const seed of [5, 6, 7, 8])
      expect(await drawLotSample(lot, ids.length, seed)).toEqual(drawSample(ids, ids.length, seed));
  });

  it('has size 0 and draws nothing when the filters leave no item', async () => {
    await loadIds(BMP_IDS, () => 'b1');
    const lot = await deliveredLot(db, { batches: ['none'] }, 0);
    expect(lot.size).toBe(0);
    expect(await drawLotSample(lot, 10, 1)).toEqual([]);
  });
});

// test/fixtures/labelstudio/full-export.json: task 102 has a ground-truth annotation "A" and, in
// the same task record, answers by 11 ("A") and 14 ("B"): both are compared with the review (a
// comparison keyed on the record alone compared one of them).
describe('reviewOutcomes on a Label Studio export', () => {
  it('compares every annotator of a task with its review', async () => {
    await clearDb(db);
    await loadPath(db, join(FIXTURES, 'labelstudio', 'full-export.json'));
    expect(await reviewOutcomes(db, ['102'])).toEqual([
      { item_id: '102', reviewed: true, checked: 2, wrong: 1, defective: true },
    ]);
  });
});
