import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { VIRTUAL_ROWS_THRESHOLD } from '../../src/lib/charts/row-window';
import { tableRendering, withAllRowsRendered } from '../../src/lib/state/table-rendering.svelte';
import Harness from './VirtualTableHarness.svelte';

// Server rendering (no layout): a windowed table starts at the top with its default viewport
// (392 px = 28rem) and row height (29 px): ⌈392 / 29⌉ + 1 = 15 visible rows + 10 overscan = 25.
const bodyRows = (html: string) => [...html.matchAll(/<tr aria-rowindex="(\d+)"><td>(ann-\d+)<\/td>/g)];

describe('VirtualTable', () => {
  it(`renders every row of a table of ${VIRTUAL_ROWS_THRESHOLD} rows as a plain table`, () => {
    const { body } = render(Harness, { props: { count: VIRTUAL_ROWS_THRESHOLD } });
    expect(body.match(/<td>ann-\d+<\/td>/g)).toHaveLength(VIRTUAL_ROWS_THRESHOLD);
    expect(body).toMatch(/<table id="harness" data-testid="harness-table"[^>]*>/);
    expect(body).not.toMatch(/aria-row(count|index)|data-spacer|role="region"/);
    expect(body).toContain('<caption>Harness</caption>');
  });

  it('renders an empty table without a row', () => {
    const { body } = render(Harness, { props: { count: 0 } });
    expect(body).toMatch(/<thead[^>]*><tr><th>annotator<\/th>/);
    expect(body).not.toMatch(/<td>|data-spacer/);
  });

  it('above the threshold renders a window with spacers, row indices and the row count', () => {
    const { body } = render(Harness, { props: { count: VIRTUAL_ROWS_THRESHOLD + 1 } });
    const rows = bodyRows(body);
    expect(rows).toHaveLength(25);
    // header row is 1, data rows from 2
    expect(rows.map((m) => Number(m[1]))).toEqual(Array.from({ length: 25 }, (_, i) => i + 2));
    expect(rows[0][2]).toBe('ann-0000');
    expect(body).toMatch(/<table id="harness" data-testid="harness-table" aria-rowcount="202"[^>]*>/);
    expect(body).toMatch(/<tr aria-rowindex="1"><th>annotator<\/th>/);
    // the bottom spacer stands in for rows 25…200 at 29 px each; the top one for none
    expect(body).toContain(`style="height: ${(201 - 25) * 29}px;"`);
    expect(body).toContain('style="height: 0px;"');
    expect(body.match(/data-spacer/g)).toHaveLength(2);
    expect(body).toMatch(/role="region" aria-label="harness: 201 rows, scroll for more" tabindex="0"/);
    expect(body).toContain('the CSV has every');
  });

  it('follows a custom threshold', () => {
    expect(bodyRows(render(Harness, { props: { count: 30, threshold: 10 } }).body)).toHaveLength(25);
    expect(render(Harness, { props: { count: 30, threshold: 30 } }).body).not.toContain('aria-rowcount');
  });

  it('renders every row while the page is captured for the HTML report', () => {
    // (svelte/server renders when `body` is read: read it inside)
    const body = withAllRowsRendered(() => render(Harness, { props: { count: 3000 } }).body);
    expect(body.match(/<td>ann-\d+<\/td>/g)).toHaveLength(3000);
    expect(body).not.toMatch(/aria-rowcount|data-spacer/);
    expect(tableRendering.allRows).toBe(false);
    expect(bodyRows(render(Harness, { props: { count: 3000 } }).body)).toHaveLength(25);
  });
});
