import type { Rng } from './random';

/** A written answer with its reference wording and plausible wrong answers. */
export interface WrittenFact {
  reference: string;
  wrong: string[];
}

const CAPITALS: [string, string][] = [
  ['France', 'Paris'],
  ['Japan', 'Tokyo'],
  ['Canada', 'Ottawa'],
  ['Kenya', 'Nairobi'],
  ['Peru', 'Lima'],
  ['Norway', 'Oslo'],
  ['Switzerland', 'Bern'],
  ['Vietnam', 'Hanoi'],
  ['Australia', 'Canberra'],
  ['Türkiye', 'Ankara'],
];
const PHRASES: [string, string][] = [
  ['Bonjour', 'Hello'],
  ['Merci beaucoup', 'Thank you very much'],
  ['À bientôt', 'See you soon'],
  ['Où est la gare ?', 'Where is the station?'],
  ['Oui, bien sûr', 'Yes, of course'],
  ['Je suis désolé', 'I am sorry'],
];
const NAMES = ['José', 'Zoë', 'Søren', 'Chloé', 'Aino Mäkelä', 'Priya', 'Tomasz', 'Amara'];
const TOPICS = ['online sales', 'energy prices', 'rental costs', 'exports', 'ticket sales'];
const CAUSES = ['higher demand', 'a weaker currency', 'new regulation', 'the holiday season'];

/** A short instruction-tuning output (capital, sum, translation, summary or polite rewrite). */
export function makeWrittenFact(rng: Rng): WrittenFact {
  switch (rng.int(0, 4)) {
    case 0: {
      const [country, capital] = rng.pick(CAPITALS);
      const others = CAPITALS.filter(([c]) => c !== country).map(([, cap]) => `The capital of ${country} is ${cap}.`);
      return { reference: `The capital of ${country} is ${capital}.`, wrong: [rng.pick(others), rng.pick(others)] };
    }
    case 1: {
      const a = rng.int(12, 480);
      const b = rng.int(7, 350);
      return { reference: `${a} plus ${b} equals ${a + b}.`, wrong: [`${a} plus ${b} equals ${a + b + 10}.`, `${a} plus ${b} equals ${a + b - 1}.`] };
    }
    case 2: {
      const [fr, en] = rng.pick(PHRASES);
      const other = rng.pick(PHRASES.filter(([f]) => f !== fr))[1];
      return { reference: `"${fr}" means "${en}" in English.`, wrong: [`"${fr}" means "${other}" in English.`] };
    }
    case 3: {
      const topic = rng.pick(TOPICS);
      const pct = rng.int(3, 28);
      const year = rng.int(2019, 2025);
      const cause = rng.pick(CAUSES);
      return {
        reference: `The report says ${topic} rose by ${pct} % in ${year}, mainly because of ${cause}.`,
        wrong: [`The report says ${topic} fell by ${pct} % in ${year}.`, `The report says ${topic} rose by ${pct + 10} % in ${year - 1}.`],
      };
    }
    default: {
      const name = rng.pick(NAMES);
      const day = rng.pick(['Monday', 'Wednesday', 'Friday']);
      return {
        reference: `Dear ${name}, could you please send the invoice by ${day}? Thank you.`,
        wrong: [`${name}, send the invoice now.`, `Dear ${name}, the invoice was paid on ${day}.`],
      };
    }
  }
}

/** Phrase-level paraphrases an annotator may use instead of the reference wording. */
const PARAPHRASES: [string, string][] = [
  ['equals', 'is'],
  ['means', 'translates to'],
  ['The report says', 'According to the report,'],
  ['rose by', 'increased by'],
  ['mainly because of', 'largely due to'],
  ['could you please', 'would you kindly'],
  ['Thank you.', 'Thanks!'],
  ['The capital of', 'The capital city of'],
  ['people', 'pedestrians'],
  [' car', ' vehicle'],
  ['on a city street', 'in the street'],
  ['in a park', 'in a green park'],
  ['next to', 'beside'],
];

/**
 * An annotator's wording of a text: each applicable paraphrase with probability `variation`,
 * sometimes no final full stop or a lower-case start. Careless writers cut the text short.
 */
export function rewrite(text: string, variation: number, careless: boolean, rng: Rng): string {
  let out = text;
  for (const [from, to] of PARAPHRASES) {
    if (out.includes(from) && rng.chance(variation)) out = out.replace(from, to);
  }
  if (rng.chance(variation / 2)) out = out.replace(/\.$/, '');
  if (careless && rng.chance(0.5)) {
    const words = out.split(' ');
    out = words.slice(0, Math.max(3, Math.ceil(words.length * rng.uniform(0.4, 0.7)))).join(' ');
  }
  if (rng.chance(careless ? 0.5 : variation / 3)) out = out.charAt(0).toLowerCase() + out.slice(1);
  return out;
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six'];

/** English plural of a class name. */
export function plural(name: string, n: number): string {
  if (n === 1) return name;
  return name === 'person' ? 'people' : name === 'bus' ? 'buses' : `${name}s`;
}

/** A caption from the objects present: "Two people and a red car on a city street." */
export function caption(counts: Map<string, number>, colour: string, scene: string): string {
  const parts = [...counts.entries()]
    .filter(([, n]) => n > 0)
    .map(([name, n]) => {
      const noun = n === 1 && name === 'car' ? `${colour} car` : plural(name, n);
      return n === 1 ? `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}` : `${NUMBER_WORDS[n] ?? String(n)} ${noun}`;
    });
  const listed = parts.length <= 1 ? (parts[0] ?? 'an empty view') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `${listed.charAt(0).toUpperCase()}${listed.slice(1)} ${scene}.`;
}
