import { describe, expect, it } from 'vitest';
import { parseJsonArrayElements } from '../../../src/lib/ingest/json-array-elements';
import { closeJsonPrefix } from '../../../src/lib/ingest/json-prefix';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseJsonArrayElements', () => {
  // The reference is JSON.parse of the whole text: element by element must give the same value.
  it.each([
    ['[]'],
    ['  [ 1 , "two", null, true, {"a": [1, {"b": "]},["}]} ]\n'],
    ['\uFEFF[{"s": "quote \\" and backslash \\\\", "t": "\\\\"}, {"u": "ü ✓ 𝄞"}]'],
    ['[[1,2],[3,[4,[5]]], -1.5e3, ""]'],
  ])('gives what JSON.parse gives: %s', (text) => {
    expect(parseJsonArrayElements(bytes(text))).toEqual(JSON.parse(text.replace(/^\uFEFF/, '')));
  });

  it.each([
    ['not an array', '{"a": 1}'],
    ['trailing comma', '[1, 2,]'],
    ['two commas', '[1,,2]'],
    ['cut off', '[{"a": 1}, {"b": '],
    ['unterminated string', '[{"a": "x}]'],
    ['text after the array', '[1] x'],
    ['invalid element', '[{"a": tru}]'],
  ])('returns null (the caller reads the whole document and names the problem): %s', (_, text) => {
    expect(parseJsonArrayElements(bytes(text))).toBeNull();
  });

  it('returns null on invalid UTF-8 inside an element', () => {
    const data = new Uint8Array([...bytes('[{"a": "'), 0xff, ...bytes('"}]')]);
    expect(parseJsonArrayElements(data)).toBeNull();
  });

  it('reports the element count every 1,000 elements and at the end', () => {
    const counts: number[] = [];
    const text = `[${Array.from({ length: 2500 }, (_, i) => `{"id": ${i}}`).join(',')}]`;
    expect(parseJsonArrayElements(bytes(text), (n) => counts.push(n))).toHaveLength(2500);
    expect(counts).toEqual([1000, 2000, 2500]);
  });
});

describe('closeJsonPrefix', () => {
  it.each([
    ['[{"a":1},{"b":', '[{"a":1},{}]'],
    ['[{"a":1,"b":[1,2', '[{"a":1,"b":[1]}]'],
    ['{"images": [{"id": 1}, {"id"', '{"images": [{"id": 1}, {}]}'],
    ['{"k": "a, [b", "l', '{"k": "a, [b"}'],
    ['[1, 2]  trailing', '[1, 2]'],
    ['{"x": 1', '{}'],
  ])('%s → %s', (prefix, expected) => {
    const closed = closeJsonPrefix(prefix);
    expect(closed).toBe(expected);
    expect(() => JSON.parse(closed!)).not.toThrow();
  });

  it('is null when no value has begun', () => {
    expect(closeJsonPrefix('   ')).toBeNull();
  });
});
