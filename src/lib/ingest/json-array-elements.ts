const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * Parses a JSON document whose top level is an array (`[ {…}, {…} ]`: a Label Studio export,
 * a list of records) one element at a time, straight from the bytes: a 200 MB export never
 * becomes one 200 MB string, and `onElements` hears the count as it grows (progress).
 *
 * The bytes are scanned for the top-level commas (strings and nesting skipped); each element is
 * decoded (strict UTF-8) and given to `JSON.parse`. Returns `null` when the text is not such an
 * array, or when anything is wrong with it (invalid UTF-8 or JSON, cut off, trailing text): the
 * caller then parses the whole document the ordinary way, which names the line and the problem.
 */
export function parseJsonArrayElements(bytes: Uint8Array, onElements?: (count: number) => void): unknown[] | null {
  const n = bytes.length;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < n && isSpace(bytes[i])) i++;
  if (bytes[i] !== OPEN_BRACKET) return null;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const elements: unknown[] = [];
  let depth = 0;
  let start = -1;
  let afterComma = false;
  const push = (end: number): boolean => {
    try {
      elements.push(JSON.parse(decoder.decode(bytes.subarray(start, end))));
    } catch {
      return false;
    }
    if (onElements && elements.length % 1000 === 0) onElements(elements.length);
    return true;
  };
  for (i++; i < n; i++) {
    const b = bytes[i];
    if (b === QUOTE) {
      const end = closingQuote(bytes, i);
      if (end < 0) return null;
      if (start < 0) start = i;
      i = end;
    } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      if (start < 0) start = i;
      depth++;
    } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
      if (depth > 0) {
        depth--;
        continue;
      }
      // The end of the top-level array: the last element, then only blank space may follow.
      if (b !== CLOSE_BRACKET) return null;
      if (start >= 0 ? !push(i) : afterComma) return null;
      for (i++; i < n; i++) if (!isSpace(bytes[i])) return null;
      onElements?.(elements.length);
      return elements;
    } else if (b === COMMA && depth === 0) {
      if (start < 0 || !push(i)) return null;
      start = -1;
      afterComma = true;
    } else if (start < 0 && !isSpace(b)) {
      start = i; // a number, true, false or null
    }
  }
  return null; // cut off before the closing bracket
}

/** Index of the quote that closes the string opened at `open`, or -1. */
function closingQuote(bytes: Uint8Array, open: number): number {
  let j = open + 1;
  for (;;) {
    j = bytes.indexOf(QUOTE, j);
    if (j < 0) return -1;
    let backslashes = 0;
    for (let k = j - 1; bytes[k] === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return j;
    j++;
  }
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}
