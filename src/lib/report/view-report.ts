import type { Filters } from '../metrics/filters';
import { escapeHtml } from './html-escape';
import type { ReportSource } from './report-types';

export interface ViewReportInput {
  title: string;
  /** The view's rendered HTML (text already escaped by the DOM; scripts and handlers removed by `captureView`). */
  viewHtml: string;
  /** The page's own CSS rules, inlined so the file needs nothing else. */
  css: string;
  sources: ReportSource[];
  filters: Filters;
  version: string;
  generatedAt: string;
}

/**
 * A self-contained HTML report of one dashboard view: the view as rendered (tables, SVG
 * charts), the input files with their SHA-256 and row counts, the filters, and AnnoQA's
 * version — everything needed to reproduce it. No external resource: it opens offline,
 * and a Content-Security-Policy forbids any request. Prints cleanly to PDF.
 */
export function viewReportHtml(input: ViewReportInput): string {
  const filterText =
    Object.entries(input.filters)
      .filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== 'all'))
      .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`)
      .join('; ') || 'none (all loaded judgements)';
  const sourceRows = input.sources
    .map(
      (s) =>
        `<tr><td>${escapeHtml(s.file_name)}</td><td>${escapeHtml(s.format)}</td><td class="num">${s.rows_read}</td><td class="num">${s.rows_loaded}</td><td class="num">${s.rows_rejected}</td><td><code>${escapeHtml(s.sha256)}</code></td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(input.title)} — AnnoQA report</title>
<style>
${input.css.replaceAll('</style', '<\\/style')}
.report-meta { margin: 1rem 0; }
.report-meta code { font-size: 0.75rem; word-break: break-all; }
button, input, select, .exports { display: none !important; }
@media print { body { background: white; } .panel { break-inside: avoid; border-color: #ccc; } }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(input.title)}</h1>
<p class="note">AnnoQA ${escapeHtml(input.version)} · generated ${escapeHtml(input.generatedAt)} · filters: ${escapeHtml(filterText)}</p>
<section class="panel report-meta">
<h2>Input files</h2>
<table><thead><tr><th>file</th><th>format</th><th class="num">read</th><th class="num">loaded</th><th class="num">rejected</th><th>SHA-256</th></tr></thead>
<tbody>
${sourceRows}
</tbody></table>
<p class="note">Recompute: load the same files (check their SHA-256) into AnnoQA ${escapeHtml(input.version)} with the same filters, or run <code>annoqa report FILE… --json</code>.</p>
</section>
${input.viewHtml}
</main>
</body>
</html>
`;
}
