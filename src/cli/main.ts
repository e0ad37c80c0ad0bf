import { basename } from 'node:path';
import type { Connector } from '../lib/db/connector';
import { withResultCache } from '../lib/db/result-cache';
import { createCanonicalTables } from '../lib/db/schema';
import { refreshQuestions } from '../lib/ingest/infer-questions';
import { IngestError } from '../lib/ingest/ingest-error';
import { loadFile } from '../lib/ingest/load-file';
import { sha256HexNode } from '../lib/ingest/sha256-node';
import { readFileOnDisk } from '../lib/db/files-on-disk';
import { runFitsInThreads } from '../lib/metrics/off-main-thread/fit-threads-node';
import { buildReport } from '../lib/report/build-report';
import { ANNOQA_VERSION } from '../lib/version';
import { CliError } from './cli-error';
import { parseReportArgs, type ReportArgs } from './parse-report-args';
import { formatReportText } from './format-report-text';
import { planCommand } from './plan-command';

const USAGE = `annoqa ${ANNOQA_VERSION} — annotation-quality analytics (the same ingest and metrics as the AnnoQA app)

Usage:
  annoqa report FILE... [--gold FILE] [--format auto|labelstudio|labelbox|cvat|coco|prodigy|argilla|csv|tsv|ndjson|parquet]
                [--annotator NAME] [--batch ID] [--controls COL,COL] [--map column=field ...] [--level QUESTION=level ...]
                [--target 0.995] [--confidence 0.95] [--engine wasm|native] [--no-bootstrap] [--json]
  annoqa plan --lot N --aql A [--level II] [--json]
  annoqa help

Exit status: 0 on success, 2 on bad input or usage (the message on stderr names the file and line).`;

/** Runs one CLI invocation; returns the exit status. Output is written only when complete. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'report':
        process.stdout.write(await runReport(parseReportArgs(rest)));
        return 0;
      case 'plan': {
        const result = planCommand(rest);
        process.stdout.write(result.stdout);
        process.stderr.write(result.stderr);
        return result.exitCode;
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        return 0;
      default:
        throw new CliError(`unknown command "${command}"\n\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof CliError || error instanceof IngestError) {
      process.stderr.write(`annoqa: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`annoqa: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

async function openEngine(engine: ReportArgs['engine']): Promise<Connector> {
  if (engine === 'native') return (await import('../lib/db/native-node')).openNativeNode();
  return (await import('../lib/db/wasm-node')).openWasmNode();
}

/** A file's bytes and their SHA-256 (node:crypto's: several times faster on Node than the loaders' WebCrypto). */
function readInput(path: string): { bytes: Uint8Array; sha256: string } {
  try {
    const bytes = readFileOnDisk(path);
    return { bytes, sha256: sha256HexNode(bytes) };
  } catch (error) {
    throw new CliError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
}

async function runReport(args: ReportArgs): Promise<string> {
  // The app's stack: a read seen before (the data's fingerprint each cached metric checks, a
  // table two sections read) is answered from memory until the next write.
  const db = withResultCache(await openEngine(args.engine));
  const fits = runFitsInThreads();
  try {
    await createCanonicalTables(db);
    const common = {
      format: args.format,
      annotator: args.annotator,
      batchId: args.batch,
      controls: args.controls,
      mapping: args.mapping,
    };
    for (const path of args.files) {
      await loadFile(db, { ...common, fileName: basename(path), ...readInput(path) });
    }
    for (const path of args.goldFiles) {
      await loadFile(db, {
        ...common,
        format: 'auto',
        mapping: undefined,
        fileName: basename(path),
        ...readInput(path),
        role: 'gold',
      });
    }
    await refreshQuestions(db, args.levels);
    const report = await buildReport(db, { bootstrap: args.bootstrap, target: args.target, confidence: args.confidence });
    return args.json ? `${JSON.stringify(report, null, 2)}\n` : formatReportText(report);
  } finally {
    await fits.close();
    await db.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
