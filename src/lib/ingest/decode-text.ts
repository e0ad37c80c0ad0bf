import { IngestError } from './ingest-error';

/**
 * Decodes the start of a file as UTF-8 (BOM removed) and refuses binary or non-UTF-8 input
 * with a message that says so. `limit` bytes are decoded; a multi-byte character cut at the
 * limit is tolerated.
 */
export function decodeTextStart(fileName: string, bytes: Uint8Array, limit = 256 * 1024): string {
  const head = bytes.subarray(0, limit);
  if (head.length === 0) throw new IngestError(fileName, 'the file is empty');
  if (head.includes(0)) {
    throw new IngestError(fileName, 'this is a binary file, not text (it contains NUL bytes); AnnoQA reads CSV/TSV here');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: head.length < bytes.length });
  } catch {
    const at = firstInvalidUtf8(head);
    const line = countLines(head.subarray(0, at));
    throw new IngestError(fileName, `the text is not UTF-8 (byte ${at + 1}); save the file as UTF-8 and load it again`, line);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function countLines(bytes: Uint8Array): number {
  let lines = 1;
  for (const b of bytes) if (b === 10) lines++;
  return lines;
}

/** Byte offset of the first byte that is not valid UTF-8 (where the lenient decoder puts U+FFFD). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8').decode(bytes);
  return new TextEncoder().encode(text.slice(0, text.indexOf('\uFFFD'))).length;
}
