import { describe, expect, it } from 'vitest';
import { viewReportHtml } from '../../src/lib/report/view-report';

describe('viewReportHtml', () => {
  const report = viewReportHtml({
    title: 'Overview <b>',
    viewHtml: '<section class="panel"><table><tr><td>&lt;img src=x&gt;</td></tr></table></section>',
    css: '.panel{color:red}</style><script>alert(1)</script>',
    sources: [
      {
        source_id: 1,
        file_name: '<img src=x onerror=alert(1)>.csv',
        format: 'csv',
        role: 'judgements',
        bytes: 10,
        sha256: 'ab'.repeat(32),
        rows_read: 5,
        rows_loaded: 4,
        rows_rejected: 1,
      },
    ],
    filters: { batches: ['b1'], gold: 'all' },
    version: '0.1.0',
    generatedAt: '2026-11-30T00:00:00Z',
  });

  it('carries the inputs, their SHA-256, counts, filters and version', () => {
    expect(report).toContain('ab'.repeat(32));
    expect(report).toContain('<td class="num">5</td><td class="num">4</td><td class="num">1</td>');
    expect(report).toContain('filters: batches: b1');
    expect(report).toContain('AnnoQA 0.1.0');
  });

  it('escapes every piece of text and cannot make a request or run a script', () => {
    expect(report).toContain('&lt;img src=x onerror=alert(1)&gt;.csv');
    expect(report).toContain('<title>Overview &lt;b&gt; — AnnoQA report</title>');
    expect(report).not.toContain('</style><script>');
    expect(report).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(report).not.toMatch(/https?:\/\//);
  });
});
