/**
 * Evaluation of KB matching on the labelled set in tests/kb/eval: recall@1
 * on paraphrases of KB claims, the false-match rate on unrelated posts (the
 * project's same-topic true statements plus the clean posts of
 * ../shared/datasets/bijak-posts, read at run time), and error findings on
 * debunking posts. Used by `bijak kb eval` and tests/kb/eval.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Checker, createChecker, DEFAULT_POLICY } from '../core/index.js';
import { buildKbIndex, type KbEntry, type KbIndex, type KbIndexOptions, kbRule, searchKb } from '../core/kb/index.js';

/** The labelled texts. */
export interface KbEvalSet {
  paraphrases: Array<{ entry: string; text: string }>;
  unrelated: Array<{ text: string; origin: string }>;
  debunks: Array<{ entry: string; text: string }>;
}

/** Figures of one evaluation. */
export interface KbEvalResult {
  paraphrases: number;
  /** Share of paraphrases whose top search hit is the right entry. */
  recallAt1: number;
  /** Share of paraphrases that get a `hoax/known` error naming the right entry. */
  detected: number;
  unrelated: number;
  /** Share of unrelated posts with a KB error finding. */
  falseMatchRate: number;
  /** Share of unrelated posts with a KB info finding ("mirip dengan"). */
  similarRate: number;
  debunks: number;
  /** Debunking posts with a KB error finding (should be 0). */
  debunkErrors: number;
  misses: Array<{ entry: string; text: string; got?: string; score?: number }>;
  falseMatches: Array<{ text: string; origin: string; entry: string; score: number }>;
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** Loads the labelled set from `dir` (tests/kb/eval) and, when given, the clean posts of bijak-posts. */
export function loadEvalSet(dir: string, bijakPostsDir?: string): KbEvalSet {
  const unrelated = readJsonl<{ text: string }>(join(dir, 'related-true.jsonl')).map((r, i) => ({ text: r.text, origin: `related-true:${i + 1}` }));
  if (bijakPostsDir) {
    for (const f of readdirSync(bijakPostsDir)
      .filter((n) => n.endsWith('.jsonl'))
      .sort()) {
      for (const r of readJsonl<{ id: string; kind: string; text?: string; expect: string[] }>(join(bijakPostsDir, f))) {
        if (r.kind === 'account' || typeof r.text !== 'string' || r.expect.length > 0) continue;
        unrelated.push({ text: r.text, origin: `bijak-posts:${r.id}` });
      }
    }
  }
  return {
    paraphrases: readJsonl(join(dir, 'paraphrases.jsonl')),
    unrelated,
    debunks: readJsonl(join(dir, 'debunks.jsonl')),
  };
}

/** A checker with only the KB part of `hoax/known` (so only KB findings are counted). */
export function kbOnlyChecker(index: KbIndex): Checker {
  return createChecker(DEFAULT_POLICY, { rules: [kbRule(index)] });
}

/** Runs the evaluation of `entries` on `set`. */
export function evaluateKb(entries: KbEntry[], set: KbEvalSet, options: KbIndexOptions = {}): KbEvalResult {
  const index = buildKbIndex(entries, options);
  const checker = kbOnlyChecker(index);
  const kbFinding = (text: string, severity: 'error' | 'info') => checker.check({ text }).find((f) => f.ruleId === 'hoax/known' && f.severity === severity);
  let top1 = 0;
  let detected = 0;
  const misses: KbEvalResult['misses'] = [];
  for (const p of set.paraphrases) {
    const hits = searchKb(index, p.text, 1);
    const ok = hits[0]?.entry.id === p.entry;
    if (ok) top1++;
    const f = kbFinding(p.text, 'error');
    const entry = entries.find((e) => e.id === p.entry);
    if (f && entry && f.message.id.includes(entry.source.name)) detected++;
    if (!ok || !f) misses.push({ entry: p.entry, text: p.text, got: hits[0]?.entry.id, score: hits[0]?.score });
  }
  let fm = 0;
  let sim = 0;
  const falseMatches: KbEvalResult['falseMatches'] = [];
  for (const u of set.unrelated) {
    if (kbFinding(u.text, 'error')) {
      fm++;
      const h = searchKb(index, u.text, 1)[0];
      falseMatches.push({ text: u.text, origin: u.origin, entry: h?.entry.id ?? '?', score: h?.score ?? 0 });
    } else if (kbFinding(u.text, 'info')) sim++;
  }
  let debunkErrors = 0;
  for (const d of set.debunks) if (kbFinding(d.text, 'error')) debunkErrors++;
  const n = set.paraphrases.length || 1;
  const u = set.unrelated.length || 1;
  return {
    paraphrases: set.paraphrases.length,
    recallAt1: top1 / n,
    detected: detected / n,
    unrelated: set.unrelated.length,
    falseMatchRate: fm / u,
    similarRate: sim / u,
    debunks: set.debunks.length,
    debunkErrors,
    misses,
    falseMatches,
  };
}
