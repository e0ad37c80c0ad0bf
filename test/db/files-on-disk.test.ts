import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { fileOnDisk, readFileOnDisk } from '../../src/lib/db/files-on-disk';
import { openNativeNode } from '../../src/lib/db/native-node';

// The CLI reads a file and registers its bytes with the engine; native DuckDB reads registered
// files from disk, so bytes read from a file are linked, not written again (a 1.35 GB copy at 10M).
let db: Connector;
let folder: string;
beforeAll(async () => {
  db = await openNativeNode();
  folder = mkdtempSync(join(tmpdir(), 'annoqa-files-on-disk-'));
});
afterAll(async () => {
  await db.close();
  rmSync(folder, { recursive: true, force: true });
});

const count = async (name: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM read_csv('${name}', header = true)`))[0].n;

describe('bytes read from a file, registered with native DuckDB', () => {
  it('are read from that file, not from a copy (a change to the file after registering is seen)', async () => {
    const path = join(folder, 'export.csv');
    writeFileSync(path, 'a,b\n1,2\n');
    const bytes = readFileOnDisk(path);
    expect(fileOnDisk(bytes)).toBe(path);
    await db.registerFile('linked.csv', bytes);
    expect(await count('linked.csv')).toBe(1);
    writeFileSync(path, 'a,b\n1,2\n3,4\n');
    expect(await count('linked.csv')).toBe(2);
    // dropping the registration leaves the user's file alone
    await db.dropFile('linked.csv');
    expect(readFileSync(path, 'utf8')).toBe('a,b\n1,2\n3,4\n');
  });

  it('other bytes (a copy, or changed) are written as before, never through a link to the user’s file', async () => {
    const path = join(folder, 'kept.csv');
    writeFileSync(path, 'a\n1\n');
    const bytes = readFileOnDisk(path);
    expect(fileOnDisk(bytes.slice())).toBeUndefined();
    await db.registerFile('same-name.csv', bytes);
    await db.registerFile('same-name.csv', new TextEncoder().encode('a\n1\n2\n3\n'));
    expect(await count('same-name.csv')).toBe(3);
    expect(readFileSync(path, 'utf8')).toBe('a\n1\n');
    await db.dropFile('same-name.csv');
  });
});
