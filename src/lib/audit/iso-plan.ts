import {
  AQL_VALUES,
  CODE_LETTER_TABLE,
  CODE_LETTERS,
  INSPECTION_LEVELS,
  SAMPLE_SIZES,
  SINGLE_NORMAL_TABLE,
  type CodeLetter,
  type InspectionLevel,
} from './iso2859-tables';

/** A single sampling plan: inspect `sample_size` items, accept the lot with ≤ `accept` defectives, reject with ≥ `reject`. */
export interface IsoPlan {
  /** The code letter of Table 1 for the lot size and inspection level. */
  code_letter: CodeLetter;
  sample_size: number;
  accept: number;
  reject: number;
  /** The code letter whose plan was used after following the arrows of Table 2-A (may differ from `code_letter`). */
  plan_letter: CodeLetter;
  lot_size: number;
  aql: number;
  level: InspectionLevel;
  /** The sample size equals or exceeds the lot size: ISO 2859-1 §10.1 says inspect every item (100 % inspection). */
  inspect_all: boolean;
}

/** Table 1: the sample size code letter for a lot size (≥ 2) at an inspection level (general II by default). */
export function codeLetter(lotSize: number, level: InspectionLevel = 'II'): CodeLetter {
  if (!Number.isInteger(lotSize) || lotSize < 2) {
    throw new RangeError(`codeLetter: the lot size must be a whole number ≥ 2 (ISO 2859-1 Table 1 starts at 2), got ${lotSize}`);
  }
  const column = INSPECTION_LEVELS.indexOf(level);
  if (column < 0)
    throw new RangeError(`codeLetter: unknown inspection level ${level}; use one of ${INSPECTION_LEVELS.join(', ')}`);
  const row = CODE_LETTER_TABLE.find(([upTo]) => lotSize <= upTo)!;
  return row[1].split(' ')[column] as CodeLetter;
}

/** The column index of an AQL in Table 2-A; throws with the list of valid AQLs when it is not a column. */
export function aqlColumn(aql: number): number {
  const column = AQL_VALUES.findIndex((v) => Math.abs(v - aql) < 1e-9 * Math.max(1, v));
  if (column < 0) {
    throw new RangeError(`the AQL ${aql} is not a column of ISO 2859-1 Table 2-A; use one of ${AQL_VALUES.join(', ')}`);
  }
  return column;
}

/**
 * Follows the arrows of Table 2-A from (letter, AQL column) to the plan they point at:
 * `↓` = first plan below, `↑` = first plan above (ISO 2859-1 §10.2, Table 2-A footnotes).
 */
export function tablePlan(
  letter: CodeLetter,
  column: number,
): { letter: CodeLetter; sample_size: number; accept: number; reject: number } {
  let row = CODE_LETTERS.indexOf(letter);
  for (let steps = 0; steps < CODE_LETTERS.length; steps++) {
    const cell = SINGLE_NORMAL_TABLE[CODE_LETTERS[row]].split(' ')[column];
    if (cell === '↓') row++;
    else if (cell === '↑') row--;
    else {
      const [accept, reject] = cell.split('/').map(Number);
      const planLetter = CODE_LETTERS[row];
      return { letter: planLetter, sample_size: SAMPLE_SIZES[planLetter], accept, reject };
    }
    if (row < 0 || row >= CODE_LETTERS.length) break;
  }
  throw new Error(
    `ISO 2859-1 Table 2-A: the arrows from ${letter} at column ${column} lead outside the table (transcription error)`,
  );
}

/**
 * The ISO 2859-1 / ANSI Z1.4 single sampling plan for normal inspection: code letter from
 * Table 1 (lot size, inspection level; general level II by default), then sample size,
 * acceptance number Ac and rejection number Re from Table 2-A with its arrows followed.
 * `inspect_all` is true when the sample size equals or exceeds the lot size (§10.1).
 */
export function isoPlan(lotSize: number, aql: number, level: InspectionLevel = 'II'): IsoPlan {
  const code_letter = codeLetter(lotSize, level);
  const plan = tablePlan(code_letter, aqlColumn(aql));
  return {
    code_letter,
    sample_size: plan.sample_size,
    accept: plan.accept,
    reject: plan.reject,
    plan_letter: plan.letter,
    lot_size: lotSize,
    aql,
    level,
    inspect_all: plan.sample_size >= lotSize,
  };
}
