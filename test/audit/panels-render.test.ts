import { render } from 'svelte/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AuditPanel from '../../src/components/audit/AuditPanel.svelte';
import GuaranteePanel from '../../src/components/guarantee/GuaranteePanel.svelte';
import type { Connector } from '../../src/lib/db/connector';
import { loadDelimited } from '../../src/lib/ingest/load-delimited';
import { AuditState } from '../../src/lib/state/audit.svelte';
import { GuaranteeState } from '../../src/lib/state/guarantee.svelte';
import { freshDb, loadCsvText } from '../helpers/db';

const HOSTILE = '<img src=x onerror=alert(1)>';
let db: Connector;
beforeAll(async () => {
  db = await freshDb();
  const lines = [
    'batch_id,item_id,annotator_id,label',
    ...Array.from({ length: 30 }, (_, i) => `"${HOSTILE}","${HOSTILE}${i}",a1,cat`),
  ];
  await loadCsvText(db, 'delivery.csv', lines.join('\n'));
  const gold = ['item_id,gold', ...Array.from({ length: 30 }, (_, i) => `"${HOSTILE}${i}",${i < 2 ? 'dog' : 'cat'}`)];
  await loadDelimited(db, { fileName: 'review.csv', bytes: new TextEncoder().encode(gold.join('\n')), role: 'gold' });
}, 60_000);
afterAll(async () => db?.close());

describe('panels (server-rendered)', () => {
  it('AuditPanel shows plan, seed, OC chart and verdict, with ids as escaped text', async () => {
    const audit = new AuditState();
    audit.seed = 11;
    await audit.refresh(db, {});
    await audit.chooseReview(audit.goldSources[0].source_id);
    const { body } = render(AuditPanel, { props: { audit, onLoadReview: () => {} } });
    // lot of 30 → D (ISO 2859-1 Table 1); D at AQL 1.0 → ↓ E: n = 13, Ac 0, Re 1 (Table 2-A)
    expect(body).toMatch(/Code letter <strong>D<\/strong>/);
    expect(body).toContain('<strong>13</strong>');
    expect(body).toMatch(/data-testid="seed"[^>]*>11</);
    expect(body).toMatch(/<svg[^>]*role="img"/);
    expect(body).toMatch(/data-testid="verdict"/);
    expect(body).not.toContain(HOSTILE);
    expect(body).toContain('&lt;img src=x onerror=alert(1)>');
  });

  it('GuaranteePanel shows a card per batch and the gold-items-needed table', async () => {
    const guarantee = new GuaranteeState();
    await guarantee.refresh(db, {});
    const { body } = render(GuaranteePanel, { props: { guarantee } });
    expect(body).toContain('not demonstrated'); // 28 of 30: lower bound 0.80 < 0.95
    expect(body).toMatch(/<td class="num[^"]*">59<\/td>/);
    expect(body).not.toContain(HOSTILE);
  });
});
