import { getContext, setContext } from 'svelte';

/** The drill-downs a table or chart can start without the view threading callbacks through every panel. */
export interface DrillActions {
  /** Annotator → the items they answered, every annotator's answer side by side (Data view). */
  annotator(annotatorId: string): void;
}

const KEY = Symbol('annoqa.drill');

/** Makes the drill-downs available to every component below the caller (App.svelte). */
export function provideDrillActions(actions: DrillActions): void {
  setContext(KEY, actions);
}

/** The drill-downs, or undefined where none is provided (golden tests, the HTML report). */
export function drillActions(): DrillActions | undefined {
  return getContext<DrillActions | undefined>(KEY);
}
