import type { ColumnMapping, MappableField } from './column-mapping';
import { IngestError } from './ingest-error';

/** The fields a role needs are mapped, and every mapped column exists: else a message naming the columns there are. */
export function checkMapping(fileName: string, role: 'judgements' | 'gold', mapping: ColumnMapping, columns: string[]): void {
  const needed: [MappableField, string][] =
    role === 'gold'
      ? [['item_id', 'item id (item, task, id …)']]
      : [
          ['item_id', 'item id (item, task, id …)'],
          ['annotator_id', 'annotator (annotator, worker, user, completed_by …)'],
        ];
  for (const [field, what] of needed) {
    if (!mapping[field]) {
      throw new IngestError(
        fileName,
        `no column for the ${what}; the header has: ${columns.join(', ')}. Map one with --map COLUMN=${field}`,
        1,
      );
    }
  }
  if (role === 'gold' ? !mapping.gold && !mapping.answer : !mapping.answer && !mapping.text && !mapping.x) {
    throw new IngestError(
      fileName,
      `no column for the ${role === 'gold' ? 'gold answer (gold, truth, expected, label …)' : 'answer (label, answer, choice, value, rating …)'}; the header has: ${columns.join(', ')}. Map one with --map COLUMN=${role === 'gold' ? 'gold' : 'answer'}`,
      1,
    );
  }
  for (const [field, column] of Object.entries(mapping)) {
    if (!columns.includes(column))
      throw new IngestError(
        fileName,
        `--map names a column "${column}" (for ${field}) that the header does not have; it has: ${columns.join(', ')}`,
        1,
      );
  }
}
