import { flushSync } from 'svelte';

/**
 * How windowed tables render: `allRows` true makes every one of them render all its rows (as
 * tables under the threshold always do). Set only around a capture of the page's HTML.
 */
export const tableRendering = $state({ allRows: false });

/**
 * Runs `capture` with every table's rows in the DOM (the HTML report copies the page, and a
 * windowed table would otherwise carry only the rows in view), then lets them window again.
 */
export function withAllRowsRendered<T>(capture: () => T): T {
  tableRendering.allRows = true;
  try {
    flushSync();
    return capture();
  } finally {
    tableRendering.allRows = false;
  }
}
