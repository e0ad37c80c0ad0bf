import Papa from 'papaparse';

/**
 * Neutralises spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, so Excel,
 * LibreOffice and Google Sheets show it as text instead of evaluating it.
 */
export function neutraliseCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** CSV text (papaparse `unparse`, CRLF line ends, header row) with every cell neutralised. */
export function safeCsv(fields: readonly string[], rows: readonly Record<string, unknown>[]): string {
  return Papa.unparse({
    fields: fields.map(neutraliseCell),
    data: rows.map((row) => fields.map((field) => neutraliseCell(row[field]))),
  });
}

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
