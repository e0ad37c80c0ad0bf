import type { Page } from 'playwright-core';

/** One state of the loading panel as the page showed it. */
export interface SeenProgress {
  at: number;
  phase: string | null;
  bytes: string | null;
  records: string | null;
  accounted: string | null;
  count: string | null;
}

/** What the page recorded while a file loaded. */
export interface LoadWatch {
  /** Every distinct state of the loading panel, in order. */
  seen: SeenProgress[];
  /**
   * Long tasks (main-thread blocks ≥ 50 ms, Long Tasks API) that began while the file was read,
   * parsed and loaded: up to the last change of the loading panel. The task that then swaps the
   * panel for the dashboard (drawing the views) is not part of the load: see `renderLongTasks`.
   */
  longTasks: { start: number; duration: number; phase: string | null }[];
  /** Long tasks from the last change of the loading panel until it went away (the dashboard's first draw). */
  renderLongTasks: { start: number; duration: number }[];
  /** The longest gap between two animation frames while loading (ms). */
  maxFrameGapMs: number;
  /** performance.now() when the watch started and when the loading panel went away. */
  startedAt: number;
  endedAt: number | null;
}

/**
 * Installs observers in the page: the loading panel's phase, bytes and records (a
 * MutationObserver), long tasks on the main thread, and the gaps between animation frames.
 * Call before starting a load; read with `readLoadWatch` once it is over.
 */
export async function startLoadWatch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = {
      seen: [] as unknown[],
      longTasks: [] as { start: number; duration: number }[],
      frames: [] as [number, number][],
      startedAt: performance.now(),
      endedAt: null as number | null,
    };
    (window as unknown as { __loadWatch: typeof w }).__loadWatch = w;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
    let last = performance.now();
    const tick = (t: number) => {
      w.frames.push([last, t - last]);
      last = t;
      if (w.endedAt === null) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    let key = '';
    const text = (id: string) => document.querySelector(`[data-testid=${id}]`)?.textContent?.trim() ?? null;
    const observer = new MutationObserver(() => {
      const panel = document.querySelector('[data-testid=loading]');
      if (!panel) {
        if (w.seen.length > 0 && w.endedAt === null) {
          w.endedAt = performance.now();
          observer.disconnect();
        }
        return;
      }
      const state = {
        at: performance.now(),
        phase: document.querySelector('[data-testid=loading-phase]')?.getAttribute('data-phase') ?? null,
        bytes: text('loading-bytes'),
        records: text('loading-records'),
        accounted: text('loading-accounted'),
        count: text('loading-count'),
      };
      const next = `${state.phase}|${state.bytes}|${state.records}|${state.accounted}|${state.count}`;
      if (next !== key) w.seen.push(state);
      key = next;
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** Waits until the loading panel has been shown and has gone away again. */
export async function waitForLoadEnd(page: Page, timeout = 600_000): Promise<void> {
  await page.waitForFunction(
    () => (window as unknown as { __loadWatch: { endedAt: number | null } }).__loadWatch.endedAt !== null,
    null,
    {
      timeout,
      polling: 100,
    },
  );
}

/** Reads what `startLoadWatch` recorded, keeping only what happened while the panel was shown. */
export async function readLoadWatch(page: Page): Promise<LoadWatch> {
  return page.evaluate(() => {
    const w = (
      window as unknown as {
        __loadWatch: {
          seen: SeenProgress[];
          longTasks: { start: number; duration: number }[];
          frames: [number, number][];
          startedAt: number;
          endedAt: number | null;
        };
      }
    ).__loadWatch;
    const end = w.endedAt ?? performance.now();
    const firstShown = w.seen[0]?.at ?? w.startedAt;
    const lastChange = w.seen.at(-1)?.at ?? end;
    const phaseAt = (t: number) => [...w.seen].reverse().find((s) => s.at <= t)?.phase ?? null;
    return {
      seen: w.seen,
      longTasks: w.longTasks
        .filter((t) => t.start >= firstShown && t.start < lastChange)
        .map((t) => ({ ...t, phase: phaseAt(t.start) })),
      renderLongTasks: w.longTasks.filter((t) => t.start >= lastChange && t.start < end + 1000),
      maxFrameGapMs: Math.max(0, ...w.frames.filter(([t]) => t >= firstShown && t < end).map(([, gap]) => gap)),
      startedAt: w.startedAt,
      endedAt: w.endedAt,
    };
  });
}

/** The numbers in a text like "· read 1,234 rows: 1,230 loaded, 4 rejected" or "1,234 records parsed". */
export function numbersIn(text: string | null): number[] {
  return [...(text ?? '').matchAll(/\d[\d,]*(\.\d+)?/g)].map((m) => Number(m[0].replaceAll(',', '')));
}

/** The first number in a text (NaN when there is none). */
export function firstNumber(text: string | null): number {
  return numbersIn(text)[0] ?? NaN;
}
