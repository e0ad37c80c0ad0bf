import type { AuditVerdict } from '../audit/audit-verdict';
import type { ExactPlan, ExactPlanInput } from '../audit/exact-plan';
import type { IsoPlan } from '../audit/iso-plan';
import type { OcPoint } from '../audit/oc-curve';
import { ocCurveSummary } from '../charts/oc-curve-chart';
import { OC_COLOURS, ocCurveSvg } from '../charts/oc-curve-svg';
import type { Filters } from '../metrics/filters';
import type { BatchGuarantee } from '../metrics/guarantee/guarantee-by-batch';
import { ANNOQA_VERSION } from '../version';
import { escapeHtml as esc } from './html-escape';
import { CERTIFICATE_CSS } from './certificate-style';
import type { ReportSource } from './report-types';

export interface GuaranteeSection {
  target: number;
  confidence: number;
  batches: BatchGuarantee[];
}

export interface AuditSection {
  lotSize: number;
  /** AQL in percent, as in ISO 2859-1. */
  aqlPercent: number;
  level: string;
  isoPlan: IsoPlan;
  exact: { input: ExactPlanInput; plan: ExactPlan } | null;
  /** The plan the sample was drawn for. */
  planUsed: 'iso2859-1' | 'exact-hypergeometric';
  seed: number;
  sampleIds: string[];
  verdict: AuditVerdict | null;
  oc: OcPoint[];
  /** Name of the review (gold) file, when loaded. */
  reviewFile?: string | null;
}

export interface CertificateInput {
  title?: string;
  /** ISO timestamp of generation (passed in so the output is reproducible in tests). */
  generatedAt: string;
  version?: string;
  sources: ReportSource[];
  filters: Filters;
  guarantee?: GuaranteeSection | null;
  audit?: AuditSection | null;
}

const pct = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined ? '—' : `${(100 * x).toFixed(digits)} %`;
const num = (x: number | null | undefined) => (x === null || x === undefined ? '—' : String(x));
const row = (cells: string[], header = false) =>
  `<tr>${cells.map((c) => (header ? `<th>${c}</th>` : c.startsWith('<td') ? c : `<td>${c}</td>`)).join('')}</tr>`;
const tdNum = (text: string) => `<td class="num">${text}</td>`;
const badge = (text: string, tone: 'ok' | 'bad' | 'open') => `<span class="verdict ${tone}">${esc(text)}</span>`;

function sourcesSection(sources: ReportSource[]): string {
  const rows = sources.map((s) =>
    row([
      esc(s.file_name),
      esc(s.role),
      esc(s.format),
      `<code>${esc(s.sha256)}</code>`,
      tdNum(num(s.bytes)),
      tdNum(num(s.rows_read)),
      tdNum(num(s.rows_loaded)),
      tdNum(num(s.rows_rejected)),
    ]),
  );
  return `<h2>Input files</h2>
<table><thead>${row(['file', 'role', 'format', 'SHA-256', 'bytes', 'rows read', 'rows loaded', 'rows rejected'], true)}</thead>
<tbody>${rows.join('') || row(['no file loaded', '', '', '', '', '', '', ''])}</tbody></table>`;
}

function guaranteeSection(g: GuaranteeSection): string {
  const cards = g.batches.map((b) => {
    const verdict =
      b.lower_bound === null
        ? badge('no gold', 'open')
        : b.demonstrated
          ? badge(`≥ ${pct(g.target, 1)} demonstrated`, 'ok')
          : badge(`${pct(g.target, 1)} not demonstrated`, 'bad');
    return row([
      esc(b.batch_id),
      tdNum(num(b.n)),
      tdNum(num(b.errors)),
      tdNum(pct(b.accuracy)),
      tdNum(b.interval ? `${pct(b.interval[0])} – ${pct(b.interval[1])}` : '—'),
      tdNum(pct(b.lower_bound)),
      verdict + (b.reason ? ` <small>${esc(b.reason)}</small>` : ''),
    ]);
  });
  const required = g.batches[0]?.required_n ?? {};
  const needRows = Object.entries(required).map(([k, n]) => row([tdNum(esc(k)), tdNum(num(n))]));
  return `<h2>Accuracy guarantee</h2>
<p>Target accuracy <strong>${pct(g.target, 1)}</strong> at <strong>${pct(g.confidence, 0)}</strong> confidence. A batch
demonstrates the target when the one-sided lower Clopper–Pearson bound on its accuracy against gold (judgement level) is at
least the target (Clopper &amp; Pearson 1934).</p>
<table><thead>${row(['batch', 'gold-checked', 'errors', 'accuracy', `${pct(g.confidence, 0)} interval (two-sided)`, `lower bound (one-sided ${pct(g.confidence, 0)})`, 'verdict'], true)}</thead>
<tbody>${cards.join('')}</tbody></table>
<h3>Gold items needed to demonstrate ${pct(g.target, 1)}</h3>
<table style="width:auto"><thead>${row(['errors allowed', 'gold items needed'], true)}</thead><tbody>${needRows.join('')}</tbody></table>`;
}

function auditSection(a: AuditSection): string {
  const p = a.isoPlan;
  const used = a.planUsed === 'exact-hypergeometric' && a.exact ? a.exact.plan : p;
  const v = a.verdict;
  const verdictBadge = !v
    ? badge('not reviewed yet', 'open')
    : v.verdict === null
      ? badge('no verdict yet', 'open')
      : badge(v.verdict.toUpperCase(), v.verdict === 'accept' ? 'ok' : 'bad');
  const exactRows = a.exact
    ? `<h3>Exact plan (hypergeometric)</h3>
<table><thead>${row(['lot size', 'AQL', "producer's risk α", 'LQ', "consumer's risk β", 'n', 'Ac', 'Re', 'P(accept) at AQL', 'P(accept) at LQ'], true)}</thead>
<tbody>${row([
        tdNum(num(a.exact.input.lotSize)),
        tdNum(pct(a.exact.input.aql)),
        tdNum(pct(a.exact.input.producerRisk)),
        tdNum(pct(a.exact.input.lqOrLtpd)),
        tdNum(pct(a.exact.input.consumerRisk)),
        tdNum(num(a.exact.plan.sample_size)),
        tdNum(num(a.exact.plan.accept)),
        tdNum(num(a.exact.plan.reject)),
        tdNum(pct(a.exact.plan.p_accept_at_aql, 3)),
        tdNum(pct(a.exact.plan.p_accept_at_lq, 3)),
      ])}</tbody></table>`
    : '';
  const statements = v ? `<ul class="statements">${v.statements.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>` : '';
  const defects =
    v && v.defective_ids.length
      ? `<p>Defective items: ${v.defective_ids.map((id) => `<code>${esc(id)}</code>`).join(', ')}</p>`
      : '';
  return `<h2>Acceptance audit</h2>
<p>Verdict: ${verdictBadge}</p>
<h3>ISO 2859-1 / ANSI Z1.4 plan (single sampling, normal inspection, level ${esc(a.level)})</h3>
<table><thead>${row(['lot size', 'AQL', 'code letter', 'plan letter', 'n', 'Ac', 'Re', '100 % inspection'], true)}</thead>
<tbody>${row([tdNum(num(a.lotSize)), tdNum(`${esc(a.aqlPercent)} %`), esc(p.code_letter), esc(p.plan_letter), tdNum(num(p.sample_size)), tdNum(num(p.accept)), tdNum(num(p.reject)), p.inspect_all ? 'yes' : 'no'])}</tbody></table>
${exactRows}
<p>Sample drawn for the <strong>${a.planUsed === 'exact-hypergeometric' ? 'exact hypergeometric' : 'ISO 2859-1'}</strong> plan:
${num(a.sampleIds.length)} items, seed <code>${esc(a.seed)}</code>${a.reviewFile ? `; review file <code>${esc(a.reviewFile)}</code>` : ''}.</p>
${statements}${defects}
<h3>Operating characteristic</h3>
<p class="legend"><span><i class="swatch" style="border-color:${OC_COLOURS.binomial}"></i>binomial (type B)</span>
<span><i class="swatch" style="border-color:${OC_COLOURS.hypergeometric};border-top-style:dashed"></i>hypergeometric, lot of ${num(a.lotSize)} (type A)</span></p>
${ocCurveSvg(used, a.oc, { markers: [{ rate: a.aqlPercent / 100, label: 'AQL' }, ...(a.exact ? [{ rate: a.exact.input.lqOrLtpd, label: 'LQ' }] : [])] })}
<p>${esc(ocCurveSummary(used))}</p>
<h3>Sampled item ids (draw order)</h3>
<ol class="sample">${a.sampleIds.map((id) => `<li>${esc(id)}</li>`).join('')}</ol>`;
}

/**
 * A self-contained HTML certificate / audit report: one file with inline CSS and inline SVG,
 * no script and no external request, every label escaped. It carries the input files'
 * SHA-256 and row counts, the AnnoQA version, the seed and every parameter (also as JSON), so
 * anyone can recompute it with the same files and `annoqa`.
 */
export function buildCertificate(input: CertificateInput): string {
  const version = input.version ?? ANNOQA_VERSION;
  const title =
    input.title ?? (input.audit && !input.guarantee ? 'AnnoQA acceptance audit report' : 'AnnoQA accuracy certificate');
  const parameters = {
    annoqa_version: version,
    generated_at: input.generatedAt,
    filters: input.filters,
    guarantee: input.guarantee ? { target: input.guarantee.target, confidence: input.guarantee.confidence } : null,
    audit: input.audit
      ? {
          lot_size: input.audit.lotSize,
          aql_percent: input.audit.aqlPercent,
          inspection_level: input.audit.level,
          plan_used: input.audit.planUsed,
          exact_plan_input: input.audit.exact?.input ?? null,
          seed: input.audit.seed,
          sample_size: input.audit.sampleIds.length,
          review_file: input.audit.reviewFile ?? null,
        }
      : null,
    sources: input.sources.map((s) => ({ file_name: s.file_name, sha256: s.sha256, rows_loaded: s.rows_loaded })),
  };
  const recompute = input.audit
    ? `annoqa plan --lot ${input.audit.lotSize} --aql ${input.audit.aqlPercent} --level ${input.audit.level} --json`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CERTIFICATE_CSS}</style></head>
<body>
<h1>${esc(title)}</h1>
<p class="meta">Generated ${esc(input.generatedAt)} by AnnoQA ${esc(version)}. Computed in the browser or on the command line; the data never left the machine.</p>
${sourcesSection(input.sources)}
${input.guarantee ? guaranteeSection(input.guarantee) : ''}
${input.audit ? auditSection(input.audit) : ''}
<h2>Parameters</h2>
<pre>${esc(JSON.stringify(parameters, null, 2))}</pre>
${recompute ? `<p>Recompute the plan: <code>${esc(recompute)}</code></p>` : ''}
<footer>Methods: Clopper &amp; Pearson (1934) exact binomial bounds; ISO 2859-1:1999 Tables 1 and 2-A (= ANSI/ASQ Z1.4-2003);
hypergeometric plans and OC curves (Montgomery, <i>Introduction to Statistical Quality Control</i>); sample drawn with mulberry32 seeded
partial Fisher–Yates over the item ids sorted by code unit.</footer>
</body></html>
`;
}

/** The current time as an ISO 8601 UTC timestamp, for `CertificateInput.generatedAt`. */
export function timestampNow(): string {
  return new Date().toISOString();
}
