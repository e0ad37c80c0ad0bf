import { isoUtc } from './calendar';
import { Rng } from './random';
import { sortChronologically, type Row } from './rows';

/** How many rows of each messy kind were put in. */
export interface MessyCounts {
  emptyAnnotator: number;
  duplicates: number;
}

/**
 * The realistic mess of the instruction-tuning file (and only that file): three `quality`
 * rows whose annotator account was deleted (annotator_id empty: the loader rejects them with a
 * reason), and one `accept` answer that the annotator first gave differently a few seconds
 * before the kept one (an older duplicate: the loader keeps the newer row). All on non-gold
 * items of annotators who do not drift, so gold and drift figures are unaffected.
 */
export function injectMessyRows(rows: Row[]): { rows: Row[]; messy: MessyCounts } {
  const rng = Rng.for('messy', 'instruction_tuning');
  const eligible = (r: Row) => r.gold === '' && r.annotator_id !== 'ann-07';
  const quality = rng.shuffle(rows.filter((r) => r.question === 'quality' && eligible(r))).slice(0, 3);
  const out = rows.map((r) => (quality.includes(r) ? { ...r, annotator_id: '' } : r));
  const kept = rng.pick(rows.filter((r) => r.question === 'accept' && eligible(r) && Number(r.duration_s) >= 6));
  const earlier = isoUtc(Date.parse(kept.submitted_at) - 3000);
  out.push({
    ...kept,
    answer: kept.answer === 'accept' ? 'reject' : 'accept',
    submitted_at: earlier,
    duration_s: String(Number(kept.duration_s) - 3),
  });
  return { rows: sortChronologically(out), messy: { emptyAnnotator: quality.length, duplicates: 1 } };
}
