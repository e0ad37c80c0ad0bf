import { IngestError } from '../ingest-error';
import { excerptOf, type AdapterResult } from './canonical-rows';
import { isObject, toId, toNumber } from './canonical-values';

export interface CocoOptions {
  /** Who made the boxes when the annotations do not say; else `info.contributor`, else the file name. */
  annotator?: string;
  batchId?: string;
}

/**
 * COCO object-detection JSON (https://cocodataset.org/#format-data) → box judgements.
 * One record = one entry of `annotations` (`source_row` = its 1-based position).
 *
 * - item = the image's `file_name` (else its id); image_w/h = its width/height.
 * - box = `bbox` [x, y, width, height] in pixels, top-left origin (COCO's own convention);
 *   label = the category's `name`. Annotations without a bbox (segmentation only), with an
 *   unknown image or category, are rejected with the reason.
 * - annotator = the annotation's `annotator`/`annotator_id`/`user_id`/`attributes.annotator`
 *   (CVAT and other tools add one), else the loader's `annotator`, else `info.contributor`,
 *   else the file name.
 */
export function cocoAdapter(fileName: string, coco: Record<string, unknown>, options: CocoOptions = {}): AdapterResult {
  const images = new Map<string, Record<string, unknown>>();
  for (const image of Array.isArray(coco.images) ? coco.images.filter(isObject) : []) images.set(String(image.id), image);
  const categories = new Map<string, string>();
  for (const category of Array.isArray(coco.categories) ? coco.categories.filter(isObject) : []) {
    categories.set(String(category.id), toId(category.name) ?? String(category.id));
  }
  if (!Array.isArray(coco.annotations)) throw new IngestError(fileName, 'a COCO file needs an "annotations" list', 1);
  const info = isObject(coco.info) ? coco.info : {};
  const fallback = options.annotator ?? toId(info.contributor) ?? fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const out: AdapterResult = { rows: [], gold: [], rejections: [] };
  coco.annotations.forEach((annotation: unknown, index) => {
    const sourceRow = index + 1;
    const reject = (reason: string) => out.rejections.push({ source_row: sourceRow, reason, excerpt: excerptOf(annotation) });
    if (!isObject(annotation)) return reject(`annotation ${sourceRow} is not a JSON object`);
    const image = images.get(String(annotation.image_id));
    if (!image)
      return reject(
        `annotation ${toId(annotation.id) ?? sourceRow} refers to image_id ${String(annotation.image_id)}, which "images" does not list`,
      );
    const category = categories.get(String(annotation.category_id));
    if (category === undefined)
      return reject(
        `annotation ${toId(annotation.id) ?? sourceRow} refers to category_id ${String(annotation.category_id)}, which "categories" does not list`,
      );
    const bbox = Array.isArray(annotation.bbox) ? annotation.bbox.map(toNumber) : [];
    if (bbox.length !== 4 || bbox.some((v) => v === undefined))
      return reject(
        `annotation ${toId(annotation.id) ?? sourceRow} has no bbox [x, y, width, height] (segmentation-only annotations are not compared yet)`,
      );
    const [x, y, w, h] = bbox as number[];
    const attributes = isObject(annotation.attributes) ? annotation.attributes : {};
    const annotator =
      toId(annotation.annotator) ??
      toId(annotation.annotator_id) ??
      toId(annotation.user_id) ??
      toId(attributes.annotator) ??
      fallback;
    out.rows.push({
      source_row: sourceRow,
      batch_id: options.batchId ?? null,
      item_id: toId(image.file_name) ?? String(image.id),
      question: 'boxes',
      annotator_id: annotator,
      value_kind: 'box',
      label: category,
      x,
      y,
      w,
      h,
      image_w: toNumber(image.width) ?? null,
      image_h: toNumber(image.height) ?? null,
    });
  });
  return out;
}
