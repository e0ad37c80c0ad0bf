import { downloadBlob } from '../charts/chart-export';
import type { Filters } from '../metrics/filters';
import { captureView } from '../report/capture-view';
import type { ReportSource } from '../report/report-types';
import { viewReportHtml } from '../report/view-report';
import { ANNOQA_VERSION } from '../version';
import { withAllRowsRendered } from './table-rendering.svelte';
import type { View } from './url-state';
import { VIEW_TABS } from './view-tabs';

/** One click: the current view as a self-contained HTML report (opens offline, prints to PDF), every table with all its rows. */
export function exportViewReport(element: HTMLElement, view: View, sources: ReportSource[], filters: Filters): void {
  const { html, css } = withAllRowsRendered(() => captureView(element));
  const title = `${VIEW_TABS.find((t) => t.view === view)?.label ?? 'View'} — AnnoQA`;
  const generatedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const report = viewReportHtml({ title, viewHtml: html, css, sources, filters, version: ANNOQA_VERSION, generatedAt });
  downloadBlob(report, `annoqa-${view}-${generatedAt.slice(0, 10)}.html`, 'text/html');
}
