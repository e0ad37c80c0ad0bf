import type { CanonicalJudgement } from './canonical-rows';
import { isObject, toNumber } from './canonical-values';

/** The answer part of a judgement (no item, annotator or times), or the reason there is none. */
export type ResultAnswer = { answer: Partial<CanonicalJudgement> & { question: string } } | { problem: string };

const BOX_TYPES = new Set(['rectanglelabels', 'rectangle']);

/**
 * One Label Studio `result` entry → the answer of a canonical judgement
 * (https://labelstud.io/guide/export#Label-Studio-JSON-format-of-annotated-tasks):
 * `choices` (several joined by `|`, sorted), `rating`, `number`, `textarea` (lines joined),
 * `taxonomy` (paths joined by `/`), `pairwise` (`selected` left/right → A/B, options = the
 * two `to_name`s, left shown first) and `rectanglelabels` (x, y, width, height in percent of
 * `original_width`/`original_height` → pixels, top-left origin). Rotated boxes and other
 * result types (spans, polygons, key points, brushes …) are reported, not guessed.
 */
export function labelStudioResult(result: Record<string, unknown>): ResultAnswer {
  const question = typeof result.from_name === 'string' && result.from_name !== '' ? result.from_name : undefined;
  const type = typeof result.type === 'string' ? result.type : undefined;
  const value = isObject(result.value) ? result.value : undefined;
  if (!question || !type || !value) return { problem: 'a result without from_name, type or value' };
  switch (type) {
    case 'choices': {
      const choices = strings(value.choices);
      return choices
        ? { answer: { question, label: [...choices].sort().join('|'), value_kind: 'category' } }
        : bad(type, question, 'choices');
    }
    case 'rating':
    case 'number': {
      const score = toNumber(value[type]);
      return score === undefined
        ? bad(type, question, type)
        : { answer: { question, label: String(score), score, value_kind: 'number' } };
    }
    case 'textarea': {
      const text = strings(value.text);
      return text
        ? { answer: { question, text: text.join('\n'), label: text.join('\n'), value_kind: 'text' } }
        : bad(type, question, 'text');
    }
    case 'taxonomy': {
      const paths = Array.isArray(value.taxonomy) ? value.taxonomy.map((p) => strings(p)?.join('/')) : undefined;
      if (!paths || paths.some((p) => p === undefined)) return bad(type, question, 'taxonomy');
      return { answer: { question, label: [...(paths as string[])].sort().join('|'), value_kind: 'category' } };
    }
    case 'pairwise': {
      const selected = value.selected;
      if (selected !== 'left' && selected !== 'right') return bad(type, question, 'selected (left or right)');
      const [a, b] = typeof result.to_name === 'string' ? result.to_name.split(',').map((s) => s.trim()) : [];
      return {
        answer: {
          question,
          label: selected === 'left' ? 'A' : 'B',
          value_kind: 'preference',
          strategy: 'rlhf_preference',
          option_a: a || 'left',
          option_b: b || 'right',
          shown_first: 'A',
        },
      };
    }
    default:
      if (BOX_TYPES.has(type)) return labelStudioBox(question, result, value);
      return {
        problem: `result type "${type}" (control "${question}") is not supported yet: AnnoQA reads choices, rating, number, textarea, taxonomy, pairwise and rectanglelabels`,
      };
  }
}

function labelStudioBox(question: string, result: Record<string, unknown>, value: Record<string, unknown>): ResultAnswer {
  const imageW = toNumber(result.original_width ?? value.original_width);
  const imageH = toNumber(result.original_height ?? value.original_height);
  const [x, y, w, h] = [value.x, value.y, value.width, value.height].map(toNumber);
  if (x === undefined || y === undefined || w === undefined || h === undefined)
    return bad('rectanglelabels', question, 'x, y, width and height');
  if (!imageW || !imageH)
    return {
      problem: `a box of "${question}" is in percent but original_width/original_height are missing, so it cannot be turned into pixels`,
    };
  const rotation = toNumber(value.rotation) ?? 0;
  if (Math.abs(rotation) > 1e-9)
    return { problem: `a box of "${question}" is rotated by ${rotation}°: only axis-aligned boxes are compared` };
  const labels = strings(value.rectanglelabels) ?? strings(value.labels) ?? [];
  return {
    answer: {
      question,
      value_kind: 'box',
      label: labels.length > 0 ? [...labels].sort().join('|') : null,
      x: (x * imageW) / 100,
      y: (y * imageH) / 100,
      w: (w * imageW) / 100,
      h: (h * imageH) / 100,
      image_w: imageW,
      image_h: imageH,
    },
  };
}

function strings(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' || typeof v === 'number')) return undefined;
  return value.map(String);
}

function bad(type: string, question: string, field: string): ResultAnswer {
  return { problem: `a ${type} result of "${question}" has no usable ${field}` };
}
