import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { intervalColumns, tableCsv, tableCsvFileName, type CsvColumn } from '../../src/lib/charts/table-csv';

interface Row {
  annotator: string;
  accuracy: number | null;
  ci: [number, number] | null;
  ok: boolean;
}

const columns: CsvColumn<Row>[] = [
  { label: 'annotator', value: (r) => r.annotator },
  { label: 'accuracy', value: (r) => r.accuracy },
  ...intervalColumns<Row>('wilson95', (r) => r.ci),
  { label: 'ok', value: (r) => r.ok },
];

describe('tableCsv', () => {
  it('writes the shown columns with full-precision numbers, empty nulls and neutralised formulas', () => {
    const rows: Row[] = [
      { annotator: '=HYPERLINK("http://evil.example")', accuracy: 2 / 3, ci: [0.2077, 0.9385], ok: true },
      { annotator: 'bob', accuracy: null, ci: null, ok: false },
      { annotator: '-x', accuracy: -0.5, ci: null, ok: false },
    ];
    const parsed = Papa.parse<string[]>(tableCsv(columns, rows), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(['annotator', 'accuracy', 'wilson95 low', 'wilson95 high', 'ok']);
    expect(parsed).toHaveLength(4);
    expect(parsed[1][0]).toBe(`'=HYPERLINK("http://evil.example")`);
    // 2/3 at full precision, not the 66.7 % the table shows
    expect(Number(parsed[1][1])).toBe(2 / 3);
    expect(parsed[1].slice(2)).toEqual(['0.2077', '0.9385', 'true']);
    expect(parsed[2]).toEqual(['bob', '', '', '', 'false']);
    // a negative number stays a number; a text starting with "-" is neutralised
    expect(parsed[3].slice(0, 2)).toEqual([`'-x`, '-0.5']);
  });

  it('never writes NaN and keeps duplicate headers apart', () => {
    const csv = tableCsv<number>(
      [
        { label: 'v', value: (x) => x },
        { label: 'v', value: (x) => x * 2 },
      ],
      [Number.NaN, 1],
    );
    expect(csv.split('\r\n')).toEqual(['v,v (2)', ',', '1,2']);
  });

  it('names files after what the table is', () => {
    expect(tableCsvFileName('Accuracy by annotator')).toBe('annoqa-accuracy-by-annotator.csv');
    expect(tableCsvFileName('Confusion matrix · label (b1)')).toBe('annoqa-confusion-matrix-label-b1.csv');
    expect(tableCsvFileName('ü')).toBe('annoqa-u.csv');
    expect(tableCsvFileName('§')).toBe('annoqa-table.csv');
  });
});
