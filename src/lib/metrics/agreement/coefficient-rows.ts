import type { AgreementReport, Interval } from '../../report/report-types';
import { krippendorffBand, landisKochBand, type Band } from './interpretation';

/** One line of the coefficient table: value, interval, band and the reason when undefined. */
export interface CoefficientRow {
  key: string;
  name: string;
  value: number | null;
  ci95: Interval | null;
  band: Band | null;
  reason: string | null;
  /** How it is computed, with its source (DESIGN.md "Metric conventions"). */
  note: string;
}

const ROWS: { key: string; name: string; note: string; band: 'kappa' | 'alpha' | null }[] = [
  {
    key: 'percent',
    name: 'Percent agreement',
    band: null,
    note: 'Share of agreeing ordered pairs per item, averaged over items with ≥ 2 ratings (Gwet 2014).',
  },
  {
    key: 'krippendorff_alpha',
    name: "Krippendorff's α",
    band: 'alpha',
    note: "Coincidence-matrix α at the question's level; missing data allowed (Krippendorff 2011).",
  },
  {
    key: 'gwet_ac1',
    name: "Gwet's AC1",
    band: 'kappa',
    note: 'Chance agreement from category spread (Gwet 2008; irrCAC gwet.ac1.raw).',
  },
  {
    key: 'gwet_ac2_quadratic',
    name: "Gwet's AC2 (quadratic)",
    band: 'kappa',
    note: 'AC1 with quadratic weights on category ranks, for ordered data (Gwet 2014).',
  },
  {
    key: 'fleiss_kappa',
    name: "Fleiss' κ",
    band: 'kappa',
    note: 'Generalised to unequal ratings per item (Fleiss 1971; Gwet 2014; irrCAC fleiss.kappa.raw).',
  },
  { key: 'cohen_kappa', name: "Cohen's κ", band: 'kappa', note: 'Exactly two annotators, on the items both rated (Cohen 1960).' },
  {
    key: 'cohen_kappa_quadratic',
    name: "Cohen's κ (quadratic)",
    band: 'kappa',
    note: 'Weights on the rank among observed categories, scikit-learn convention (Cohen 1968).',
  },
  { key: 'scott_pi', name: "Scott's π", band: 'kappa', note: 'Two annotators, pooled category shares (Scott 1955).' },
];

/** The rows of the coefficient table for one question's agreement report. */
export function coefficientRows(report: AgreementReport): CoefficientRow[] {
  return ROWS.map(({ key, name, note, band }) => {
    const value = typeof report[key] === 'number' ? (report[key] as number) : null;
    return {
      key,
      name,
      note,
      value,
      ci95: (report.ci95[key] as Interval | undefined) ?? null,
      band: band === 'alpha' ? krippendorffBand(value) : band === 'kappa' ? landisKochBand(value) : null,
      reason: value === null ? (report.reasons[key] ?? 'undefined') : null,
    };
  });
}
