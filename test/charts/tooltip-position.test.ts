import { describe, expect, it } from 'vitest';
import { placeTooltip } from '../../src/lib/charts/tooltip-position';

const viewport = { width: 1280, height: 720 };
const size = { width: 200, height: 40 };

describe('placeTooltip', () => {
  it('centres the tooltip above the mark', () => {
    // mark centre x = 500 + 10/2 = 505 → left = 505 − 100; top = 300 − 8 − 40
    expect(placeTooltip({ left: 500, top: 300, width: 10, height: 10 }, size, viewport)).toEqual({
      left: 405,
      top: 252,
      side: 'above',
    });
  });

  it('goes below a mark at the top edge and stays inside the right and left edges', () => {
    expect(placeTooltip({ left: 1270, top: 10, width: 8, height: 8 }, size, viewport)).toEqual({
      left: 1280 - 200 - 4,
      top: 26,
      side: 'below',
    });
    expect(placeTooltip({ left: 0, top: 400, width: 4, height: 4 }, size, viewport).left).toBe(4);
  });

  it('stays inside the bottom edge, and at the margin when the tooltip is larger than the viewport', () => {
    const tall = { width: 200, height: 700 };
    const placed = placeTooltip({ left: 600, top: 5, width: 10, height: 10 }, tall, viewport);
    expect(placed.top).toBe(720 - 700 - 4);
    const huge = placeTooltip({ left: 600, top: 5, width: 10, height: 10 }, { width: 2000, height: 900 }, viewport);
    expect(huge.left).toBe(4);
    expect(huge.top).toBe(4);
  });
});
