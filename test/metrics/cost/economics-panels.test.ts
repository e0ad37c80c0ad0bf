import { render } from 'svelte/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import EconomicsPanels from '../../../src/components/economics/EconomicsPanels.svelte';
import type { Connector } from '../../../src/lib/db/connector';
import { decodeRateCard } from '../../../src/lib/economics/rate-card';
import { EconomicsState } from '../../../src/lib/state/economics.svelte';
import { clearDb, freshDb, loadCsvText } from '../../helpers/db';

// Two annotators, two days, instruction tuning with gold and a pre-label flag; the rate card prices it.
const CSV = `item_id,annotator_id,question,label,gold,strategy,submitted_at,duration_s,prelabeled
i1,a1,q,yes,yes,instruction_tuning,2024-07-01T09:00:00Z,30,true
i2,a1,q,no,no,instruction_tuning,2024-07-01T09:02:00Z,40,false
i3,a1,q,no,yes,instruction_tuning,2024-07-02T09:00:00Z,50,true
i1,a2,q,yes,yes,instruction_tuning,2024-07-01T10:00:00Z,60,false
i2,a2,q,yes,no,instruction_tuning,2024-07-02T10:05:00Z,70,true
`;

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
  await clearDb(db);
  await loadCsvText(db, 'panels.csv', CSV);
});
afterAll(async () => db.close());

describe('EconomicsState and EconomicsPanels', () => {
  it('computes every panel and renders them with text summaries', async () => {
    const state = new EconomicsState();
    await state.refresh(db, {});
    expect(state.error).toBeNull();
    expect(state.strategies).toHaveLength(1);
    // 5 answers × 1.25 (the default price per item, one question per item) = 6.25.
    expect(state.strategies[0].cost_usd).toBeCloseTo(6.25, 12);
    expect(state.timeline).toHaveLength(2);
    expect(state.projections[0].target_items).toBe(27_500);
    const { body } = render(EconomicsPanels, { props: { economics: state } });
    expect(body).toContain('Throughput and cost');
    expect(body).toContain('aria-label="Answers per UTC day.');
    expect(body).toContain('aria-label="Cost per unit against accuracy.');
    expect(body).toContain('below range');
    expect(body).not.toContain('NaN');
  });

  it('applies a new rate card and keeps it restorable', async () => {
    const state = new EconomicsState();
    await state.refresh(db, {});
    await state.setRateCard({ basis: 'per_item', per_item: { instruction_tuning: 2 }, hourly: {} });
    expect(state.strategies[0].cost_usd).toBeCloseTo(10, 12);
    expect(decodeRateCard(state.encodedRateCard).per_item.instruction_tuning).toBe(2);
    const other = new EconomicsState();
    other.restoreRateCard('not a card');
    expect(other.error).toMatch(/rate card/);
    expect(other.card.basis).toBe('per_item');
  });
});
