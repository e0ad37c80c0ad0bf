import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { rubricAgreementByQuestion } from '../../../src/lib/metrics/preference/rubric-agreement';
import { freshDb, loadCsvFile, REALDATA } from '../../helpers/db';

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(async () => db.close());

describe('rubricAgreementByQuestion', () => {
  it("gives Krippendorff's (2011) ordinal α = 0.815 on his example as a rating question", async () => {
    // REALDATA/r_irr_irrcac/irrCAC_cac_raw4raters.csv: the Krippendorff (2011) example,
    // published α ordinal 0.815 (DESIGN.md, realdata README). Values 1–5 → an ordinal rating question.
    await loadCsvFile(db, join(REALDATA, 'r_irr_irrcac', 'irrCAC_cac_raw4raters.csv'));
    const all = await rubricAgreementByQuestion(db, {}, 'unspecified', { bootstrap: false });
    expect(all.size).toBe(1);
    const r = [...all.values()][0];
    expect(r.level).toBe('ordinal');
    expect(r.alpha_ordinal!).toBeCloseTo(0.815, 3);
    expect(r.gwet_ac2_linear).not.toBeNull();
    expect(await rubricAgreementByQuestion(db, { strategies: ['rlhf_preference'] }, 'unspecified')).toEqual(new Map());
  });
});
