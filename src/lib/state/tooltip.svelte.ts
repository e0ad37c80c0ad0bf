import type { Action } from 'svelte/action';

/** The id of the one tooltip element (ChartTooltip.svelte); marks point at it with aria-describedby while it shows their text. */
export const TOOLTIP_ID = 'annoqa-chart-tooltip';

/** The shared chart tooltip: which mark it describes and what it says. */
class TooltipState {
  text = $state('');
  anchor: DOMRect | null = $state.raw(null);
  owner: Element | null = null;

  show(node: Element, text: string): void {
    this.owner?.removeAttribute('aria-describedby');
    this.owner = node;
    this.text = text;
    this.anchor = node.getBoundingClientRect();
    node.setAttribute('aria-describedby', TOOLTIP_ID);
  }

  hide(node?: Element): void {
    if (node && node !== this.owner) return;
    this.owner?.removeAttribute('aria-describedby');
    this.owner = null;
    this.anchor = null;
  }
}

export const tooltip = new TooltipState();

const MARK = 'data-tip';
const marksOf = (node: Element) => [...(node.closest('svg')?.querySelectorAll(`[${MARK}]`) ?? [])] as SVGElement[];

/** The mark a key moves focus to among its chart's marks (arrows: previous/next, Home/End: first/last), or null. */
function nextMark(node: SVGElement, key: string): SVGElement | null {
  const marks = marksOf(node);
  const at = marks.indexOf(node);
  const to =
    key === 'ArrowRight' || key === 'ArrowDown'
      ? at + 1
      : key === 'ArrowLeft' || key === 'ArrowUp'
        ? at - 1
        : key === 'Home'
          ? 0
          : key === 'End'
            ? marks.length - 1
            : -1;
  return to >= 0 && to < marks.length && to !== at ? marks[to] : null;
}

/**
 * Svelte action for a chart mark: shows `text` (formatted numbers with units) in the shared
 * HTML tooltip on pointer hover and on keyboard focus; Escape hides it. Marks without their own
 * tabindex get a roving one (one Tab stop per chart; arrow keys, Home and End move between marks)
 * and, without their own name, `role="img"` and `aria-label={text}`.
 */
export const chartTip: Action<SVGElement, string> = (node, initial) => {
  let text = initial;
  const roving = !node.hasAttribute('tabindex');
  const named = node.hasAttribute('aria-label');
  node.setAttribute(MARK, '');
  // the chart's first mark is its Tab stop (querySelector stops at the first match: a chart of n marks mounts in O(n), not O(n²))
  if (roving) node.setAttribute('tabindex', node.closest('svg')?.querySelector(`[${MARK}]`) === node ? '0' : '-1');
  if (!named) {
    node.setAttribute('role', 'img');
    node.setAttribute('aria-label', text);
  }
  // Focus and blur also fire while Svelte updates the DOM (a focused mark removed by a
  // drill-down): state changes wait for that update to finish, as Svelte requires.
  const show = () => queueMicrotask(() => node.isConnected && tooltip.show(node, text));
  const hide = () => queueMicrotask(() => tooltip.hide(node));
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') return tooltip.hide(node);
    const target = nextMark(node, event.key);
    if (!target) return;
    event.preventDefault();
    if (roving && target.getAttribute('tabindex') === '-1') {
      node.setAttribute('tabindex', '-1');
      target.setAttribute('tabindex', '0');
    }
    target.focus();
  };
  node.addEventListener('pointerenter', show);
  node.addEventListener('pointerleave', hide);
  node.addEventListener('focus', show);
  node.addEventListener('blur', hide);
  node.addEventListener('keydown', onKey);
  return {
    update(next: string) {
      text = next;
      if (!named) node.setAttribute('aria-label', text);
      // state changes wait for the render in progress to finish (Svelte forbids them inside it)
      if (tooltip.owner === node) queueMicrotask(() => tooltip.owner === node && (tooltip.text = text));
    },
    // The mark leaves the page with its listeners: only the tooltip it owns and the chart's Tab
    // stop need mending (a filter change can remove thousands of marks at once).
    destroy() {
      if (tooltip.owner === node) hide();
      const svg = roving && node.getAttribute('tabindex') === '0' ? node.closest('svg') : null;
      if (svg)
        queueMicrotask(() => {
          const marks = [...svg.querySelectorAll(`[${MARK}]`)];
          if (marks.length && !marks.some((m) => m.getAttribute('tabindex') === '0')) marks[0].setAttribute('tabindex', '0');
        });
    },
  };
};
