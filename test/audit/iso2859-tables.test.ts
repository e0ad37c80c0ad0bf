import { describe, expect, it } from 'vitest';
import { aqlColumn, codeLetter, isoPlan, tablePlan } from '../../src/lib/audit/iso-plan';
import { AQL_VALUES, CODE_LETTERS } from '../../src/lib/audit/iso2859-tables';

// Expected values read from ISO 2859-1:1999 Table 1 "Sample size code letters" and Table 2-A
// "Single sampling plans for normal inspection (Master table)" — the same tables as ANSI/ASQ
// Z1.4-2003 Tables I and II-A and MIL-STD-105E. Arrow cells: "↓ use the first sampling plan
// below the arrow", "↑ use the first sampling plan above the arrow".

describe('ISO 2859-1 Table 1: code letters', () => {
  // General inspection level II, both ends of every lot-size row.
  it.each([
    [2, 'A'],
    [8, 'A'],
    [9, 'B'],
    [15, 'B'],
    [16, 'C'],
    [25, 'C'],
    [26, 'D'],
    [50, 'D'],
    [51, 'E'],
    [90, 'E'],
    [91, 'F'],
    [150, 'F'],
    [151, 'G'],
    [280, 'G'],
    [281, 'H'],
    [500, 'H'],
    [501, 'J'],
    [1200, 'J'],
    [1201, 'K'],
    [3200, 'K'],
    [3201, 'L'],
    [10000, 'L'],
    [10001, 'M'],
    [35000, 'M'],
    [35001, 'N'],
    [150000, 'N'],
    [150001, 'P'],
    [500000, 'P'],
    [500001, 'Q'],
    [5_000_000, 'Q'],
  ] as const)('lot %i → %s at level II', (lot, letter) => {
    expect(codeLetter(lot)).toBe(letter);
  });

  it.each([
    // lot 501–1200 row: S-1 C, S-2 C, S-3 E, S-4 F, I G, II J, III K
    [1000, 'S-1', 'C'],
    [1000, 'S-2', 'C'],
    [1000, 'S-3', 'E'],
    [1000, 'S-4', 'F'],
    [1000, 'I', 'G'],
    [1000, 'III', 'K'],
    // 500 001 and over: D E H K N Q R
    [600000, 'S-1', 'D'],
    [600000, 'S-3', 'H'],
    [600000, 'S-4', 'K'],
    [600000, 'I', 'N'],
    [600000, 'III', 'R'],
    // 2–8: A A A A A A B
    [5, 'III', 'B'],
    [5, 'S-4', 'A'],
  ] as const)('lot %i at level %s → %s', (lot, level, letter) => {
    expect(codeLetter(lot, level)).toBe(letter);
  });

  it('refuses lots below 2 and unknown levels', () => {
    expect(() => codeLetter(1)).toThrow(/≥ 2/);
    expect(() => codeLetter(100, 'IV' as never)).toThrow(/inspection level/);
  });
});

describe('ISO 2859-1 Table 2-A: single sampling, normal inspection', () => {
  // [lot, AQL %, code letter, plan letter, n, Ac, Re]
  it.each([
    // direct cells
    [1000, 1.0, 'J', 'J', 80, 2, 3],
    [1000, 2.5, 'J', 'J', 80, 5, 6],
    [1000, 4.0, 'J', 'J', 80, 7, 8],
    [1000, 0.65, 'J', 'J', 80, 1, 2],
    [35000, 1.5, 'M', 'M', 315, 10, 11],
    [200000, 1.5, 'P', 'P', 800, 21, 22],
    [8, 1000, 'A', 'A', 2, 30, 31],
    [10, 1000, 'B', 'B', 3, 44, 45],
    [3000, 0.1, 'K', 'K', 125, 0, 1],
    // ↑ cells: first plan above
    [1000, 0.25, 'J', 'H', 50, 0, 1],
    [50, 2.5, 'D', 'C', 5, 0, 1],
    [100, 100, 'F', 'E', 13, 21, 22],
    [100, 150, 'F', 'E', 13, 30, 31],
    [100, 1000, 'F', 'B', 3, 44, 45],
    [600000, 0.015, 'Q', 'P', 800, 0, 1],
    // ↓ cells: first plan below
    [1000, 0.4, 'J', 'K', 125, 1, 2],
    [1000, 0.1, 'J', 'K', 125, 0, 1],
    [50, 1.0, 'D', 'E', 13, 0, 1],
    [50, 4.0, 'D', 'E', 13, 1, 2],
    [5, 10, 'A', 'C', 5, 1, 2],
  ] as const)('lot %i, AQL %f → %s (plan %s): n=%i Ac=%i Re=%i', (lot, aql, letter, planLetter, n, ac, re) => {
    const plan = isoPlan(lot, aql);
    expect(plan.code_letter).toBe(letter);
    expect(plan.plan_letter).toBe(planLetter);
    expect([plan.sample_size, plan.accept, plan.reject]).toEqual([n, ac, re]);
  });

  it('level III beyond 500 000 (letter R): ↑ at AQL 0.010 and 0.015, 1/2 at 0.025', () => {
    expect(isoPlan(600000, 0.01, 'III')).toMatchObject({
      code_letter: 'R',
      plan_letter: 'Q',
      sample_size: 1250,
      accept: 0,
      reject: 1,
    });
    expect(isoPlan(600000, 0.015, 'III')).toMatchObject({ plan_letter: 'P', sample_size: 800, accept: 0, reject: 1 });
    expect(isoPlan(600000, 0.025, 'III')).toMatchObject({ plan_letter: 'R', sample_size: 2000, accept: 1, reject: 2 });
  });

  it('says 100 % inspection when the sample size equals or exceeds the lot size', () => {
    expect(isoPlan(5, 10)).toMatchObject({ sample_size: 5, inspect_all: true });
    expect(isoPlan(3, 0.01)).toMatchObject({ sample_size: 1250, inspect_all: true });
    expect(isoPlan(1000, 1.0).inspect_all).toBe(false);
  });

  it('every cell resolves to a plan with Re = Ac + 1 and a sample size of the table', () => {
    for (const letter of CODE_LETTERS) {
      AQL_VALUES.forEach((_aql, column) => {
        const plan = tablePlan(letter, column);
        expect(plan.reject).toBe(plan.accept + 1);
        expect([0, 1, 2, 3, 5, 7, 10, 14, 21, 30, 44]).toContain(plan.accept);
      });
    }
  });

  it('refuses an AQL that is not a column', () => {
    expect(() => aqlColumn(2)).toThrow(/not a column/);
    expect(aqlColumn(0.065)).toBe(4);
  });
});
