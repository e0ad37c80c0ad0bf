import { safeCsv } from '../report/safe-csv';

/**
 * The drawn sample as CSV for the reviewer: `draw_order`, `item_id` and an empty `gold`
 * column to fill in. Filled in, the file loads back as a gold file (its `item_id` and `gold`
 * columns are recognised) and gives the review results for `auditVerdict`.
 */
export function sampleCsv(sampleIds: readonly string[]): string {
  return safeCsv(
    ['draw_order', 'item_id', 'gold'],
    sampleIds.map((item_id, i) => ({ draw_order: i + 1, item_id, gold: '' })),
  );
}
