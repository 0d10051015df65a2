/**
 * The cross-writer protocol on bijak-posts (../shared/datasets/bijak-posts):
 * about 3,000 posts and account profiles by twelve independent writers, each
 * a different community's voice. For each writer in turn, everything learned
 * (text heads, the stacker that combines rules and model, thresholds) is
 * trained on the other eleven writers (plus the public data sets, which no
 * writer wrote) and tested on that writer. This is the honest figure: the
 * rules were not written next to these texts, and no fold sees its own
 * writer. A case predicts a category when a finding of severity error or
 * warning has it; the benign false-alarm rate is the share of clean cases
 * (`expect: []`) with any such finding.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES, type Category, type CheckInput, type Finding } from '../core/index.js';
import { sharedPath } from '../host/shared.js';

/** Default location of the data set. */
export const DEFAULT_BIJAK_POSTS = sharedPath('datasets', 'bijak-posts') ?? '../shared/datasets/bijak-posts';

/** One labelled case of bijak-posts. */
export interface PostCase {
  id: string;
  writer: string;
  kind: 'post' | 'account';
  platform?: string;
  text?: string;
  handle?: string;
  displayName?: string;
  bio?: string;
  expect: Category[];
  /** A training-only case (the project's own posts): never tested, never in a writer's fold. */
  trainOnly?: boolean;
  /**
   * A public-data post that trains only the stackers of these categories (its data set labels them): never a text
   * head's row, never tested. `pubRef` is its row in the public data the pub heads learn from.
   */
  stackOnly?: Category[];
  pubRef?: { data: 'ibrohim' | 'netifier'; index: number };
}

const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** Reads every `w*.jsonl` of the folder; a bad line throws naming file and line. */
export function loadBijakPosts(dir = DEFAULT_BIJAK_POSTS): PostCase[] {
  const files = readdirSync(dir)
    .filter((f) => /^w\d+\.jsonl$/.test(f))
    .sort((a, b) => Number(a.slice(1, -6)) - Number(b.slice(1, -6)));
  if (files.length === 0) throw new Error(`${dir}: no w*.jsonl files`);
  return files.flatMap((f) => loadCaseFile(join(dir, f), f.slice(0, -6)));
}

/**
 * The project's own labelled posts (tests/core/cases.jsonl, holdout.jsonl, holdout2.jsonl; written beside the
 * rules, so never a test of the judge): training-only cases that teach the policy's categories in more wordings.
 * `../shared/cases/dev.jsonl` is not among them: it stays the acceptance test.
 */
export const PROJECT_CASE_FILES = ['tests/core/cases.jsonl', 'tests/core/holdout.jsonl', 'tests/core/holdout2.jsonl'];

/** Reads the project's own labelled posts as training-only cases of the writer `project`. */
export function loadProjectCases(root = '.'): PostCase[] {
  return PROJECT_CASE_FILES.flatMap((f) => loadCaseFile(join(root, f), 'project').map((c) => ({ ...c, trainOnly: true })));
}

/** Reads one JSON-lines file of labelled cases as the writer `writer`; a bad line throws naming file and line. */
export function loadCaseFile(path: string, writer: string): PostCase[] {
  const known = new Set<string>(CATEGORIES);
  const f = path.split('/').pop() as string;
  const buf = readFileSync(path);
  if (buf.length > MAX_FILE_BYTES) throw new Error(`${f}: larger than ${MAX_FILE_BYTES} bytes`);
  const out: PostCase[] = [];
  buf
    .toString('utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let d: Record<string, unknown>;
      try {
        d = JSON.parse(line);
      } catch (e) {
        throw new Error(`${f}:${i + 1}: not JSON (${(e as Error).message})`);
      }
      const expect = d.expect;
      if (!Array.isArray(expect) || expect.some((c) => !known.has(c as string))) throw new Error(`${f}:${i + 1}: bad "expect"`);
      const kind = d.kind === 'account' ? 'account' : 'post';
      if (kind === 'post' && typeof d.text !== 'string') throw new Error(`${f}:${i + 1}: a post needs "text"`);
      out.push({
        id: String(d.id ?? `${writer}-${i + 1}`),
        writer,
        kind,
        platform: typeof d.platform === 'string' ? d.platform : undefined,
        text: typeof d.text === 'string' ? d.text : undefined,
        handle: typeof d.handle === 'string' ? d.handle : undefined,
        displayName: typeof d.displayName === 'string' ? d.displayName : undefined,
        bio: typeof d.bio === 'string' ? d.bio : undefined,
        expect: expect as Category[],
      });
    });
  return out;
}

/** The checker input of a case. */
export function inputOf(c: PostCase): CheckInput {
  if (c.kind === 'account') return { kind: 'account', handle: c.handle ?? '', displayName: c.displayName, bio: c.bio };
  return { kind: 'post', text: c.text ?? '' };
}

/** Categories a set of findings predicts (error or warning severity). */
export function predicted(findings: readonly Finding[]): Set<Category> {
  const s = new Set<Category>();
  for (const f of findings) if (f.severity !== 'info') s.add(f.category);
  return s;
}

/** Counts of one category. */
export interface CategoryScore {
  tp: number;
  fp: number;
  fn: number;
  p: number;
  r: number;
  f1: number;
}

/** Scores of one set of cases. */
export interface Scores {
  cases: number;
  clean: number;
  /** Clean cases with any error/warning finding. */
  falseAlarms: number;
  benignFalseAlarmRate: number;
  perCategory: Record<Category, CategoryScore>;
  /** Mean F1 over the categories with at least one positive or predicted case. */
  macroF1: number;
}

/** Per-category P/R/F1 and benign false alarms of predictions. */
export function score(cases: readonly PostCase[], preds: ReadonlyArray<ReadonlySet<Category>>): Scores {
  const per = Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0, p: 0, r: 0, f1: 0 }])) as Record<Category, CategoryScore>;
  let clean = 0;
  let fa = 0;
  cases.forEach((c, i) => {
    const p = preds[i] as ReadonlySet<Category>;
    if (c.expect.length === 0) {
      clean++;
      if (p.size > 0) fa++;
    }
    for (const cat of CATEGORIES) {
      const y = c.expect.includes(cat);
      const h = p.has(cat);
      if (y && h) per[cat].tp++;
      else if (h) per[cat].fp++;
      else if (y) per[cat].fn++;
    }
  });
  const f1s: number[] = [];
  for (const cat of CATEGORIES) {
    const s = per[cat];
    s.p = s.tp + s.fp > 0 ? s.tp / (s.tp + s.fp) : 0;
    s.r = s.tp + s.fn > 0 ? s.tp / (s.tp + s.fn) : 0;
    s.f1 = s.p + s.r > 0 ? (2 * s.p * s.r) / (s.p + s.r) : 0;
    if (s.tp + s.fp + s.fn > 0) f1s.push(s.f1);
  }
  return {
    cases: cases.length,
    clean,
    falseAlarms: fa,
    benignFalseAlarmRate: clean > 0 ? fa / clean : 0,
    perCategory: per,
    macroF1: f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0,
  };
}

/** The writers of the cases, in file order. */
export function writersOf(cases: readonly PostCase[]): string[] {
  return [...new Set(cases.map((c) => c.writer))];
}

/** Result of the protocol: per writer, plus the mean over writers and the pooled counts. */
export interface WriterReport {
  perWriter: Array<{ writer: string; scores: Scores }>;
  /** Per category, mean over writers of F1 (and P, R). */
  meanPerCategory: Record<Category, { p: number; r: number; f1: number }>;
  meanMacroF1: number;
  meanBenignFalseAlarmRate: number;
  pooled: Scores;
}

/** Aggregates per-writer scores (mean over writers) and pooled predictions. */
export function aggregate(cases: readonly PostCase[], preds: ReadonlyArray<ReadonlySet<Category>>): WriterReport {
  const perWriter = writersOf(cases).map((w) => {
    const idx = cases.flatMap((c, i) => (c.writer === w ? [i] : []));
    return {
      writer: w,
      scores: score(
        idx.map((i) => cases[i] as PostCase),
        idx.map((i) => preds[i] as ReadonlySet<Category>),
      ),
    };
  });
  const mean = (f: (s: Scores) => number) => perWriter.reduce((a, x) => a + f(x.scores), 0) / perWriter.length;
  // a category counts for a writer only where it occurs there (as a label or a prediction)
  const meanOf = (c: Category, f: (s: CategoryScore) => number) => {
    const xs = perWriter.map((w) => w.scores.perCategory[c]).filter((s) => s.tp + s.fp + s.fn > 0);
    return xs.length ? xs.reduce((a, s) => a + f(s), 0) / xs.length : 0;
  };
  const meanPerCategory = Object.fromEntries(
    CATEGORIES.map((c) => [c, { p: meanOf(c, (s) => s.p), r: meanOf(c, (s) => s.r), f1: meanOf(c, (s) => s.f1) }]),
  ) as WriterReport['meanPerCategory'];
  const macro = CATEGORIES.reduce((a, c) => a + meanPerCategory[c].f1, 0) / CATEGORIES.length;
  return {
    perWriter,
    meanPerCategory,
    meanMacroF1: macro,
    meanBenignFalseAlarmRate: mean((s) => s.benignFalseAlarmRate),
    pooled: score(cases, preds),
  };
}

const pct = (x: number) => (x * 100).toFixed(1);

/** Markdown table of a report: one row per category (mean over writers), then the writers' macro-F1 and false alarms. */
export function writerTable(r: WriterReport): string {
  const lines = ['| category | P | R | F1 (mean over writers) | F1 pooled |', '|---|---|---|---|---|'];
  for (const c of CATEGORIES) {
    const m = r.meanPerCategory[c];
    lines.push(`| ${c} | ${pct(m.p)} | ${pct(m.r)} | ${pct(m.f1)} | ${pct(r.pooled.perCategory[c].f1)} |`);
  }
  lines.push(`| **macro** | | | **${pct(r.meanMacroF1)}** | ${pct(r.pooled.macroF1)} |`);
  lines.push('');
  lines.push(
    `Benign false alarms (clean cases with an error/warning finding), mean over writers: **${pct(r.meanBenignFalseAlarmRate)}%** (pooled ${r.pooled.falseAlarms}/${r.pooled.clean}).`,
  );
  lines.push('');
  lines.push(`| writer | ${r.perWriter.map((w) => w.writer).join(' | ')} |`);
  lines.push(`|---|${r.perWriter.map(() => '---').join('|')}|`);
  lines.push(`| macro-F1 | ${r.perWriter.map((w) => pct(w.scores.macroF1)).join(' | ')} |`);
  lines.push(`| false alarms | ${r.perWriter.map((w) => `${w.scores.falseAlarms}/${w.scores.clean}`).join(' | ')} |`);
  return lines.join('\n');
}
