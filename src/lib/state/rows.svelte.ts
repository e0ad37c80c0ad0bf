import type { Connector } from '../db/connector';
import type { Filters } from '../metrics/filters';
import { itemAnswers, judgementRows, type ItemAnswers, type JudgementRow, type RowCondition } from '../report/judgement-rows';

/** The rows behind a number (drill-down) or the whole searchable table: one page at a time, queried in DuckDB. */
export class RowsState {
  title = $state('All judgements');
  search = $state('');
  offset = $state(0);
  readonly pageSize = 100;
  rows: JudgementRow[] = $state.raw([]);
  /** Side by side: one line per item with every annotator's answer (drill-downs open this way). */
  sideBySide = $state(false);
  items: ItemAnswers[] = $state.raw([]);
  total = $state(0);
  error: string | null = $state(null);
  condition: RowCondition | undefined = $state.raw(undefined);
  /** The annotator a drill-down is about: their answers stand out in the side-by-side table. */
  highlight: string | null = $state(null);

  /** Points the table at a drill-down (`condition` over judgements `j`), or back at all rows. */
  drill(title: string, condition?: RowCondition, highlight: string | null = null): void {
    this.title = title;
    this.condition = condition;
    this.highlight = highlight;
    this.offset = 0;
    this.sideBySide = condition !== undefined;
  }

  async refresh(db: Connector, filters: Filters): Promise<void> {
    try {
      const page = { condition: this.condition, limit: this.pageSize, offset: this.offset };
      if (this.sideBySide) {
        const result = await itemAnswers(db, filters, page);
        this.items = result.items;
        this.total = result.total;
      } else {
        const result = await judgementRows(db, filters, { ...page, search: this.search });
        this.rows = result.rows;
        this.total = result.total;
      }
      this.error = null;
    } catch (error) {
      this.error = (error as Error).message;
    }
  }
}
