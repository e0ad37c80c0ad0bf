import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'svelte/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import InstructionPanel from '../../../src/components/strategy/InstructionPanel.svelte';
import RlhfPanel from '../../../src/components/strategy/RlhfPanel.svelte';
import VisionPanel from '../../../src/components/strategy/VisionPanel.svelte';
import { horizontalBars } from '../../../src/lib/charts/bars';
import { intervalDots } from '../../../src/lib/charts/interval-dots';
import type { Connector } from '../../../src/lib/db/connector';
import { loadDelimited } from '../../../src/lib/ingest/load-delimited';
import { StrategyState } from '../../../src/lib/state/strategy.svelte';
import { freshDb, loadCsvFile } from '../../helpers/db';

describe('chart layouts', () => {
  it('horizontalBars puts the 0.5 reference line in the middle of a [0, 1] scale', () => {
    const layout = horizontalBars(
      [
        { label: 'a', value: 0.25 },
        { label: 'b', value: null },
      ],
      { width: 412, labelWidth: 100, reference: 0.5 },
    );
    // Plot from 100 to 400 (width − 12): 0.5 → 250, 0.25 → 75 px wide.
    expect(layout.referenceX).toBeCloseTo(250, 9);
    expect(layout.rows[0].x).toBeCloseTo(100, 9);
    expect(layout.rows[0].width).toBeCloseTo(75, 9);
    expect(layout.rows[1].width).toBe(0);
  });

  it('intervalDots places the dot between its interval ends', () => {
    const layout = intervalDots([{ label: 'm', value: 0.2, interval: [-0.1, 0.4] }], {
      width: 400,
      domain: [-1, 1],
      reference: 0,
    });
    const row = layout.rows[0];
    expect(row.x1!).toBeLessThan(row.cx!);
    expect(row.cx!).toBeLessThan(row.x2!);
    // Domain [−1, 1] over 130…388: 0 → 259.
    expect(layout.referenceX).toBeCloseTo(259, 9);
  });
});

const DIR = join(import.meta.dirname, '..', '..', '..', 'sample-data');
let db: Connector;
beforeAll(async () => {
  db = await freshDb();
  for (const f of ['rlhf_preference.csv', 'vl_alignment.csv', 'instruction_tuning.csv']) await loadCsvFile(db, join(DIR, f));
  await loadDelimited(db, {
    fileName: 'vl_alignment_gold.csv',
    bytes: readFileSync(join(DIR, 'vl_alignment_gold.csv')),
    role: 'gold',
  });
});
afterAll(async () => db.close());

describe('strategy panels on the sample data (server render)', () => {
  it('renders every panel with its charts and summaries', async () => {
    const state = new StrategyState();
    state.resamples = 100;
    await state.refresh(db, { batches: ['batch-2026-09'] });
    expect(state.error).toBeNull();
    const rlhf = render(RlhfPanel, { props: { reports: state.preference, rubric: state.rubric } }).body;
    expect(rlhf).toContain('Position bias per annotator');
    expect(rlhf).toContain('Bradley–Terry log-strengths');
    expect(rlhf).toMatch(/Ranking: cirrus-70b/);
    expect(rlhf).toContain('helpfulness');
    expect([...state.rubric.values()].every((r) => r.alpha_ordinal !== null)).toBe(true);
    const vision = render(VisionPanel, { props: { boxes: state.boxes, vqa: state.vqa, text: state.text } }).body;
    expect(vision).toContain('Histogram of the IoU of matched box pairs');
    expect(vision).toContain('F1 at IoU 0.5 per box class');
    expect(vision).toContain('caption');
    const instruction = render(InstructionPanel, {
      props: { report: state.instruction, threshold: 3, ratingAgreement: state.qualityAgreement },
    }).body;
    expect(instruction).toContain('below the quality threshold');
    expect(instruction).toContain('Accept / reject against gold');
    expect(instruction).toContain('Agreement on the quality ratings');
  });
});
