/**
 * Turns the first part of a JSON document (a file's head) into valid JSON: cut at the last
 * point where every value before it is complete (before a comma, after an opening or closing
 * bracket), then close the brackets still open: `[{"a":1},{"b":` → `[{"a":1},{}]` (a value cut
 * short stays, emptied: only values before the last one are whole). Returns the
 * complete document when the text holds one, and null when no such point exists.
 */
export function closeJsonPrefix(text: string): string | null {
  let closers = ''; // the brackets to close, innermost last
  let cut = -1;
  let cutClosers = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      closers += c === 0x7b ? '}' : ']';
      cut = i + 1;
      cutClosers = closers;
    } else if (c === 0x7d || c === 0x5d) {
      closers = closers.slice(0, -1);
      if (closers === '') return text.slice(0, i + 1);
      cut = i + 1;
      cutClosers = closers;
    } else if (c === 0x2c) {
      cut = i;
      cutClosers = closers;
    }
  }
  return cut < 0 ? null : text.slice(0, cut) + [...cutClosers].reverse().join('');
}
