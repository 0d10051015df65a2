/**
 * Per-category precision, recall and F1 of the built-in rules on labelled
 * cases, reported separately for each file: ../shared/cases/dev.jsonl (when
 * present), tests/core/cases.jsonl, tests/core/holdout.jsonl and
 * tests/core/holdout2.jsonl. A case "predicts" a category when a finding of
 * severity error or warning has it. Misses (expected category not found) and
 * false alarms (category found but not expected) are listed per file.
 *
 * Each table ends with the benign false-alarm rate: clean cases (expect [])
 * with any error or warning finding.
 *
 * Run: npx tsx scripts/eval-rules.ts [--verbose] [--quiet] [--json] [--total] [file.jsonl ...]
 *   --verbose  also print every finding of the listed cases
 *   --quiet    tables only, no miss/false-alarm lists
 *   --json     one JSON object per file (for tests and docs)
 *   --total    also one table over all the files together (e.g. the twelve writers of bijak-posts)
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATEGORIES, type Category, type CheckInput, check } from '../src/core/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const quiet = args.includes('--quiet');
const asJson = args.includes('--json');
const withTotal = args.includes('--total');
const named = args.filter((a) => !a.startsWith('--')).map((a) => resolve(a));
const files = named.length
  ? named
  : [
      resolve(root, '../shared/cases/dev.jsonl'),
      resolve(root, 'tests/core/cases.jsonl'),
      resolve(root, 'tests/core/holdout.jsonl'),
      resolve(root, 'tests/core/holdout2.jsonl'),
    ];

export interface Case {
  id: string;
  kind: string;
  text?: string;
  handle?: string;
  displayName?: string;
  bio?: string;
  expect: Category[];
  note?: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface FileReport {
  file: string;
  cases: number;
  passed: number;
  perCategory: Record<string, Counts & { p: number; r: number; f1: number }>;
  micro: Counts & { p: number; r: number; f1: number };
  /** Cases that expect no category. */
  clean: number;
  /** Clean cases with any error or warning finding. */
  cleanFlagged: number;
  misses: string[];
  falseAlarms: string[];
}

const ratio = (a: number, b: number) => (b === 0 ? Number.NaN : a / b);
const f1Of = (p: number, r: number) => (Number.isNaN(p) || Number.isNaN(r) || p + r === 0 ? Number.NaN : (2 * p * r) / (p + r));
function scored(s: Counts) {
  const p = ratio(s.tp, s.tp + s.fp);
  const r = ratio(s.tp, s.tp + s.fn);
  return { ...s, p, r, f1: f1Of(p, r) };
}

function evaluate(file: string): FileReport {
  const stats = new Map<Category, Counts>(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  const misses: string[] = [];
  const falseAlarms: string[] = [];
  let cases = 0;
  let passed = 0;
  let clean = 0;
  let cleanFlagged = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const c = JSON.parse(line) as Case;
    const input: CheckInput =
      c.kind === 'account' ? { kind: 'account', handle: c.handle ?? '', displayName: c.displayName, bio: c.bio } : { text: c.text ?? '' };
    const found = check(input);
    const got = new Set(found.filter((x) => x.severity !== 'info').map((x) => x.category));
    const want = new Set(c.expect);
    const text = c.text ?? `${c.handle} / ${c.displayName ?? ''} / ${c.bio ?? ''}`;
    let ok = true;
    for (const cat of CATEGORIES) {
      const s = stats.get(cat)!;
      if (want.has(cat) && got.has(cat)) s.tp++;
      else if (want.has(cat)) {
        s.fn++;
        ok = false;
        misses.push(`${c.id} [${cat}] ${text}`);
      } else if (got.has(cat)) {
        s.fp++;
        if (want.size === 0) ok = false;
        falseAlarms.push(`${c.id} [${cat}]${want.size ? ` (want ${[...want]})` : ''} ${text}`);
      }
    }
    cases++;
    if (ok) passed++;
    if (want.size === 0) {
      clean++;
      if (got.size > 0) cleanFlagged++;
    }
    if (verbose && (!ok || [...got].some((g) => !want.has(g)))) {
      console.log(`${ok ? 'extra' : 'FAIL '} ${c.id}: want [${[...want]}] got [${[...got]}] :: ${text}`);
      for (const x of found)
        console.log(
          `      ${x.ruleId} ${x.severity} ${x.field} ${x.range[0]}:${x.range[1]} ${JSON.stringify((x.field === 'text' ? (c.text ?? '') : ((c as unknown as Record<string, string>)[x.field] ?? '')).slice(x.range[0], x.range[1]))}`,
        );
    }
  }
  const perCategory: FileReport['perCategory'] = {};
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const cat of CATEGORIES) {
    const s = stats.get(cat)!;
    total.tp += s.tp;
    total.fp += s.fp;
    total.fn += s.fn;
    perCategory[cat] = scored(s);
  }
  return { file: relative(root, file), cases, passed, perCategory, micro: scored(total), clean, cleanFlagged, misses, falseAlarms };
}

const pct = (x: number) => (Number.isNaN(x) ? '    - ' : `${(100 * x).toFixed(1).padStart(5)}%`);
function print(r: FileReport): void {
  console.log(`\n== ${r.file}: ${r.cases} cases, passing (every expected category found; no error/warning on clean cases): ${r.passed}`);
  console.log('category        precision  recall      F1   tp  fp  fn');
  const row = (name: string, s: Counts & { p: number; r: number; f1: number }) =>
    console.log(
      `${name.padEnd(15)} ${pct(s.p)}    ${pct(s.r)}  ${pct(s.f1)}  ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}`,
    );
  for (const cat of CATEGORIES) row(cat, r.perCategory[cat]);
  row('all (micro)', r.micro);
  const macro = CATEGORIES.map((c) => r.perCategory[c].f1).filter((x) => !Number.isNaN(x));
  console.log(`macro-F1 over ${macro.length} categories with cases: ${pct(macro.reduce((a, b) => a + b, 0) / Math.max(1, macro.length))}`);
  console.log(`benign false alarms (clean cases with any error/warning): ${r.cleanFlagged}/${r.clean} = ${pct(ratio(r.cleanFlagged, r.clean))}`);
  if (quiet) return;
  if (r.misses.length) console.log(`misses (${r.misses.length}):\n  ${r.misses.join('\n  ')}`);
  if (r.falseAlarms.length) console.log(`false alarms (${r.falseAlarms.length}):\n  ${r.falseAlarms.join('\n  ')}`);
}

const reports: FileReport[] = [];
for (const f of files) {
  if (!existsSync(f)) {
    if (!asJson) console.log(`(skip: ${relative(root, f)} not found)`);
    continue;
  }
  const r = evaluate(f);
  reports.push(r);
  if (!asJson) print(r);
}
if (withTotal && reports.length > 1) {
  const perCategory: FileReport['perCategory'] = {};
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const cat of CATEGORIES) {
    const s: Counts = { tp: 0, fp: 0, fn: 0 };
    for (const r of reports) {
      s.tp += r.perCategory[cat].tp;
      s.fp += r.perCategory[cat].fp;
      s.fn += r.perCategory[cat].fn;
    }
    total.tp += s.tp;
    total.fp += s.fp;
    total.fn += s.fn;
    perCategory[cat] = scored(s);
  }
  const sum = (f: (r: FileReport) => number) => reports.reduce((a, r) => a + f(r), 0);
  const all: FileReport = {
    file: `total over ${reports.length} files`,
    cases: sum((r) => r.cases),
    passed: sum((r) => r.passed),
    perCategory,
    micro: scored(total),
    clean: sum((r) => r.clean),
    cleanFlagged: sum((r) => r.cleanFlagged),
    misses: [],
    falseAlarms: [],
  };
  reports.push(all);
  if (!asJson) print(all);
}
if (asJson) console.log(JSON.stringify(reports, null, 1));
