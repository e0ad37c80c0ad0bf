import type { OcPoint } from '../audit/oc-curve';
import { escapeHtml } from '../report/html-escape';
import { ocChartLayout, ocCurveSummary, type OcChartOptions } from './oc-curve-chart';

/** Okabe–Ito colour-blind-safe colours for the two curves and the markers. */
export const OC_COLOURS = { binomial: '#0072B2', hypergeometric: '#D55E00', marker: '#555555' } as const;

/**
 * The OC chart as a standalone inline SVG string (for the self-contained HTML certificate):
 * the same layout as the app's chart, every text escaped, an aria-label and a <title>.
 */
export function ocCurveSvg(
  plan: { sample_size: number; accept: number },
  points: readonly OcPoint[],
  options: OcChartOptions = {},
): string {
  const l = ocChartLayout(points, options);
  const summary = ocCurveSummary(plan);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${l.width} ${l.height}" width="${l.width}" height="${l.height}" role="img" aria-label="${escapeHtml(summary)}">`,
    `<title>${escapeHtml(summary)}</title>`,
    `<g font-size="11" font-family="system-ui, sans-serif" fill="#333">`,
  ];
  for (const t of l.yTicks) {
    parts.push(`<line x1="${l.plot.x0}" x2="${l.plot.x1}" y1="${t.y}" y2="${t.y}" stroke="#ddd"/>`);
    parts.push(
      `<text x="${l.plot.x0 - 6}" y="${t.y}" text-anchor="end" dominant-baseline="middle">${escapeHtml(t.label)}</text>`,
    );
  }
  for (const t of l.xTicks) {
    parts.push(`<line x1="${t.x}" x2="${t.x}" y1="${l.plot.y1}" y2="${l.plot.y1 + 4}" stroke="#333"/>`);
    parts.push(`<text x="${t.x}" y="${l.plot.y1 + 16}" text-anchor="middle">${escapeHtml(t.label)}</text>`);
  }
  parts.push(`<line x1="${l.plot.x0}" x2="${l.plot.x1}" y1="${l.plot.y1}" y2="${l.plot.y1}" stroke="#333"/>`);
  parts.push(`<text x="${(l.plot.x0 + l.plot.x1) / 2}" y="${l.height - 4}" text-anchor="middle">defect rate of the lot</text>`);
  parts.push(
    `<text transform="translate(12 ${(l.plot.y0 + l.plot.y1) / 2}) rotate(-90)" text-anchor="middle">probability of acceptance</text>`,
  );
  for (const m of l.markers) {
    parts.push(
      `<line x1="${m.x}" x2="${m.x}" y1="${l.plot.y0}" y2="${l.plot.y1}" stroke="${OC_COLOURS.marker}" stroke-dasharray="4 3"/>`,
    );
    parts.push(`<text x="${m.x + 3}" y="${l.plot.y0 + 10}">${escapeHtml(m.label)}</text>`);
  }
  parts.push(`<path d="${l.binomialPath}" fill="none" stroke="${OC_COLOURS.binomial}" stroke-width="2"/>`);
  if (l.hypergeometricPath) {
    parts.push(
      `<path d="${l.hypergeometricPath}" fill="none" stroke="${OC_COLOURS.hypergeometric}" stroke-width="2" stroke-dasharray="6 3"/>`,
    );
  }
  parts.push('</g></svg>');
  return parts.join('');
}
