import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { IngestError } from '../../../src/lib/ingest/ingest-error';
import { loadFile, type LoadFileResult } from '../../../src/lib/ingest/load-file';
import { randomIndex, seededRandom } from '../../../src/lib/stats/seeded-random';
import { clearDb, freshDb } from '../../helpers/db';
import { expectAccounted, FIXTURES } from './fixture-loading';

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(async () => {
  await db.close();
});

const NOISE = [',', '"', '\n', '{', '}', '[', ':', 'x', '\t', 'é', ' ', '\\'];

/** Applies 1–4 random edits (delete, insert, duplicate or drop a line, truncate) with a seeded generator. */
function corrupt(text: string, random: () => number): string {
  let out = text;
  const edits = 1 + randomIndex(random, 4);
  for (let e = 0; e < edits; e++) {
    const at = randomIndex(random, Math.max(out.length, 1));
    const lines = out.split('\n');
    const line = randomIndex(random, lines.length);
    switch (randomIndex(random, 5)) {
      case 0:
        out = out.slice(0, at) + out.slice(at + 1 + randomIndex(random, 5));
        break;
      case 1:
        out = out.slice(0, at) + NOISE[randomIndex(random, NOISE.length)] + out.slice(at);
        break;
      case 2:
        lines.splice(line, 0, lines[line]);
        out = lines.join('\n');
        break;
      case 3:
        lines.splice(line, 1);
        out = lines.join('\n');
        break;
      default:
        out = out.slice(0, Math.max(at, Math.floor(out.length / 2)));
    }
  }
  return out;
}

function longCsv(random: () => number): string {
  const rows = ['item_id,annotator_id,label,submitted_at,duration_s'];
  for (let i = 0; i < 30; i++) {
    rows.push(
      `item-${randomIndex(random, 8)},ann-${randomIndex(random, 4)},${['yes', 'no', 'maybe'][randomIndex(random, 3)]},2024-05-0${1 + randomIndex(random, 9)}T10:00:00Z,${randomIndex(random, 60)}`,
    );
  }
  return rows.join('\n') + '\n';
}

function prodigyJsonl(random: () => number): string {
  const lines: string[] = [];
  for (let i = 0; i < 30; i++) {
    lines.push(
      JSON.stringify({
        text: `text ${i}`,
        label: 'SPAM',
        _input_hash: randomIndex(random, 8),
        _annotator_id: `ann-${randomIndex(random, 4)}`,
        answer: ['accept', 'reject', 'ignore'][randomIndex(random, 3)],
        _timestamp: 1717200000 + i,
      }),
    );
  }
  return lines.join('\n') + '\n';
}

const ODD_VALUES: unknown[] = [null, '', 'x', -1, 1e308, [], {}, true, [1, 'a'], { x: 'y' }];

/** Replaces or deletes one random value deep inside parsed JSON (the text stays valid JSON). */
function mutateJson(value: unknown, random: () => number): unknown {
  const copy = structuredClone(value) as unknown;
  const containers: (Record<string, unknown> | unknown[])[] = [];
  const walk = (v: unknown) => {
    if (v && typeof v === 'object') {
      containers.push(v as Record<string, unknown>);
      for (const child of Object.values(v)) walk(child);
    }
  };
  walk(copy);
  for (let e = 0; e < 1 + randomIndex(random, 3); e++) {
    const target = containers[randomIndex(random, containers.length)];
    const keys = Object.keys(target);
    if (keys.length === 0) continue;
    const key = keys[randomIndex(random, keys.length)];
    if (random() < 0.3 && !Array.isArray(target)) delete target[key];
    else (target as Record<string, unknown>)[key] = structuredClone(ODD_VALUES[randomIndex(random, ODD_VALUES.length)]);
  }
  return copy;
}

/** Loads corrupted text: either a clear IngestError (nothing left behind) or a fully accounted source. */
async function loadCorrupted(fileName: string, text: string): Promise<LoadFileResult | undefined> {
  await clearDb(db);
  try {
    const source = await loadFile(db, { fileName, bytes: new TextEncoder().encode(text) });
    await expectAccounted(db, source);
    // The CSV loader counts judgement rows (a gold column rides along); adapters count judgement and gold rows.
    const table = ['csv', 'tsv', 'ndjson'].includes(source.detected) && source.role !== 'gold' ? 'judgements' : 'gold';
    const [{ n }] = await db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM judgements WHERE source_id = ${source.sourceId}) + ${table === 'gold' ? `(SELECT count(*) FROM gold WHERE source_id = ${source.sourceId})` : '0'} AS n`,
    );
    expect(n).toBe(source.rowsLoaded);
    return source;
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    expect(await db.query('SELECT count(*)::INTEGER AS n FROM sources')).toEqual([{ n: 0 }]);
    return undefined;
  }
}

describe('rows_read = rows_loaded + rows_rejected on randomly corrupted files (seeded)', () => {
  it('long CSV: 25 corrupted variants', async () => {
    const random = seededRandom(20240701);
    let loaded = 0;
    for (let i = 0; i < 25; i++) {
      if (await loadCorrupted(`corrupt-${i}.csv`, corrupt(longCsv(random), random))) loaded++;
    }
    // Most variants still load (with rejections): the property is exercised, not only the error path.
    expect(loaded).toBeGreaterThan(12);
  }, 180_000);

  it('Prodigy JSONL: 25 corrupted variants; every non-blank line is read exactly once', async () => {
    const random = seededRandom(20240702);
    let loaded = 0;
    for (let i = 0; i < 25; i++) {
      const text = corrupt(prodigyJsonl(random), random);
      const source = await loadCorrupted(`corrupt-${i}.jsonl`, text);
      if (!source) continue;
      loaded++;
      // Read as Prodigy, each non-blank line is one record; read as generic NDJSON the table rules apply.
      if (source.detected === 'prodigy') expect(source.rowsRead).toBe(text.split('\n').filter((l) => l.trim() !== '').length);
    }
    expect(loaded).toBeGreaterThan(12);
  }, 180_000);

  // Every adapter meets values of the wrong type or missing keys without crashing: a clear IngestError or an accounted load.
  const JSON_FIXTURES = [
    'labelstudio/full-export.json',
    'labelstudio/json-min.json',
    'coco/instances.json',
    'argilla/records-v2.json',
  ];
  const JSONL_FIXTURES = ['labelbox/export-v2.ndjson', 'prodigy/compare-and-choice.jsonl', 'argilla/records-v1.jsonl'];
  it('JSON exports of every tool: 10 structurally corrupted variants each', async () => {
    const random = seededRandom(20240703);
    for (const fixture of [...JSON_FIXTURES, ...JSONL_FIXTURES]) {
      const text = readFileSync(join(FIXTURES, fixture), 'utf8');
      for (let i = 0; i < 10; i++) {
        const corrupted = JSON_FIXTURES.includes(fixture)
          ? JSON.stringify(mutateJson(JSON.parse(text), random))
          : text
              .split('\n')
              .filter((l) => l.trim() !== '' && !l.endsWith('"accept"'))
              .map((l) => {
                try {
                  return JSON.stringify(mutateJson(JSON.parse(l), random));
                } catch {
                  return l;
                }
              })
              .join('\n');
        await loadCorrupted(fixture.replace(/^.*\//, `${i}-`), corrupted);
      }
    }
  }, 300_000);
});
