/**
 * A minimal context guard for model findings: a sentence that condemns,
 * reports, explains or quotes an act is not the act ("kami mengecam ujaran
 * kebencian", "hindari konten SARA", "pelaku ditangkap polisi").
 *
 * Word lists stay small and specific: a bare "jangan" or "tolak" is not a
 * guard ("jangan mau bergaul sama mereka" is itself hateful); "tolak" counts
 * only together with a word that names the harm ("tolak radikalisme").
 */
import type { Token, Tokenized } from '../normalize/tokenize.js';

/** Verbs that condemn or report on their own ("kami mengecam ...", "pelaku ditangkap"). */
const STRONG = new Set([
  'mengecam',
  'kecam',
  'mengutuk',
  'kutuk',
  'menyesalkan',
  'disesalkan',
  'ditangkap',
  'diamankan',
  'tersangka',
  'dijerat',
  'divonis',
  'dilaporkan',
  'melaporkan',
  'laporkan',
  'diproses',
]);

/** Verbs that condemn or warn only when a harm is named too ("tolak radikalisme", "hindari SARA"). */
const WEAK = new Set([
  'tolak',
  'menolak',
  'lawan',
  'melawan',
  'hindari',
  'hindarilah',
  'jauhi',
  'stop',
  'cegah',
  'mencegah',
  'berantas',
  'memberantas',
  'waspadai',
  'waspada',
  'bahaya',
  'berbahaya',
  'dilarang',
  'larangan',
  'melarang',
  'menangkal',
  'tangkal',
  'anti',
  'edukasi',
  'sosialisasi',
  'literasi',
  'contoh',
  'misalnya',
  'termasuk',
  'apa',
]);

/** Words that name a harm (the meta-level vocabulary of the guideline itself). */
const HARMS = new Set([
  'kebencian',
  'sara',
  'radikalisme',
  'radikal',
  'terorisme',
  'teror',
  'intoleransi',
  'diskriminasi',
  'rasisme',
  'rasis',
  'hoaks',
  'hoax',
  'kekerasan',
  'pornografi',
  'perundungan',
  'bullying',
  'penghinaan',
  'kasar',
  'fitnah',
  'pencemaran',
  'provokasi',
  'ekstremisme',
]);

const QUOTES = '"\u201c\u201d\u00ab\u00bb\u2018\u2019\'';

function forms(t: Token): string[] {
  return t.stem !== undefined ? [t.norm, t.stem] : [t.norm];
}

/** Sentence indices of the text whose words condemn, report or explain. */
export function guardedSentences(tok: Tokenized): Set<number> {
  const strong = new Set<number>();
  const weak = new Set<number>();
  const harm = new Set<number>();
  for (const t of tok.tokens) {
    if (t.kind !== 'word') continue;
    for (const f of forms(t)) {
      if (STRONG.has(f)) strong.add(t.sentence);
      if (WEAK.has(f)) weak.add(t.sentence);
      if (HARMS.has(f)) harm.add(t.sentence);
    }
  }
  const out = new Set<number>(strong);
  for (const s of weak) if (harm.has(s)) out.add(s);
  return out;
}

/** True when offset `at` lies inside a quotation in its line (an odd number of quote marks before it). */
export function insideQuote(text: string, start: number, end: number): boolean {
  let lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (lineStart < 0) lineStart = 0;
  let before = 0;
  for (let i = lineStart; i < start; i++) {
    const c = text[i] as string;
    // an apostrophe inside a word ("Jum'at") is not a quote
    if (QUOTES.includes(c) && !(c === "'" && /\p{L}/u.test(text[i - 1] ?? '') && /\p{L}/u.test(text[i + 1] ?? ''))) before++;
  }
  if (before % 2 === 0) return false;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  for (let i = end; i < lineEnd; i++) if (QUOTES.includes(text[i] as string)) return true;
  return false;
}

/**
 * Whether a model finding over `[start, end)` should be dropped: the text is
 * a short post (three sentences or fewer) with a condemning, reporting or
 * explaining sentence, the flagged sentence itself is one, or the flagged
 * words are quoted.
 */
export function contextSuppresses(tok: Tokenized, sentence: number, start: number, end: number): boolean {
  const guarded = guardedSentences(tok);
  if (guarded.has(sentence)) return true;
  if (guarded.size > 0 && tok.sentences.length <= 3) return true;
  return insideQuote(tok.text, start, end);
}
