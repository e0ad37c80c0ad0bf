import { join } from 'node:path';
import { render } from 'svelte/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AgreementPanel from '../../../src/components/agreement/AgreementPanel.svelte';
import { heatmapLayout } from '../../../src/lib/charts/heatmap';
import type { Connector } from '../../../src/lib/db/connector';
import { coefficientRows } from '../../../src/lib/metrics/agreement/coefficient-rows';
import { krippendorffBand, landisKochBand } from '../../../src/lib/metrics/agreement/interpretation';
import { AgreementState } from '../../../src/lib/state/agreement.svelte';
import { clearDb, freshDb, loadCsvFile, loadCsvText, REALDATA } from '../../helpers/db';

describe('interpretation bands', () => {
  it('Landis & Koch (1977): boundaries 0, .20, .40, .60, .80 belong to the lower band', () => {
    expect(landisKochBand(-0.01)!.label).toMatch(/poor/);
    expect(landisKochBand(0.2)!.label).toBe('slight');
    expect(landisKochBand(0.21)!.label).toBe('fair');
    expect(landisKochBand(0.6)!.label).toBe('moderate');
    expect(landisKochBand(0.8)!.label).toBe('substantial');
    expect(landisKochBand(0.81)!.label).toBe('almost perfect');
    expect(landisKochBand(null)).toBeNull();
  });
  it('Krippendorff (2004): 0.667 and 0.800 cut-offs', () => {
    expect(krippendorffBand(0.666)!.tone).toBe('poor');
    expect(krippendorffBand(0.667)!.tone).toBe('fair');
    expect(krippendorffBand(0.8)!.tone).toBe('good');
  });
});

describe('heatmapLayout', () => {
  it('places both triangles, leaves the diagonal empty, greys undefined values, diverges around 0', () => {
    const layout = heatmapLayout(
      ['a', 'b', 'c'],
      [
        { first: 'a', second: 'b', value: 1, count: 10 },
        { first: 'a', second: 'c', value: null, count: 0 },
        { first: 'b', second: 'c', value: 0, count: 4 },
      ],
      { cell: 40, margin: 50 },
    );
    expect(layout.cells).toHaveLength(6);
    expect(layout.cells.some((c) => c.row === c.col)).toBe(false);
    const ab = layout.cells.find((c) => c.row === 'a' && c.col === 'b')!;
    const ba = layout.cells.find((c) => c.row === 'b' && c.col === 'a')!;
    expect(ab.x).toBeCloseTo(ba.y, 9);
    // d3 band: step = 120 / (3 − 0.04 + 2·0.04), first band starts at step · 0.04
    expect(ab.y).toBeCloseTo(50 + (120 / 3.04) * 0.04, 9);
    expect(layout.cells.find((c) => c.row === 'a' && c.col === 'c')!.fill).toBe('#e6e6e6');
    // PuOr at 0 is (near) white; at ±1 it is dark, with white ink
    const mid = layout.cells
      .find((c) => c.row === 'b' && c.col === 'c')!
      .fill.match(/\d+/g)!
      .map(Number);
    expect(Math.min(...mid)).toBeGreaterThan(225); // PuOr centre is near-white: rgb(243, 238, 234)
    expect(ab.ink).toBe('#ffffff');
    expect(layout.width).toBe(50 + 3 * 40 + 8);
  });
});

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
  // Krippendorff (2011) example data
  await loadCsvFile(db, join(REALDATA, 'r_irr_irrcac', 'irrCAC_cac_raw4raters.csv'));
  await db.exec("UPDATE questions SET level = 'nominal'");
});
afterAll(async () => db?.close());

describe('AgreementState + AgreementPanel', () => {
  it('computes, selects the question and renders the table, heatmap with aria-label and review list', async () => {
    const state = new AgreementState();
    state.options = { bootstrap: true, resamples: 200 };
    await state.refresh(db, {});
    expect(state.error).toBeNull();
    expect(state.selected!.krippendorff_alpha).toBeCloseTo(0.74342, 5);
    expect(state.pairwise!.annotators).toHaveLength(4);
    expect(state.disputed[0].item_id).toBe('u06');
    const rows = coefficientRows(state.selected!);
    expect(rows.find((r) => r.key === 'cohen_kappa')!.reason).toMatch(/exactly two annotators/);
    expect(rows.find((r) => r.key === 'krippendorff_alpha')!.band!.label).toMatch(/tentative/);
    const { body } = render(AgreementPanel, { props: { agreement: state } });
    expect(body).toContain('0.743');
    expect(body).toContain('aria-label="Pairwise Cohen');
    expect(body).toContain('u06');
    expect(body).toContain('Rater1');
    expect(body).toMatch(/exactly two annotators/);
  });
  it('escapes labels: an annotator id with markup is rendered as text', async () => {
    // loaded as a file would bring it (the figures are cached per state of the loaded data)
    await clearDb(db);
    await loadCsvText(
      db,
      'markup.csv',
      'item,annotator,label\n1,<b>x</b>,a\n1,r2,a\n2,<b>x</b>,b\n2,r2,a\n3,<b>x</b>,b\n3,r2,b\n',
    );
    const state = new AgreementState();
    state.options = { bootstrap: false };
    await state.refresh(db, {});
    const { body } = render(AgreementPanel, { props: { agreement: state } });
    expect(body).not.toContain('<b>x</b>');
    expect(body).toContain('&lt;b>x&lt;/b>');
  });
});
