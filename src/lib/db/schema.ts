import type { Connector } from './connector';
import { GOLD_VIEW } from './gold-join';

/**
 * The canonical tables of DESIGN.md. Every input format is turned into these; every metric
 * reads only these. Columns beyond DESIGN.md are additions (never renames): `image_w`,
 * `image_h` on judgements; `strategy` on questions; `line` and `excerpt` on rejections;
 * the `warnings` table for records that loaded but carry a remark (e.g. conflicting gold);
 * judgements' integer keys `item_no`, `question_no`, `annotator_no` and their dictionaries
 * (ingest/integer-keys.ts).
 */
export const CANONICAL_SCHEMA = `
CREATE TABLE IF NOT EXISTS sources (
  source_id INTEGER PRIMARY KEY,
  file_name VARCHAR NOT NULL,
  format VARCHAR NOT NULL,
  role VARCHAR NOT NULL DEFAULT 'judgements',
  bytes BIGINT NOT NULL,
  sha256 VARCHAR NOT NULL,
  rows_read BIGINT NOT NULL,
  rows_loaded BIGINT NOT NULL,
  rows_rejected BIGINT NOT NULL,
  loaded_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS judgements (
  source_id INTEGER NOT NULL,
  source_row BIGINT NOT NULL,
  batch_id VARCHAR NOT NULL,
  strategy VARCHAR NOT NULL,
  item_id VARCHAR NOT NULL,
  question VARCHAR NOT NULL,
  annotator_id VARCHAR NOT NULL,
  value_kind VARCHAR,
  label VARCHAR,
  score DOUBLE,
  text VARCHAR,
  x DOUBLE, y DOUBLE, w DOUBLE, h DOUBLE,
  image_w DOUBLE, image_h DOUBLE,
  started_at TIMESTAMP,
  submitted_at TIMESTAMP,
  duration_s DOUBLE,
  cost_usd DOUBLE,
  prelabeled BOOLEAN,
  option_a VARCHAR,
  option_b VARCHAR,
  shown_first VARCHAR,
  item_no INTEGER NOT NULL,
  question_no INTEGER NOT NULL,
  annotator_no INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS item_keys (batch_id VARCHAR NOT NULL, item_id VARCHAR NOT NULL, item_no INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS question_keys (
  batch_id VARCHAR NOT NULL, strategy VARCHAR NOT NULL, question VARCHAR NOT NULL, question_no INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS annotator_keys (annotator_id VARCHAR NOT NULL, annotator_no INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS gold (
  source_id INTEGER NOT NULL,
  source_row BIGINT NOT NULL,
  batch_id VARCHAR NOT NULL,
  item_id VARCHAR NOT NULL,
  question VARCHAR NOT NULL,
  label VARCHAR,
  score DOUBLE,
  text VARCHAR,
  x DOUBLE, y DOUBLE, w DOUBLE, h DOUBLE
);
CREATE TABLE IF NOT EXISTS rejections (
  source_id INTEGER NOT NULL,
  source_row BIGINT,
  line BIGINT,
  reason VARCHAR NOT NULL,
  excerpt VARCHAR
);
CREATE TABLE IF NOT EXISTS warnings (
  source_id INTEGER NOT NULL,
  source_row BIGINT,
  message VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS questions (
  batch_id VARCHAR NOT NULL,
  strategy VARCHAR NOT NULL,
  question VARCHAR NOT NULL,
  value_kind VARCHAR NOT NULL,
  level VARCHAR NOT NULL,
  level_source VARCHAR NOT NULL,
  categories VARCHAR[],
  PRIMARY KEY (batch_id, strategy, question)
);
`;

/** Empties every canonical table (the sample makes way for the user's files). */
export const CLEAR_CANONICAL_TABLES = [
  ...['judgements', 'gold', 'rejections', 'warnings', 'sources', 'questions'],
  ...['item_keys', 'question_keys', 'annotator_keys'],
]
  .map((table) => `DELETE FROM ${table};`)
  .join(' ');

/** Creates the canonical tables (idempotent). */
export async function createCanonicalTables(db: Connector): Promise<void> {
  await db.exec(CANONICAL_SCHEMA);
  await db.exec(GOLD_VIEW);
}

/** Levels of measurement (Krippendorff 2011). */
export const LEVELS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;
export type Level = (typeof LEVELS)[number];

/** Kinds of answer a judgement carries. */
export const VALUE_KINDS = ['category', 'number', 'text', 'box', 'preference'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];
