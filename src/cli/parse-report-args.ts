import { parseArgs } from 'node:util';
import type { Level } from '../lib/db/schema';
import { LEVELS } from '../lib/db/schema';
import { parseMappingPairs, type ColumnMapping } from '../lib/ingest/column-mapping';
import { FORMAT_CHOICES, type FormatChoice } from '../lib/ingest/detect-format';
import { CliError } from './cli-error';

export interface ReportArgs {
  files: string[];
  goldFiles: string[];
  format: FormatChoice;
  annotator?: string;
  batch?: string;
  controls: string[];
  mapping: ColumnMapping;
  levels: Record<string, Level>;
  json: boolean;
  engine: 'wasm' | 'native';
  target?: number;
  confidence: number;
  bootstrap: boolean;
}

/** Parses `annoqa report FILE... [--gold FILE] [--map col=field] [--level Q=level] [--json] …`. */
export function parseReportArgs(argv: string[]): ReportArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        gold: { type: 'string', multiple: true },
        format: { type: 'string', default: 'auto' },
        annotator: { type: 'string' },
        batch: { type: 'string' },
        controls: { type: 'string' },
        map: { type: 'string', multiple: true },
        level: { type: 'string', multiple: true },
        json: { type: 'boolean', default: false },
        engine: { type: 'string', default: 'wasm' },
        target: { type: 'string' },
        confidence: { type: 'string', default: '0.95' },
        'no-bootstrap': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new CliError(
      `${(error as Error).message}\nUsage: annoqa report FILE... [--gold FILE] [--map column=field ...] [--level QUESTION=level ...] --json`,
    );
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new CliError('annoqa report needs at least one input file');
  let mapping: ColumnMapping;
  try {
    mapping = parseMappingPairs(values.map ?? []);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const levels: Record<string, Level> = {};
  for (const pair of values.level ?? []) {
    const at = pair.lastIndexOf('=');
    const level = pair.slice(at + 1) as Level;
    if (at <= 0 || !LEVELS.includes(level))
      throw new CliError(`--level takes QUESTION=level with level one of ${LEVELS.join(', ')} (got "${pair}")`);
    levels[pair.slice(0, at)] = level;
  }
  const format = values.format as FormatChoice;
  if (!FORMAT_CHOICES.includes(format))
    throw new CliError(`--format is one of ${FORMAT_CHOICES.join(', ')} (got "${values.format}")`);
  if (values.engine !== 'wasm' && values.engine !== 'native')
    throw new CliError(`--engine is wasm or native (got "${values.engine}")`);
  const probability = (name: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!(value > 0 && value < 1)) throw new CliError(`--${name} must be a number between 0 and 1, e.g. 0.95 (got "${text}")`);
    return value;
  };
  return {
    files: positionals,
    goldFiles: values.gold ?? [],
    format,
    annotator: values.annotator,
    batch: values.batch,
    controls: values.controls
      ? values.controls
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean)
      : [],
    mapping,
    levels,
    json: values.json ?? false,
    engine: values.engine,
    target: probability('target', values.target),
    confidence: probability('confidence', values.confidence) ?? 0.95,
    bootstrap: !values['no-bootstrap'],
  };
}
