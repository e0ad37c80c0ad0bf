import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { IngestError } from '../../../src/lib/ingest/ingest-error';
import { loadFile } from '../../../src/lib/ingest/load-file';
import type { FormatChoice } from '../../../src/lib/ingest/detect-format';
import { freshDb } from '../../helpers/db';

const CORPUS = join(import.meta.dirname, '..', '..', 'fixtures', 'malformed');
const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

/** Each malformed file and the message it must produce: the file is named, with the line when known, and what was expected. */
const EXPECTED: Record<string, RegExp> = {
  'empty.json': /^empty\.json: the file is empty$/,
  'blank.csv': /^blank\.csv: the file holds only blank space/,
  'binary.csv':
    /^binary\.csv: this is a binary file, not text \(it contains NUL bytes\); AnnoQA reads JSON, JSONL, XML, CSV\/TSV and Parquet/,
  'latin1.csv': /^latin1\.csv, line 2: the text is not UTF-8 \(byte 31\); save the file as UTF-8/,
  'export.zip': /^export\.zip: this is a ZIP archive: unzip it/,
  'export.json.gz': /^export\.json\.gz: this is a gzip-compressed file/,
  'truncated.parquet': /^truncated\.parquet: the Parquet file is cut off \(no PAR1 footer/,
  'truncated-labelstudio.json': /^truncated-labelstudio\.json, line 4: the JSON ends before it is complete \(truncated file\?\)/,
  'missing-comma.json': /^missing-comma\.json, line 2: not valid JSON at column 27: Expected ',' or '}' after property value/,
  'not-cvat.xml': /^not-cvat\.xml: this XML file is not a CVAT for images 1\.1 export \(no <annotations> root\)/,
  'broken-cvat.xml': /^broken-cvat\.xml, line 5: not well-formed XML: Expected closing tag 'box'/,
  'unknown-object.json': /^unknown-object\.json, line 1: a JSON object with keys name, version is not an export AnnoQA knows/,
  'empty-list.json': /^empty-list\.json, line 1: the JSON list is empty: there are no records to load/,
  'single-value.json': /^single-value\.json, line 1: a \.json file must hold a JSON list/,
  'unknown-columns.csv':
    /^unknown-columns\.csv, line 1: no column for the item id \(item, task, id …\); the header has: foo, bar, baz/,
  'unterminated-quote.csv': /^unterminated-quote\.csv, line 2: a quoted field is opened but never closed/,
};

let db: Connector;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(async () => {
  await db.close();
});

async function failure(fileName: string, bytes: Uint8Array, format: FormatChoice = 'auto'): Promise<IngestError> {
  try {
    await loadFile(db, { fileName, bytes, format });
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    return error as IngestError;
  }
  throw new Error(`${fileName} loaded, but it should have been refused`);
}

describe('malformed inputs: each refused with a message naming the file, the place and what was expected', () => {
  it('has an expected message for every file of the corpus', () => {
    expect(
      readdirSync(CORPUS)
        .filter((f) => f !== 'README.md')
        .sort(),
    ).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [file, message] of Object.entries(EXPECTED)) {
    it(file, async () => {
      const error = await failure(file, readFileSync(join(CORPUS, file)));
      expect(error.message).toMatch(message);
      // Nothing of a refused file is left behind.
      expect(
        await db.query('SELECT (SELECT count(*) FROM sources)::INTEGER AS s, (SELECT count(*) FROM rejections)::INTEGER AS r'),
      ).toEqual([{ s: 0, r: 0 }]);
    });
  }

  it('refuses a format chosen by the user that does not fit the content, and says which fits', async () => {
    const coco = readFileSync(join(FIXTURES, 'coco', 'instances.json'));
    expect((await failure('instances.json', coco, 'labelstudio')).message).toBe(
      'instances.json: the format chosen is labelstudio, but this looks like a COCO JSON file; choose "coco" or "auto"',
    );
    const cvat = readFileSync(join(FIXTURES, 'cvat', 'job-annotations.xml'));
    expect((await failure('job.xml', cvat, 'prodigy')).message).toMatch(
      /^job\.xml: the format chosen is prodigy, but this looks like a CVAT for images 1\.1 XML file; choose "cvat"/,
    );
  });
});
