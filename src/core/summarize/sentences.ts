/**
 * Indonesian sentence splitting with original offsets, and the number phrases
 * ("Rp3.061,2 triliun", "5,2%", "31 Maret 2025") a summary must keep whole.
 *
 * A full stop ends a sentence only when whitespace and a capital letter, digit
 * or opening quote follow, and it does not close an abbreviation (Rp., No.,
 * Prof., ...), an initial (M. Sri) or part of a number (3.061,2). "dst.",
 * "dll." and "dsb." close a list and end the sentence when a capital follows.
 * A line break always ends a sentence (press releases put headings and
 * paragraphs on their own lines).
 */
import { ABBREVIATIONS, MONTHS, NUMBER_UNITS } from '../data/summarize.js';

export interface Sentence {
  text: string;
  /** [start, end) in UTF-16 code units of the source. */
  start: number;
  end: number;
  /** Index of the paragraph (blank-line separated block) it belongs to. */
  paragraph: number;
}

const ABBR = new Set(ABBREVIATIONS.map((a) => a.toLowerCase()));
/** Abbreviations that close a list and may end a sentence. */
const LIST_END = new Set(['dst', 'dll', 'dsb', 'dkk', 'etc']);
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);
const TERMINALS = new Set(['.', '!', '?', '…']);

function isSpace(c: string | undefined): boolean {
  return c !== undefined && /\s/.test(c);
}

/** The word (letters, digits, inner dots) that ends right before index `i`. */
function wordBefore(text: string, i: number): string {
  let j = i;
  while (j > 0 && /[\p{L}\p{N}.$]/u.test(text[j - 1])) j--;
  return text.slice(j, i);
}

/** Whether the full stop at `i` (followed by whitespace) ends a sentence. */
function stopEnds(text: string, i: number, nextChar: string | undefined): boolean {
  const word = wordBefore(text, i);
  const lower = word.toLowerCase().replace(/^\.+/, '');
  const capitalNext = nextChar !== undefined && /[\p{Lu}"“‘'(]/u.test(nextChar);
  const digitNext = nextChar !== undefined && /\p{N}/u.test(nextChar);
  if (!capitalNext && !digitNext) return false; // "Rp. 5" is caught below; lower-case next: same sentence
  if (LIST_END.has(lower)) return capitalNext;
  if (ABBR.has(lower)) return false;
  // a single letter: an initial (M. Sri) unless it is a unit after a number (Rp10 T.)
  if (/^\p{L}$/u.test(word)) {
    const before = text.slice(Math.max(0, i - 3), i - 1);
    return /\p{N}\s?$/u.test(before) && capitalNext;
  }
  // dotted abbreviations such as "a.n." or "S.E." (letters separated by dots)
  if (/^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u.test(word)) return false;
  return true;
}

/** Splits a text into sentences (trimmed, never empty) with their source offsets. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  let paragraph = 0;
  const push = (end: number) => {
    let a = start;
    let b = end;
    while (a < b && isSpace(text[a])) a++;
    while (b > a && isSpace(text[b - 1])) b--;
    // strip list bullets
    const bullet = /^(?:[-•*▪●]\s+)/.exec(text.slice(a, b));
    if (bullet) a += bullet[0].length;
    if (b > a) out.push({ text: text.slice(a, b), start: a, end: b, paragraph });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      push(i);
      start = i + 1;
      // a blank line starts a new paragraph
      let j = i + 1;
      while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
      if (text[j] === '\n') paragraph++;
      continue;
    }
    if (!TERMINALS.has(c)) continue;
    // take repeated terminals and closing quotes with the sentence
    let k = i + 1;
    while (k < text.length && (TERMINALS.has(text[k]) || CLOSERS.has(text[k]))) k++;
    if (k < text.length && !isSpace(text[k])) continue; // "3.061", "go.id", "5.2%"
    if (k >= text.length) continue; // the end of the text closes the last sentence anyway
    let n = k;
    while (n < text.length && (text[n] === ' ' || text[n] === '\t')) n++;
    const next = text[n];
    if (next === '\n' || next === '\r') {
      i = k - 1;
      continue; // the line break will close it
    }
    if (c === '.' && !stopEnds(text, i, next)) continue;
    push(k);
    start = k;
    i = k - 1;
  }
  push(text.length);
  return out;
}

const UNIT_ALT = [...NUMBER_UNITS]
  .map((u) => u.replace(/\.$/, ''))
  .filter((u, i, a) => a.indexOf(u) === i)
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace(/[$.]/g, (m) => `\\${m}`))
  .join('|');
const MONTH_ALT = [...MONTHS].sort((a, b) => b.length - a.length).join('|');

/**
 * A number phrase: optional currency, the digits with their separators, and
 * what belongs to it — a percent sign, a unit or scale word (possibly two:
 * "3,5 juta orang"), or a month and year after a day ("31 Maret 2025").
 */
export const NUMBER_PHRASE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(?:(?:Rp|US\$|USD|IDR)\s?)?\d+(?:[.,]\d+)*(?:\s?%|(?:\s(?:${MONTH_ALT})(?:\s\d{4})?(?![\p{L}\p{N}]))|(?:\s(?:${UNIT_ALT})(?![\p{L}\p{N}]))(?:\s(?:${UNIT_ALT})(?![\p{L}\p{N}]))?)?`,
  'giu',
);

/** Every number phrase of a text with its offsets. */
export function numberPhrases(text: string): Array<{ text: string; start: number; end: number }> {
  return Array.from(text.matchAll(NUMBER_PHRASE), (m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}
