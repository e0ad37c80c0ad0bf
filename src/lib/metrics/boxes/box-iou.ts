import { raw, type SqlQuery } from '../../sql/sql';

/** A box in pixels, top-left origin. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Intersection over union (Jaccard index) of two axis-aligned boxes: area(A ∩ B) / area(A ∪ B)
 * (Everingham et al. 2010, PASCAL VOC, eq. 1). 0 when they do not overlap or an area is 0.
 */
export function boxIou(a: Box, b: Box): number {
  const iw = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const ih = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  if (iw <= 0 || ih <= 0) return 0;
  const intersection = iw * ih;
  const union = a.w * a.h + b.w * b.h - intersection;
  return union > 0 ? intersection / union : 0;
}

/** The same IoU as a SQL expression over two table aliases that have x, y, w, h columns. */
export function boxIouSql(a: string, b: string): SqlQuery {
  if (!/^\w+$/.test(a) || !/^\w+$/.test(b)) throw new Error('boxIouSql takes plain table aliases');
  const iw = `greatest(0, least(${a}.x + ${a}.w, ${b}.x + ${b}.w) - greatest(${a}.x, ${b}.x))`;
  const ih = `greatest(0, least(${a}.y + ${a}.h, ${b}.y + ${b}.h) - greatest(${a}.y, ${b}.y))`;
  return raw(`(${iw} * ${ih} / nullif(${a}.w * ${a}.h + ${b}.w * ${b}.h - ${iw} * ${ih}, 0))`);
}
