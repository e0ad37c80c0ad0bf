import { afterEach, describe, expect, it } from 'vitest';
import type { PackedQuestion } from '../../../src/lib/metrics/aggregation/dawid-skene-fit';
import { runFit } from '../../../src/lib/metrics/off-main-thread/fit-jobs';
import { fitOffMainThread } from '../../../src/lib/metrics/off-main-thread/fit-off-main-thread';
import { runFitsInThreads } from '../../../src/lib/metrics/off-main-thread/fit-threads-node';
import { tallyColumns } from '../../../src/lib/metrics/preference/model-comparisons';

// The CLI runs the report's fits in Node worker threads (as the page does in Web Workers): the
// results must be those of the same fit run on the calling thread, and a fit that throws in its
// thread must reject with its message, not hang.

/** 40 items × 4 annotators, 3 classes; annotator k answers the item's class unless (item + k) % 5 = 0. */
function packedQuestion(): PackedQuestion {
  const i: number[] = [];
  const j: number[] = [];
  const l: number[] = [];
  for (let item = 0; item < 40; item++)
    for (let annotator = 0; annotator < 4; annotator++) {
      i.push(item);
      j.push(annotator);
      l.push((item + ((item + annotator) % 5 === 0 ? 1 : 0)) % 3);
    }
  return {
    batch_id: 'b',
    strategy: 's',
    question: 'q',
    i: Int32Array.from(i),
    j: Int32Array.from(j),
    l: Int32Array.from(l),
    classes: ['x', 'y', 'z'],
    item_nos: Int32Array.from({ length: 40 }, (_, item) => item),
    annotator_nos: Int32Array.from([0, 1, 2, 3]),
    annotators: ['a1', 'a2', 'a3', 'a4'],
    gold_item_nos: [0, 1, 2],
    gold_code: ['x', 'y', 'z'],
  };
}

const tallies = () =>
  tallyColumns([
    { item_id: 'i1', model_1: 'm1', model_2: 'm2', wins_1: 3, wins_2: 1, ties: 1 },
    { item_id: 'i2', model_1: 'm2', model_2: 'm3', wins_1: 2, wins_2: 2, ties: 0 },
    { item_id: 'i3', model_1: 'm1', model_2: 'm3', wins_1: 1, wins_2: 3, ties: 1 },
  ]);

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

describe('fits in Node worker threads', () => {
  it('give the results of the same fits on the calling thread, each kind in a thread of its own', async () => {
    const threads = runFitsInThreads();
    close = threads.close;
    const sent = packedQuestion();
    const [dawidSkene, models] = await Promise.all([
      fitOffMainThread('dawidSkene', sent, {}),
      fitOffMainThread('modelComparisons', tallies(), { resamples: 200 }),
    ]);
    expect(threads.threads().sort()).toEqual(['dawidSkene', 'modelComparisons']);
    // the observations' buffers were handed over to the thread, not copied: empty here now
    expect([sent.i, sent.j, sent.l].map((a) => a.length)).toEqual([0, 0, 0]);
    expect(sent.classes).toEqual(['x', 'y', 'z']);
    expect(dawidSkene).toEqual(runFit('dawidSkene', [packedQuestion(), {}]));
    expect(dawidSkene.iterations).toBeGreaterThan(1);
    expect(models).toEqual(runFit('modelComparisons', [tallies(), { resamples: 200 }]));
  }, 60_000);

  it('reject a fit that fails in its thread with its message', async () => {
    close = runFitsInThreads().close;
    const broken = { ...packedQuestion(), classes: null } as unknown as PackedQuestion;
    await expect(fitOffMainThread('dawidSkene', broken, {})).rejects.toThrow(/^dawidSkene: .*null/);
  }, 60_000);

  it('run on the calling thread again once closed', async () => {
    const threads = runFitsInThreads();
    await threads.close();
    await fitOffMainThread('modelComparisons', tallies(), { resamples: 0 });
    expect(threads.threads()).toEqual([]);
  });
});
