import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { recordReads, replayReads, type ReadSnapshot } from '../../src/lib/db/read-snapshot';
import { openWasmNode } from '../../src/lib/db/wasm-node';
import { filterOptions } from '../../src/lib/report/filter-options';
import { loadAccounting } from '../../src/lib/report/load-accounting';
import { overviewFigures } from '../../src/lib/state/overview-figures';
import { likelyNextFilters } from '../../src/lib/state/prefetch';
import { sampleLoadOrder } from '../../src/lib/state/sample-files';
import type { AppState } from '../../src/lib/state/app.svelte';
import { DashboardState } from '../../src/lib/state/dashboard.svelte';
import { assetName, matchingSampleSnapshot } from '../../src/lib/state/sample-snapshot';
import { loadSampleData } from '../sample-data/sample-files';

const FILES = sampleLoadOrder(
  ['vl_alignment_gold.csv', 'vl_alignment.csv', 'rlhf_preference.csv', 'instruction_tuning.csv'].map((name) => ({ name })),
);

describe('sampleLoadOrder', () => {
  it('puts judgements before gold files, each by name', () => {
    expect(FILES.map((f) => `${f.role}:${f.name}`)).toEqual([
      'judgements:instruction_tuning.csv',
      'judgements:rlhf_preference.csv',
      'judgements:vl_alignment.csv',
      'gold:vl_alignment_gold.csv',
    ]);
  });
});

describe('matchingSampleSnapshot', () => {
  const text = JSON.stringify({
    samples: [
      { name: 'a.csv', asset: 'a-Hash1.csv' },
      { name: 'b_gold.csv', asset: 'b_gold-Hash2.csv' },
    ],
    reads: [['SELECT 1\u0000[]', '[{"1":1}]']],
  });

  it('takes the snapshot made from the very assets the page serves', () => {
    const served = [
      { name: 'a.csv', url: 'http://localhost:5173/assets/a-Hash1.csv' },
      { name: 'b_gold.csv', url: './assets/b_gold-Hash2.csv' },
    ];
    expect(matchingSampleSnapshot(text, served)?.reads).toHaveLength(1);
  });

  it('refuses it for another asset (other bytes), another name, or another set of files', () => {
    const a = { name: 'a.csv', url: '/assets/a-Hash1.csv' };
    expect(matchingSampleSnapshot(text, [a, { name: 'b_gold.csv', url: '/assets/b_gold-Other.csv' }])).toBeNull();
    expect(matchingSampleSnapshot(text, [a, { name: 'c.csv', url: '/assets/b_gold-Hash2.csv' }])).toBeNull();
    expect(matchingSampleSnapshot(text, [a])).toBeNull();
  });

  it('assetName is the last path segment of a URL, relative or absolute', () => {
    expect(assetName('./assets/x-AbC_1.csv')).toBe('x-AbC_1.csv');
    expect(assetName('http://h:1/p/assets/x-AbC_1.csv?v=1')).toBe('x-AbC_1.csv');
  });
});

describe('the first state of every view replayed from a snapshot of the sample', () => {
  let db: Connector;
  let reads: ReadSnapshot;
  beforeAll(async () => {
    db = await openWasmNode();
    await loadSampleData(db);
    const recording = recordReads(db);
    await new DashboardState({} as AppState).computeFirstStates(recording.connector);
    reads = recording.reads();
  }, 120_000);
  afterAll(() => db?.close());

  /** Replays the snapshot with a live DuckDB that must never be needed. */
  const replayed = () =>
    replayReads(reads, () => Promise.reject(new Error('the first dashboard asked DuckDB for a read the snapshot lacks')));

  it('gives the Overview, filter choices and Data accounting that DuckDB computes, without DuckDB', async () => {
    const replay = replayed();
    // `db` has its own metric caches (they are per connector): these are computed afresh on the engine
    expect(await filterOptions(replay)).toEqual(await filterOptions(db));
    expect(await loadAccounting(replay)).toEqual(await loadAccounting(db));
    const live = await overviewFigures(db, {});
    expect(live!.report.questions.length).toBeGreaterThanOrEqual(9);
    expect(await overviewFigures(replay, {})).toEqual(live);
  }, 120_000);

  it('every view, each Quality tab and the filter states computed ahead need no DuckDB, and show no error', async () => {
    const dashboard = new DashboardState({} as AppState);
    await dashboard.computeFirstStates(replayed());
    const { overview, data, rows, guarantee, audit, quality, strategy, economics, agreement } = dashboard;
    const states = { overview, data, rows, guarantee, audit, quality, strategy, economics, agreement };
    expect(Object.entries(states).filter(([, state]) => state.error)).toEqual([]);
    expect(economics.annotators.length).toBeGreaterThanOrEqual(10);
    expect(guarantee.batches.length).toBe(3);
    expect(rows.rows.length).toBeGreaterThan(0);
  }, 120_000);

  it('the Overview also in each filter state it computes ahead (each batch, each strategy)', async () => {
    const replay = replayed();
    const states = likelyNextFilters({}, await filterOptions(db), 8);
    expect(states.length).toBeGreaterThanOrEqual(4);
    for (const filters of states) expect(await overviewFigures(replay, filters)).toEqual(await overviewFigures(db, filters));
  }, 120_000);
});
