/**
 * Answer normalisation of the official VQA evaluation (Antol et al. 2015; VT-vqa-group
 * vqaEval.py `processPunctuation` and `processDigitArticle`): punctuation in the list below is
 * deleted when it touches a space (or the answer has a digit-comma-digit), else replaced by a
 * space; a period not followed by a digit is deleted; then lower-case, number words zero–ten
 * → digits, articles a / an / the dropped, whitespace collapsed. Not carried over: the
 * script's table of ~170 apostrophe-less contractions ("dont" → "don't").
 */
const PUNCT = [';', '/', '[', ']', '"', '{', '}', '(', ')', '=', '+', '\\', '_', '-', '>', '<', '@', '`', ',', '?', '!'];
const NUMBER_WORDS: Record<string, string> = {
  none: '0',
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
};
const ARTICLES = new Set(['a', 'an', 'the']);

export function normaliseVqaAnswer(answer: string): string {
  const input = answer.replace(/[\n\t]/g, ' ').trim();
  let text = input;
  const commaBetweenDigits = /\d,\d/.test(input);
  for (const p of PUNCT) {
    if (input.includes(p + ' ') || input.includes(' ' + p) || commaBetweenDigits) text = text.split(p).join('');
    else text = text.split(p).join(' ');
  }
  text = text.replace(/\.(?!\d)/g, '');
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => NUMBER_WORDS[w] ?? w)
    .filter((w) => !ARTICLES.has(w))
    .join(' ');
}
