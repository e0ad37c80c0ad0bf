import { describe, expect, it } from 'vitest';
import { planCommand } from '../../src/cli/plan-command';

describe('annoqa plan', () => {
  it('prints the ISO 2859-1 plan as JSON (lot 1000, AQL 1.0 → J, 80, Ac 2, Re 3: Table 1 and Table 2-A)', () => {
    const result = planCommand(['--lot', '1000', '--aql', '1.0', '--json']);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ code_letter: 'J', sample_size: 80, accept: 2, reject: 3 });
  });

  it('follows arrows and accepts --flag=value and a level', () => {
    const result = planCommand(['--lot=1000', '--aql=0.25', '--level=ii', '--json']);
    expect(JSON.parse(result.stdout)).toMatchObject({
      code_letter: 'J',
      plan_letter: 'H',
      sample_size: 50,
      accept: 0,
      reject: 1,
    });
    const s4 = JSON.parse(planCommand(['--lot', '1000', '--aql', '2.5', '--level', 'S-4', '--json']).stdout);
    expect(s4).toMatchObject({ code_letter: 'F', sample_size: 20, accept: 1, reject: 2 }); // F at 2.5: 1/2
  });

  it('prints a readable plan without --json, with the 100 % inspection note', () => {
    expect(planCommand(['--lot', '5', '--aql', '10']).stdout).toMatch(/inspect all 5 items/);
  });

  it.each([
    [['--aql', '1.0'], /--lot N is required/],
    [['--lot', '1000'], /--aql A is required/],
    [['--lot', 'ten', '--aql', '1'], /whole number ≥ 2/],
    [['--lot', '1', '--aql', '1'], /whole number ≥ 2/],
    [['--lot', '100', '--aql', '2'], /not an AQL/],
    [['--lot', '100', '--aql', 'x'], /must be a number/],
    [['--lot', '100', '--aql', '1', '--level', 'IV'], /--level must be one of/],
    [['--lot', '100', '--aql', '1', '--bogus'], /unknown argument/],
  ])('exits 2 with a clear message for %j', (args, message) => {
    const result = planCommand(args as string[]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/usage: annoqa plan/);
    expect(result.stdout).toBe('');
  });
});
