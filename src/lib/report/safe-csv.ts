import Papa from 'papaparse';

/**
 * Neutralises spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, so Excel,
 * LibreOffice and Google Sheets show it as text instead of evaluating it.
 */
export function neutraliseCell(value: unknown): string {
  // A number is data, not a formula: -0.5 stays -0.5 so spreadsheets read it as a number.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
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
