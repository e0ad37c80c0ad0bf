import { describe, expect, it } from 'vitest';
import { JUDGEMENT_FILES, readSample, type CsvRow } from './sample-files';

// Independent checks (papaparse + plain TS, no generator code) that the committed sample
// shows what its README promises. Reference ranges are DESIGN.md's rate card.

const all = () => JUDGEMENT_FILES.flatMap((name) => readSample(name));
const clean = (rows: CsvRow[]) => rows.filter((r) => r.annotator_id !== '');
const unitKey = (r: CsvRow) => `${r.strategy}|${r.item_id}|${r.annotator_id}`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Sum of duration_s and cost_usd per unit (one annotator on one item), skipping the one older duplicate row. */
function units(rows: CsvRow[]) {
  const out = new Map<string, { strategy: string; item: string; annotator: string; seconds: number; cost: number | null; prelabeled: string }>();
  const seenRow = new Set<string>();
  for (const r of clean(rows)) {
    const rowKey = `${unitKey(r)}|${r.question}|${r.x}|${r.y}`;
    if (r.x === '' && seenRow.has(rowKey)) continue;
    seenRow.add(rowKey);
    const u = out.get(unitKey(r)) ?? { strategy: r.strategy, item: r.item_id, annotator: r.annotator_id, seconds: 0, cost: 0, prelabeled: r.prelabeled };
    u.seconds += Number(r.duration_s);
    u.cost = r.cost_usd === '' || u.cost === null ? null : u.cost + Number(r.cost_usd);
    out.set(unitKey(r), u);
  }
  return [...out.values()];
}

describe('sample data: size, format and calendar', () => {
  it('holds 20–40k judgements over three batches and twelve annotators (one e-mail id)', () => {
    const rows = clean(all());
    expect(rows.length).toBeGreaterThan(20_000);
    expect(rows.length).toBeLessThan(40_000);
    expect(new Set(rows.map((r) => r.batch_id))).toEqual(new Set(['batch-2026-09', 'batch-2026-10', 'batch-2026-11']));
    const annotators = new Set(rows.map((r) => r.annotator_id));
    expect(annotators.size).toBe(12);
    expect([...annotators].filter((a) => a.includes('@'))).toHaveLength(1);
  });

  it('has ISO 8601 UTC timestamps on working days of Sep–Nov 2026, duration = submitted − started', () => {
    for (const r of all()) {
      expect(r.started_at).toMatch(/^2026-(09|10|11)-\d\dT\d\d:\d\d:\d\dZ$/);
      const started = Date.parse(r.started_at);
      const submitted = Date.parse(r.submitted_at);
      expect([0, 6]).not.toContain(new Date(started).getUTCDay());
      expect((submitted - started) / 1000).toBe(Number(r.duration_s));
    }
  });

  it("never has one annotator's units overlap in time", () => {
    const byAnnotator = new Map<string, [number, number][]>();
    for (const r of clean(all())) {
      const spans = byAnnotator.get(r.annotator_id) ?? [];
      spans.push([Date.parse(r.started_at), Date.parse(r.submitted_at)]);
      byAnnotator.set(r.annotator_id, spans);
    }
    let overlaps = 0;
    for (const spans of byAnnotator.values()) {
      spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      for (let i = 1; i < spans.length; i++) if (spans[i][0] < spans[i - 1][1]) overlaps++;
    }
    expect(overlaps).toBe(1); // the deliberate older duplicate answer, inside its unit's time
  });
});

describe('sample data: items, overlap and gold', () => {
  for (const name of JUDGEMENT_FILES) {
    it(`${name}: 2–3 annotators per item, 5–10 % gold items per batch, one gold value per item and question`, () => {
      const rows = clean(readSample(name));
      const annotatorsPerItem = new Map<string, Set<string>>();
      const goldValues = new Map<string, Set<string>>();
      for (const r of rows) {
        annotatorsPerItem.set(r.item_id, (annotatorsPerItem.get(r.item_id) ?? new Set()).add(r.annotator_id));
        if (r.x === '') {
          const key = `${r.item_id}|${r.question}`;
          goldValues.set(key, (goldValues.get(key) ?? new Set()).add(r.gold));
        }
      }
      for (const set of annotatorsPerItem.values()) expect([2, 3]).toContain(set.size);
      for (const values of goldValues.values()) expect(values.size).toBe(1);
      for (const batch of ['batch-2026-09', 'batch-2026-10', 'batch-2026-11']) {
        const items = new Set(rows.filter((r) => r.batch_id === batch).map((r) => r.item_id));
        const gold = new Set(rows.filter((r) => r.batch_id === batch && r.gold !== '').map((r) => r.item_id));
        expect(gold.size / items.size).toBeGreaterThanOrEqual(0.05);
        expect(gold.size / items.size).toBeLessThanOrEqual(0.1);
      }
    });
  }
});

describe('sample data: time and price per unit (DESIGN.md ranges)', () => {
  const ranges: Record<string, { seconds: [number, number]; usd: [number, number] }> = {
    instruction_tuning: { seconds: [60, 300], usd: [0.5, 2] },
    rlhf_preference: { seconds: [90, 400], usd: [1, 5] },
    vl_alignment: { seconds: [60, 600], usd: [2, 10] },
  };

  it('keeps every unit within its time range (the careless annotator may be faster) and price range', () => {
    // Units of the three items with an annotator-less row are incomplete: left out.
    const orphaned = new Set(all().filter((r) => r.annotator_id === '').map((r) => r.item_id));
    const complete = units(all()).filter((u) => !orphaned.has(u.item));
    expect(complete.length).toBeGreaterThan(7000);
    for (const u of complete) {
      const { seconds, usd } = ranges[u.strategy];
      expect(u.seconds).toBeLessThanOrEqual(seconds[1]);
      if (u.annotator !== 'ann-11') expect(u.seconds).toBeGreaterThanOrEqual(seconds[0]);
      if (u.cost !== null) {
        expect(u.cost).toBeGreaterThanOrEqual(usd[0] - 1e-9);
        expect(u.cost).toBeLessThanOrEqual(usd[1] + 1e-9);
      }
    }
  });

  it('costs every instruction-tuning and RLHF row; VL batch-2026-09 carries no cost', () => {
    for (const name of ['instruction_tuning.csv', 'rlhf_preference.csv']) {
      expect(readSample(name).filter((r) => r.cost_usd === '')).toHaveLength(0);
    }
    const vl = readSample('vl_alignment.csv');
    expect(vl.filter((r) => r.cost_usd === '').every((r) => r.batch_id === 'batch-2026-09')).toBe(true);
    expect(vl.filter((r) => r.batch_id === 'batch-2026-09' && r.cost_usd !== '')).toHaveLength(0);
  });

  it('shows the careless annotator fast and the pre-labelled units faster than the rest', () => {
    const all_ = units(all()).filter((u) => u.strategy === 'instruction_tuning');
    const careless = median(all_.filter((u) => u.annotator === 'ann-11').map((u) => u.seconds));
    const others = median(all_.filter((u) => u.annotator !== 'ann-11').map((u) => u.seconds));
    expect(careless).toBeLessThan(others / 2);
    const pre = median(all_.filter((u) => u.prelabeled === 'true').map((u) => u.seconds));
    const scratch = median(all_.filter((u) => u.prelabeled === 'false').map((u) => u.seconds));
    expect(pre).toBeLessThan(0.8 * scratch);
  });
});

describe('sample data: RLHF and boxes', () => {
  const preferred = () => clean(readSample('rlhf_preference.csv')).filter((r) => r.question === 'preferred');

  it('ann-05 favours the first-shown response; the others do not (binomial z against 0.5)', () => {
    const z = (rows: CsvRow[]) => {
      const decided = rows.filter((r) => r.answer !== 'tie');
      const first = decided.filter((r) => r.answer === r.shown_first).length;
      return (first - decided.length / 2) / Math.sqrt(decided.length / 4);
    };
    expect(z(preferred().filter((r) => r.annotator_id === 'ann-05'))).toBeGreaterThan(3);
    expect(Math.abs(z(preferred().filter((r) => r.annotator_id !== 'ann-05')))).toBeLessThan(2.5);
  });

  it('ranks the models by win rate in the order of their true strengths (cirrus-70b > borealis-13b > atlas-7b > dune-3b)', () => {
    const wins = new Map<string, { won: number; played: number }>();
    for (const r of preferred()) {
      if (r.answer === 'tie') continue;
      const winner = r.answer === 'A' ? r.option_a : r.option_b;
      for (const m of [r.option_a, r.option_b]) {
        const w = wins.get(m) ?? { won: 0, played: 0 };
        w.played += 1;
        w.won += m === winner ? 1 : 0;
        wins.set(m, w);
      }
    }
    const ranked = [...wins.entries()].sort((a, b) => b[1].won / b[1].played - a[1].won / a[1].played).map(([m]) => m);
    expect(ranked).toEqual(['cirrus-70b', 'borealis-13b', 'atlas-7b', 'dune-3b']);
  });

  it('draws several boxes per image per annotator, inside the image', () => {
    const boxes = clean(readSample('vl_alignment.csv')).filter((r) => r.question === 'boxes');
    const perUnit = new Map<string, number>();
    for (const b of boxes) {
      perUnit.set(unitKey(b), (perUnit.get(unitKey(b)) ?? 0) + 1);
      const [x, y, w, h, iw, ih] = [b.x, b.y, b.w, b.h, b.image_w, b.image_h].map(Number);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(x + w).toBeLessThanOrEqual(iw + 0.1);
      expect(y + h).toBeLessThanOrEqual(ih + 0.1);
    }
    const counts = [...perUnit.values()];
    expect(counts.reduce((a, b) => a + b, 0) / counts.length).toBeGreaterThan(2);
  });
});
