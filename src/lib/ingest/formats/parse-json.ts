import { IngestError } from '../ingest-error';
import { excerptOf, type CanonicalRejection } from './canonical-rows';

/** One parsed line of a JSON Lines file, with its 1-based line number. */
export interface JsonLine {
  line: number;
  value: unknown;
}

/**
 * Parses a whole JSON document. On failure the message names the line (and column) where the
 * parser stopped, and says when the text simply ends early (a truncated download or export).
 */
export function parseJsonDocument(fileName: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw jsonError(fileName, text, error);
  }
}

/**
 * Parses JSON Lines (NDJSON): blank lines are skipped; a line that is not valid JSON, or not
 * an object, becomes a rejection naming its line (the rest of the file still loads).
 */
export function parseJsonLines(text: string): { records: JsonLine[]; rejections: CanonicalRejection[] } {
  const records: JsonLine[] = [];
  const rejections: CanonicalRejection[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        rejections.push({
          source_row: index + 1,
          line: index + 1,
          reason: `line ${index + 1} is JSON but not an object ({…}); each line must be one record`,
          excerpt: excerptOf(line),
        });
      } else {
        records.push({ line: index + 1, value });
      }
    } catch (error) {
      const last = index === lines.length - 1 || lines.slice(index + 1).every((l) => l.trim() === '');
      const what =
        last && !line.endsWith('}') ? 'the last line is cut off (truncated file?)' : `line ${index + 1} is not valid JSON`;
      rejections.push({
        source_row: index + 1,
        line: index + 1,
        reason: `${what}: ${plainJsonMessage(error)}`,
        excerpt: excerptOf(line),
      });
    }
  });
  return { records, rejections };
}

function jsonError(fileName: string, text: string, error: unknown): IngestError {
  const message = plainJsonMessage(error);
  if (/end of (JSON )?input|unterminated|unexpected end/i.test(message)) {
    const lines = text.split('\n').length;
    return new IngestError(
      fileName,
      `the JSON ends before it is complete (truncated file?): expected more after the last line; ${message}`,
      lines,
    );
  }
  const position = Number(/position (\d+)/.exec(message)?.[1] ?? NaN);
  if (Number.isFinite(position)) {
    const before = text.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    return new IngestError(
      fileName,
      `not valid JSON at column ${column}: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
      line,
    );
  }
  return new IngestError(fileName, `not valid JSON: ${message}`);
}

function plainJsonMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
