import type { Report } from '../lib/report/report-types';

function fixed(value: unknown, digits = 3): string {
  return typeof value === 'number' ? value.toFixed(digits) : '—';
}

/** A short human-readable summary of a report, for the terminal (`--json` gives everything). */
export function formatReportText(report: Report): string {
  const lines: string[] = [];
  for (const s of report.sources) {
    lines.push(
      `${s.file_name} (${s.format}, sha256 ${s.sha256.slice(0, 12)}…): read ${s.rows_read}, loaded ${s.rows_loaded}, rejected ${s.rows_rejected}`,
    );
  }
  lines.push('');
  lines.push(['batch', 'strategy', 'question', 'level', 'items', 'annotators', 'judgements', 'alpha', 'accuracy'].join('\t'));
  for (const q of report.questions) {
    lines.push(
      [
        q.batch_id,
        q.strategy,
        q.question,
        q.level,
        q.items,
        q.annotators,
        q.judgements,
        fixed(q.agreement?.krippendorff_alpha),
        fixed(q.accuracy?.accuracy),
      ].join('\t'),
    );
  }
  return `${lines.join('\n')}\n`;
}
