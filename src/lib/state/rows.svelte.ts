import type { Connector } from '../db/connector';
import type { Filters } from '../metrics/filters';
import { judgementRows, type JudgementRow, type RowCondition } from '../report/judgement-rows';

/** The rows behind a number (drill-down) or the whole searchable table: one page at a time, queried in DuckDB. */
export class RowsState {
  title = $state('All judgements');
  search = $state('');
  offset = $state(0);
  readonly pageSize = 100;
  rows: JudgementRow[] = $state.raw([]);
  total = $state(0);
  error: string | null = $state(null);
  condition: RowCondition | undefined = $state.raw(undefined);

  /** Points the table at a drill-down (`condition` over judgements `j`), or back at all rows. */
  drill(title: string, condition?: RowCondition): void {
    this.title = title;
    this.condition = condition;
    this.offset = 0;
  }

  async refresh(db: Connector, filters: Filters): Promise<void> {
    try {
      const page = await judgementRows(db, filters, {
        search: this.search,
        condition: this.condition,
        limit: this.pageSize,
        offset: this.offset,
      });
      this.rows = page.rows;
      this.total = page.total;
      this.error = null;
    } catch (error) {
      this.error = (error as Error).message;
    }
  }
}
