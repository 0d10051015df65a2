/**
 * Text length as each platform counts it, and the platforms' limits.
 *
 * X counts "weighted" characters (twitter-text 3 configuration): code points in
 * the Latin and general-punctuation ranges weigh 1, every other code point
 * (CJK, most symbols) weighs 2, an emoji (one grapheme, however many code
 * points) weighs 2, and every URL weighs 23 whatever its length (t.co
 * wrapping). Other platforms count Unicode code points, links included.
 */
import type { Platform } from '../types.js';

/** Platforms the summariser writes for. */
export const SUMMARY_PLATFORMS = ['x', 'threads', 'instagram', 'facebook', 'linkedin', 'whatsapp'] as const;
export type SummaryPlatform = (typeof SUMMARY_PLATFORMS)[number];

export interface PlatformLimit {
  /** Hard limit of one post as the platform counts it. */
  limit: number;
  /**
   * Length aimed at for "one post": the hard limit where it is short (X, Threads), otherwise a
   * readable length well inside the limit (a summary of 63,206 characters is not a summary).
   */
  target: number;
}

/** Post limits: X 280 weighted; Threads 500; Instagram caption 2,200; Facebook 63,206; LinkedIn 3,000; WhatsApp status 700. */
export const PLATFORM_LIMITS: Record<SummaryPlatform, PlatformLimit> = {
  x: { limit: 280, target: 280 },
  threads: { limit: 500, target: 500 },
  instagram: { limit: 2200, target: 1000 },
  facebook: { limit: 63206, target: 1000 },
  linkedin: { limit: 3000, target: 1300 },
  whatsapp: { limit: 700, target: 700 },
};

/** X's fixed weight of a URL (t.co). */
export const X_URL_WEIGHT = 23;

/** URLs as X recognises them: with a scheme, `www.`, or a bare domain with a common TLD. */
const URL_RE =
  /\bhttps?:\/\/[^\s<>"]+|\bwww\.[^\s<>"]+|\b(?:[a-z0-9][a-z0-9-]*\.)+(?:go\.id|co\.id|ac\.id|or\.id|id|com|org|net|gov|io|info)(?:\/[^\s<>"]*)?(?![\p{L}\p{N}])/giu;
/** Trailing punctuation that is not part of a URL. */
const URL_TRAIL = /[.,;:!?)\]}'"”’]+$/;

/** [start, end) of every URL in a text (UTF-16). */
export function findUrls(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(URL_RE)) {
    const raw = m[0].replace(URL_TRAIL, '');
    if (raw.length > 0) out.push([m.index, m.index + raw.length]);
  }
  return out;
}

/** Weight ranges of twitter-text 3 (weight 1); everything else weighs 2. */
const LIGHT: Array<[number, number]> = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

let segmenter: Intl.Segmenter | null = null;
function graphemes(s: string): Iterable<string> {
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    return Array.from(segmenter.segment(s), (g) => g.segment);
  }
  return Array.from(s);
}

/** Anything outside the weight-1 ranges or a possible emoji part needs the slow path. */
const HEAVY = /[^\u0000-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]|[\u00a9\u00ae\u203c\u2049]/;

function weightOfPlain(s: string): number {
  if (!HEAVY.test(s)) return s.length; // every code unit a weight-1 code point
  let n = 0;
  for (const g of graphemes(s)) {
    if (EMOJI.test(g)) {
      n += 2;
      continue;
    }
    for (const ch of g) {
      const cp = ch.codePointAt(0)!;
      n += LIGHT.some(([a, b]) => cp >= a && cp <= b) ? 1 : 2;
    }
  }
  return n;
}

/** X's weighted length of a text (NFC-normalised first, as X does). */
export function xLength(text: string): number {
  const t = text.normalize('NFC');
  let n = 0;
  let at = 0;
  for (const [a, b] of findUrls(t)) {
    n += weightOfPlain(t.slice(at, a)) + X_URL_WEIGHT;
    at = b;
  }
  return n + weightOfPlain(t.slice(at));
}

/** Length of a text as the platform counts it. */
export function platformLength(text: string, platform: SummaryPlatform | Platform): number {
  if (platform === 'x') return xLength(text);
  let n = 0;
  for (const _ of text) n++;
  return n;
}
