export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Where a tooltip of `size` goes for a mark whose box is `anchor` (viewport coordinates):
 * centred above the mark, or below it when there is no room above; always at least `margin`
 * px inside a `viewport` of width × height (clamped when the tooltip is larger than the room).
 */
export function placeTooltip(
  anchor: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  gap = 8,
  margin = 4,
): { left: number; top: number; side: 'above' | 'below' } {
  const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(value, Math.max(low, high)));
  const left = clamp(anchor.left + anchor.width / 2 - size.width / 2, margin, viewport.width - size.width - margin);
  const above = anchor.top - gap - size.height;
  if (above >= margin) return { left, top: above, side: 'above' };
  const below = anchor.top + anchor.height + gap;
  return { left, top: clamp(below, margin, viewport.height - size.height - margin), side: 'below' };
}
