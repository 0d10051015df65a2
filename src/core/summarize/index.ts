/**
 * "APBN dalam satu unggahan": an extractive summariser for long official
 * texts (press releases, APBN KiTa sections, speeches).
 *
 * Sentences are taken verbatim from the source (never rewritten), scored by
 * content-word frequency, figures and position, and packed into (a) one post
 * within the platform's limit and (b) a numbered thread. A sentence longer
 * than a post is cut only at a clause boundary or a space outside any number
 * phrase, so every number keeps its currency, unit and date. The source link
 * is appended. Each part can be run through the checker (pure: the caller
 * passes the check function).
 */
import { STOPWORDS } from '../data/summarize.js';
import type { Finding } from '../types.js';
import { PLATFORM_LIMITS, platformLength, type SummaryPlatform } from './length.js';
import { numberPhrases, type Sentence, splitSentences } from './sentences.js';

export { findUrls, PLATFORM_LIMITS, type PlatformLimit, platformLength, SUMMARY_PLATFORMS, type SummaryPlatform, X_URL_WEIGHT, xLength } from './length.js';
export { NUMBER_PHRASE, numberPhrases, type Sentence, splitSentences } from './sentences.js';

export interface SummarizeOptions {
  platform: SummaryPlatform;
  /** Official source link, appended to the post and to the last part of the thread. */
  link?: string;
  /** Largest number of thread parts (default 10). */
  maxParts?: number;
  /** Length budget of one part instead of the platform's target (never above its limit). */
  target?: number;
  /** Checks one part (the checker of the active policy); omitted: no findings. */
  check?: (text: string) => Finding[];
}

/** A finding in one part of the output (`part` is "post" or "thread 2/5"). */
export type SummaryFinding = Finding & { part: string };

export interface Summary {
  post: string;
  thread: string[];
  findings: SummaryFinding[];
  /** Length of the post and of each thread part as the platform counts them. */
  lengths: { post: number; thread: number[] };
  limit: number;
  platform: SummaryPlatform;
  /** Source sentences, and how many were used. */
  sentences: { total: number; inPost: number; inThread: number };
}

/** Longest source text accepted (characters): about 500 pages. */
export const MAX_SUMMARY_INPUT = 2_000_000;

const STOP = new Set(STOPWORDS);
const WORD = /[\p{L}][\p{L}\p{N}-]*/gu;

interface Scored extends Sentence {
  index: number;
  score: number;
  numbers: number;
}

function contentWords(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(WORD)) {
    const w = m[0].toLowerCase();
    if (w.length > 2 && !STOP.has(w)) out.push(w);
  }
  return out;
}

/** Scores sentences: frequent content words, figures, early position, no fragments or boilerplate. */
function score(sentences: Sentence[]): Scored[] {
  const tf = new Map<string, number>();
  const words = sentences.map((s) => contentWords(s.text));
  for (const ws of words) for (const w of new Set(ws)) tf.set(w, (tf.get(w) ?? 0) + 1);
  const maxTf = Math.max(1, ...tf.values());
  const n = sentences.length;
  const seen = new Set<string>();
  return sentences.map((s, index) => {
    const ws = words[index];
    const numbers = numberPhrases(s.text).length;
    const key = ws.join(' ');
    let sc = 0;
    if (ws.length >= 3 && !seen.has(key)) {
      const uniq = [...new Set(ws)];
      const weight = uniq.reduce((a, w) => a + (tf.get(w)! > 1 ? tf.get(w)! / maxTf : 0), 0) / Math.sqrt(uniq.length);
      const position = 1 - index / Math.max(1, n);
      const ends = /[.!?…"”)]$/.test(s.text) ? 0.15 : -0.3; // headings and menu lines have no final stop
      sc = weight + (0.6 * Math.min(numbers, 3)) / 3 + 0.5 * position + ends;
    }
    seen.add(key);
    return { ...s, index, score: sc, numbers };
  });
}

/** Protected spans of a text: number phrases and URLs may not be cut. */
function cutPoints(text: string): number[] {
  const protectedSpans = numberPhrases(text).map((p) => [p.start, p.end] as const);
  const points: number[] = [];
  for (let i = 1; i < text.length; i++) {
    if (text[i] !== ' ') continue;
    if (protectedSpans.some(([a, b]) => i > a && i < b)) continue;
    // never between a number phrase and the word that ends it, nor right after a currency sign
    points.push(i);
  }
  return points;
}

/**
 * The longest prefix of a sentence within `budget` (with an ellipsis), cut at a clause boundary
 * (", " "; " ": ") when one is in the second half, else at a space outside number phrases.
 */
function cutSentence(text: string, budget: number, platform: SummaryPlatform): string | null {
  const points = cutPoints(text);
  let best: number | null = null;
  let bestClause: number | null = null;
  for (const p of points) {
    const head = text.slice(0, p).replace(/[,;:]$/, '');
    if (platformLength(`${head} …`, platform) > budget) break;
    best = p;
    if (/[,;:]$/.test(text.slice(0, p))) bestClause = p;
  }
  const at = bestClause !== null && best !== null && bestClause > best / 2 ? bestClause : best;
  if (at === null) return null;
  return `${text.slice(0, at).replace(/[,;:]$/, '')} …`;
}

/** Splits a sentence that is longer than a part into consecutive pieces (each within `budget`). */
function pieces(text: string, budget: number, platform: SummaryPlatform): string[] {
  const out: string[] = [];
  let rest = text;
  while (platformLength(rest, platform) > budget) {
    const head = cutSentence(rest, budget, platform);
    if (!head) break;
    const used = head.slice(0, -2); // without " …"
    out.push(head);
    rest = `… ${rest.slice(used.length).replace(/^[,;:]?\s*/, '')}`;
  }
  out.push(rest);
  return out.filter((p) => platformLength(p, platform) <= budget);
}

/** Joins two pieces: a space after a sentence, a line break after a heading (no final stop). */
function joinPieces(a: string, b: string): string {
  if (!a) return b;
  return /[.!?…"”)]$/.test(a) ? `${a} ${b}` : `${a}\n${b}`;
}

function joinLink(text: string, link: string | undefined): string {
  return link ? `${text}\n${link}` : text;
}

/** Summarises a long official text into one post and a numbered thread. */
export function summarize(source: string, opts: SummarizeOptions): Summary {
  if (source.length > MAX_SUMMARY_INPUT) throw new RangeError(`text longer than ${MAX_SUMMARY_INPUT} characters`);
  const platform = opts.platform;
  const { limit, target: platformTarget } = PLATFORM_LIMITS[platform];
  const target = Math.min(limit, opts.target ?? platformTarget);
  const link = opts.link?.trim() || undefined;
  const linkCost = link ? platformLength(`\n${link}`, platform) : 0;
  const maxParts = Math.max(1, Math.min(opts.maxParts ?? 10, 25));

  const scored = score(splitSentences(source));
  const ranked = scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score || a.index - b.index);
  const len = (s: string) => platformLength(s, platform);

  // (a) one post: best sentences that fit, in source order
  const postBudget = target - linkCost;
  const chosen: Scored[] = [];
  let used = 0;
  for (const s of ranked) {
    const add = len(s.text) + (chosen.length ? 1 : 0);
    if (used + add <= postBudget) {
      chosen.push(s);
      used += add;
    }
    if (used >= postBudget * 0.9) break;
  }
  let postBody = chosen
    .sort((a, b) => a.index - b.index)
    .map((s) => s.text)
    .reduce(joinPieces, '');
  if (!postBody && ranked.length) postBody = cutSentence(ranked[0].text, postBudget, platform) ?? '';
  const post = joinLink(postBody, link);

  // (b) thread: the best sentences up to maxParts parts, in source order, packed into parts
  const prefixCost = len(`${maxParts}/${maxParts} `);
  const partBudget = target - prefixCost;
  const keep: Scored[] = [];
  let total = 0;
  const room = maxParts * partBudget * 0.85 - linkCost;
  for (const s of ranked) {
    const l = Math.min(len(s.text), partBudget);
    if (total + l > room) continue;
    keep.push(s);
    total += l + 1;
  }
  keep.sort((a, b) => a.index - b.index);
  const bodies: string[] = [];
  let cur = '';
  for (const s of keep) {
    for (const piece of pieces(s.text, partBudget, platform)) {
      const next = joinPieces(cur, piece);
      if (len(next) <= partBudget) cur = next;
      else {
        if (cur) bodies.push(cur);
        cur = piece;
      }
    }
  }
  if (cur) bodies.push(cur);
  while (bodies.length > maxParts) bodies.pop();
  if (link) {
    const last = bodies.length ? bodies[bodies.length - 1] : '';
    if (last && len(joinLink(last, link)) <= partBudget) bodies[bodies.length - 1] = joinLink(last, link);
    else if (bodies.length < maxParts || !last) bodies.push(link);
    else bodies[bodies.length - 1] = link; // the source link matters more than the last sentence
  }
  const thread = bodies.map((b, i) => `${i + 1}/${bodies.length} ${b}`);

  const findings: SummaryFinding[] = [];
  if (opts.check) {
    for (const f of opts.check(post)) findings.push({ ...f, part: 'post' });
    thread.forEach((t, i) => {
      for (const f of opts.check!(t)) findings.push({ ...f, part: `thread ${i + 1}/${thread.length}` });
    });
  }
  return {
    post,
    thread,
    findings,
    lengths: { post: len(post), thread: thread.map(len) },
    limit: target,
    platform,
    sentences: { total: scored.length, inPost: chosen.length, inThread: keep.length },
  };
}
