/** Tables with more rows than this render only the rows in view (see `rowWindow`); smaller ones render every row. */
export const VIRTUAL_ROWS_THRESHOLD = 200;

/** The rows a windowed table renders, and the heights of the spacers that stand in for the others. */
export interface RowWindow {
  /** Index of the first rendered row. */
  start: number;
  /** One past the index of the last rendered row (`start === end` when nothing is rendered). */
  end: number;
  /** Height (px) of the rows before `start`: the top spacer. */
  before: number;
  /** Height (px) of the rows from `end` on: the bottom spacer. */
  after: number;
}

export interface RowWindowInput {
  rowCount: number;
  /** Height of one row in px (rows of a windowed table are one line, so all the same height). */
  rowHeight: number;
  /** How far the first row has been scrolled past the top of the viewport, in px (negative: not yet reached). */
  scrollTop: number;
  /** Height of the scrolling viewport in px. */
  viewportHeight: number;
  /** Extra rows rendered on each side of the visible ones, so a fast scroll shows no gap. */
  overscan: number;
}

/**
 * The rows to render for a viewport scrolled to `scrollTop` over `rowCount` rows of equal
 * `rowHeight`: the visible ones plus `overscan` on each side. When the scroll position is past
 * the end (the row count shrank while scrolled down, before the browser clamps the scroll) the
 * last screenful is rendered, never an empty window. `before + (end − start) · rowHeight + after`
 * is always `rowCount · rowHeight`, so the scrollbar keeps the full table's length.
 */
export function rowWindow({ rowCount, rowHeight, scrollTop, viewportHeight, overscan }: RowWindowInput): RowWindow {
  if (!Number.isInteger(rowCount) || rowCount < 0) throw new Error(`rowWindow needs a row count ≥ 0; got ${rowCount}`);
  if (!(rowHeight > 0) || !Number.isFinite(rowHeight))
    throw new Error(`rowWindow needs a row height > 0 px; got ${rowHeight} (measure a rendered row, or pass a default)`);
  const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const lastFirst = Math.max(0, rowCount - visible);
  const first = Math.min(Math.max(0, Math.floor(scrollTop / rowHeight) || 0), lastFirst);
  const extra = Math.max(0, Math.floor(overscan) || 0);
  const start = Math.max(0, first - extra);
  const end = Math.min(rowCount, first + visible + extra);
  return { start, end, before: start * rowHeight, after: (rowCount - end) * rowHeight };
}
