/**
 * Per-category precision and recall of the built-in rules on the labelled
 * cases: ../shared/cases/dev.jsonl (when present) and tests/core/cases.jsonl.
 * A case "predicts" a category when a finding of severity error or warning
 * has it. Run: npx tsx scripts/eval-rules.ts [--verbose]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATEGORIES, type Category, type CheckInput, check } from '../src/core/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const files = [resolve(root, '../shared/cases/dev.jsonl'), resolve(root, 'tests/core/cases.jsonl')];
const verbose = process.argv.includes('--verbose');

interface Case {
  id: string;
  kind: string;
  text?: string;
  handle?: string;
  displayName?: string;
  bio?: string;
  expect: Category[];
}

const stats = new Map<Category, { tp: number; fp: number; fn: number }>(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
let cases = 0;
let passed = 0;
for (const f of files) {
  if (!existsSync(f)) {
    console.log(`(skip: ${f} not found)`);
    continue;
  }
  for (const line of readFileSync(f, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const c = JSON.parse(line) as Case;
    const input: CheckInput =
      c.kind === 'account' ? { kind: 'account', handle: c.handle ?? '', displayName: c.displayName, bio: c.bio } : { text: c.text ?? '' };
    const found = check(input);
    const got = new Set(found.filter((x) => x.severity !== 'info').map((x) => x.category));
    const want = new Set(c.expect);
    let ok = true;
    for (const cat of CATEGORIES) {
      const s = stats.get(cat)!;
      if (want.has(cat) && got.has(cat)) s.tp++;
      else if (want.has(cat)) {
        s.fn++;
        ok = false;
      } else if (got.has(cat)) {
        s.fp++;
        if (want.size === 0) ok = false;
      }
    }
    cases++;
    if (ok) passed++;
    if (verbose && (!ok || [...got].some((g) => !want.has(g)))) {
      const text = c.text ?? `${c.handle} / ${c.displayName ?? ''} / ${c.bio ?? ''}`;
      console.log(`${ok ? 'extra' : 'FAIL '} ${c.id}: want [${[...want]}] got [${[...got]}] :: ${text}`);
      for (const x of found)
        console.log(
          `      ${x.ruleId} ${x.field} ${x.range[0]}:${x.range[1]} ${JSON.stringify((x.field === 'text' ? (c.text ?? '') : ((c as unknown as Record<string, string>)[x.field] ?? '')).slice(x.range[0], x.range[1]))}`,
        );
    }
  }
}
const pct = (a: number, b: number) => (b === 0 ? '   -  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
console.log(`\ncases: ${cases}, passing (every expected category found; no error/warning on clean cases): ${passed}\n`);
console.log('category        precision  recall   tp  fp  fn');
let TP = 0;
let FP = 0;
let FN = 0;
for (const cat of CATEGORIES) {
  const s = stats.get(cat)!;
  TP += s.tp;
  FP += s.fp;
  FN += s.fn;
  console.log(
    `${cat.padEnd(15)} ${pct(s.tp, s.tp + s.fp)}    ${pct(s.tp, s.tp + s.fn)}  ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}`,
  );
}
console.log(
  `${'all (micro)'.padEnd(15)} ${pct(TP, TP + FP)}    ${pct(TP, TP + FN)}  ${String(TP).padStart(3)} ${String(FP).padStart(3)} ${String(FN).padStart(3)}`,
);
