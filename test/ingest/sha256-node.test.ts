import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/lib/ingest/sha256';
import { sha256HexNode } from '../../src/lib/ingest/sha256-node';

describe('sha256HexNode (the CLI’s file hash)', () => {
  it('gives the FIPS 180-2 test vectors', () => {
    // FIPS 180-2, Appendix B.1 ("abc") and the empty message.
    expect(sha256HexNode(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256HexNode(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('equals the page’s WebCrypto hash, so a file loaded by the CLI and by the page has one SHA-256', async () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7919) % 251);
    expect(sha256HexNode(bytes)).toBe(await sha256Hex(bytes));
  });
});
