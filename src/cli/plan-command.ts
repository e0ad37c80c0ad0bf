import { isoPlan } from '../lib/audit/iso-plan';
import { AQL_VALUES, INSPECTION_LEVELS, type InspectionLevel } from '../lib/audit/iso2859-tables';

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const USAGE = `usage: annoqa plan --lot N --aql A [--level II] [--json]
  --lot N      lot size (whole number ≥ 2)
  --aql A      AQL in percent, a column of ISO 2859-1 Table 2-A: ${AQL_VALUES.join(', ')}
  --level L    inspection level: ${INSPECTION_LEVELS.join(', ')} (default II)
  --json       print {"code_letter","sample_size","accept","reject"} as JSON`;

function fail(message: string): CommandResult {
  return { stdout: '', stderr: `annoqa plan: ${message}\n${USAGE}\n`, exitCode: 2 };
}

/**
 * `annoqa plan --lot N --aql A [--level L] [--json]`: the ISO 2859-1 / ANSI Z1.4 single sampling
 * plan for normal inspection (`isoPlan`). JSON: {"code_letter","sample_size","accept","reject",
 * "plan_letter","inspect_all","lot_size","aql","level"}. Exit code 2 with a message and the usage
 * on bad arguments. Pure: returns the output instead of printing it.
 */
export function planCommand(args: string[]): CommandResult {
  let lot: string | undefined;
  let aql: string | undefined;
  let level = 'II';
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--json') json = true;
    else if (flag === '--lot') lot = value();
    else if (flag === '--aql') aql = value();
    else if (flag === '--level') level = value() ?? '';
    else if (flag === '--help' || flag === '-h') return { stdout: `${USAGE}\n`, stderr: '', exitCode: 0 };
    else return fail(`unknown argument ${JSON.stringify(arg)}`);
  }
  if (lot === undefined) return fail('--lot N is required');
  if (aql === undefined) return fail('--aql A is required');
  const lotSize = Number(lot);
  if (!/^\d+$/.test(lot.trim()) || !Number.isSafeInteger(lotSize) || lotSize < 2) {
    return fail(`--lot must be a whole number ≥ 2, got ${JSON.stringify(lot)}`);
  }
  const aqlValue = Number(aql.trim().replace(/%$/, ''));
  if (aql.trim() === '' || !Number.isFinite(aqlValue))
    return fail(`--aql must be a number (percent), got ${JSON.stringify(aql)}`);
  if (!AQL_VALUES.some((v) => Math.abs(v - aqlValue) < 1e-9 * Math.max(1, v))) {
    return fail(`--aql ${aql} is not an AQL of ISO 2859-1 Table 2-A; use one of ${AQL_VALUES.join(', ')}`);
  }
  const upper = level.toUpperCase();
  if (!(INSPECTION_LEVELS as readonly string[]).includes(upper)) {
    return fail(`--level must be one of ${INSPECTION_LEVELS.join(', ')}, got ${JSON.stringify(level)}`);
  }
  const plan = isoPlan(lotSize, aqlValue, upper as InspectionLevel);
  if (json) {
    const { code_letter, sample_size, accept, reject, plan_letter, inspect_all, lot_size, level: lvl } = plan;
    const out = { code_letter, sample_size, accept, reject, plan_letter, inspect_all, lot_size, aql: aqlValue, level: lvl };
    return { stdout: `${JSON.stringify(out)}\n`, stderr: '', exitCode: 0 };
  }
  const lines = [
    `ISO 2859-1 / ANSI Z1.4 single sampling, normal inspection, level ${plan.level}`,
    `lot size ${lotSize}, AQL ${aqlValue} %: code letter ${plan.code_letter}` +
      (plan.plan_letter !== plan.code_letter ? ` (arrow → plan of letter ${plan.plan_letter})` : ''),
    `inspect ${plan.sample_size} items; accept with ≤ ${plan.accept} defective (Ac), reject with ≥ ${plan.reject} (Re)`,
  ];
  if (plan.inspect_all) lines.push(`the sample size is at least the lot size: inspect all ${lotSize} items (100 % inspection)`);
  return { stdout: `${lines.join('\n')}\n`, stderr: '', exitCode: 0 };
}
