import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { IngestError } from '../ingest-error';
import { excerptOf, type AdapterResult } from './canonical-rows';
import { isObject, toId, toNumber } from './canonical-values';

export interface CvatOptions {
  /** Who annotated the file; else the task/job assignee, else its owner, else the file name. */
  annotator?: string;
  batchId?: string;
}

const SHAPES = ['box', 'tag', 'polygon', 'polyline', 'points', 'mask', 'ellipse', 'cuboid', 'skeleton'];
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => ['image', 'task', 'track', 'attribute', ...SHAPES].includes(name),
});

/**
 * CVAT for images 1.1 XML (https://docs.cvat.ai/docs/manual/advanced/xml_format/) → canonical
 * rows. One record = one shape; `source_row` is the image's 1-based position in the file.
 *
 * - item = the image `name`; batch = its `subset` (else its task's name).
 * - `box` → a box judgement (question `boxes`): x = xtl, y = ytl, w = xbr − xtl, h = ybr − ytl
 *   in pixels, with the image's width/height. A rotated box is rejected with the reason.
 *   `source="auto"`/`"semi-auto"` (automatic annotation) marks the box as pre-labelled.
 * - `tag` → the image's category (question `tag`; several tags joined by `|`, sorted).
 * - polygons, polylines, points, masks, ellipses, cuboids, skeletons and video tracks are
 *   rejected with the reason (not compared yet). Box attributes are not read.
 * - annotator: one file is one annotator's job, named by the loader's `annotator` option, else
 *   the task (or job) assignee, else the owner, else the file name.
 */
export function cvatXmlAdapter(fileName: string, text: string, options: CvatOptions = {}): AdapterResult {
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    throw new IngestError(fileName, `not well-formed XML: ${valid.err.msg} (column ${valid.err.col})`, valid.err.line);
  const root = (parser.parse(text) as Record<string, unknown>).annotations;
  if (!isObject(root))
    throw new IngestError(fileName, 'this XML file has no <annotations> root: it is not a CVAT for images 1.1 export');
  const meta = isObject(root.meta) ? root.meta : {};
  const tasks = collectTasks(meta);
  const fileStem = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const metaPerson = personOf(meta.job) ?? personOf(meta.task) ?? personOf(isObject(meta.project) ? meta.project : undefined);
  const out: AdapterResult = { rows: [], gold: [], rejections: [] };
  const images = Array.isArray(root.image) ? root.image.filter(isObject) : [];
  (Array.isArray(root.track) ? root.track : []).forEach((track, i) =>
    out.rejections.push({
      source_row: images.length + i + 1,
      reason: 'a <track> (video annotation) is not supported: export images as "CVAT for images 1.1"',
      excerpt: excerptOf(track),
    }),
  );
  images.forEach((image, index) => {
    const sourceRow = index + 1;
    const item = toId(image.name) ?? toId(image.id);
    const task = tasks.get(String(image.task_id ?? ''));
    const annotator = options.annotator ?? task?.person ?? metaPerson ?? fileStem;
    const batch = options.batchId ?? toId(image.subset) ?? task?.name ?? null;
    const imageW = toNumber(image.width) ?? null;
    const imageH = toNumber(image.height) ?? null;
    if (!item) {
      out.rejections.push({ source_row: sourceRow, reason: `image ${sourceRow} has no name or id`, excerpt: excerptOf(image) });
      return;
    }
    const base = {
      source_row: sourceRow,
      item_id: item,
      annotator_id: annotator,
      batch_id: batch,
      image_w: imageW,
      image_h: imageH,
    };
    for (const box of shapes(image, 'box')) {
      const [xtl, ytl, xbr, ybr] = [box.xtl, box.ytl, box.xbr, box.ybr].map(toNumber);
      const rotation = toNumber(box.rotation) ?? 0;
      if (xtl === undefined || ytl === undefined || xbr === undefined || ybr === undefined || xbr < xtl || ybr < ytl) {
        out.rejections.push({
          source_row: sourceRow,
          reason: `a box on image "${item}" has unusable corners (xtl, ytl, xbr, ybr)`,
          excerpt: excerptOf(box),
        });
      } else if (Math.abs(rotation) > 1e-9) {
        out.rejections.push({
          source_row: sourceRow,
          reason: `a box on image "${item}" is rotated by ${rotation}°: only axis-aligned boxes are compared`,
          excerpt: excerptOf(box),
        });
      } else {
        out.rows.push({
          ...base,
          question: 'boxes',
          value_kind: 'box',
          label: toId(box.label) ?? null,
          x: xtl,
          y: ytl,
          w: xbr - xtl,
          h: ybr - ytl,
          prelabeled: fromModel(box),
        });
      }
    }
    const tags = shapes(image, 'tag')
      .map((t) => toId(t.label))
      .filter((l): l is string => l !== undefined);
    if (tags.length > 0)
      out.rows.push({ ...base, question: 'tag', value_kind: 'category', label: [...new Set(tags)].sort().join('|') });
    for (const kind of SHAPES.filter((s) => s !== 'box' && s !== 'tag')) {
      for (const shape of shapes(image, kind)) {
        out.rejections.push({
          source_row: sourceRow,
          reason: `a ${kind} on image "${item}" is not compared yet: AnnoQA reads CVAT boxes and tags`,
          excerpt: excerptOf(shape),
        });
      }
    }
  });
  return out;
}

/** CVAT marks shapes made by automatic annotation with `source="auto"` (or `semi-auto`). */
function fromModel(shape: Record<string, unknown>): boolean | null {
  const source = toId(shape.source);
  return source === undefined ? null : source === 'auto' || source === 'semi-auto';
}

function shapes(image: Record<string, unknown>, kind: string): Record<string, unknown>[] {
  const value = image[kind];
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function collectTasks(meta: Record<string, unknown>): Map<string, { name?: string; person?: string }> {
  const tasks = new Map<string, { name?: string; person?: string }>();
  const list = [
    ...(Array.isArray(meta.task) ? meta.task : []),
    ...(isObject(meta.project) && isObject(meta.project.tasks) && Array.isArray(meta.project.tasks.task)
      ? meta.project.tasks.task
      : []),
  ].filter(isObject);
  for (const task of list) tasks.set(String(task.id ?? ''), { name: toId(task.name), person: personOf(task) });
  return tasks;
}

/** The assignee's username, else the owner's (CVAT writes both as <username>/<email>). */
function personOf(node: unknown): string | undefined {
  const first = Array.isArray(node) ? node[0] : node;
  if (!isObject(first)) return undefined;
  const name = (who: unknown) => (isObject(who) ? (toId(who.username) ?? toId(who.email)) : toId(who));
  return name(first.assignee) ?? name(first.owner);
}
