/** Markdown for `bijak eval`: the result table beside the published reference figures, and the section of docs/quality.md. */
import type { LabelResult } from './evaluate.js';

/** Published reference figures (binary F1 of HS, 5-fold 70/10/20), Koto et al. 2021, Table 7. */
export const REFERENCE_HS = { mBERT: 85.1, IndoBERT: 86.8, IndoBERTweet: 88.8 };

/** Targets of issue #3. */
export const TARGETS: Record<string, number> = { hs: 0.8, abusive: 0.9, pornografi: 0.75, sara: 0.75, radikalisme: 0.75, pencemaran_nama_baik: 0.75 };

const pct = (x: number) => (x * 100).toFixed(1);
const pct2 = (x: number) => (x * 100).toFixed(2);

/** One table of results. */
export function resultTable(rows: Array<{ data: string; label: string; category: string; protocol: string; r: LabelResult; reference: string }>): string {
  const lines = [
    '| data | label (category) | protocol | F1 test, mean ± sd | P / R at F1 point | P / R at run-time threshold | target | reference (Koto et al. 2021) |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const x of rows) {
    const sd = x.r.folds.length > 1 ? ` ± ${pct2(x.r.f1.sd)}` : '';
    const target = TARGETS[x.r.name];
    const met = target === undefined ? '' : `${pct(target)} ${x.r.f1.mean >= target ? '(met)' : '(not met)'}`;
    lines.push(
      `| ${x.data} | ${x.label} (${x.category}) | ${x.protocol} | **${pct2(x.r.f1.mean)}${sd}** | ${pct(x.r.p)} / ${pct(x.r.r)} | ${pct(x.r.runP)} / ${pct(x.r.runR)} | ${met} | ${x.reference} |`,
    );
  }
  return lines.join('\n');
}

/** Per-fold F1 line. */
export function foldLine(r: LabelResult): string {
  return r.folds.map((f, i) => `fold ${i + 1}: ${pct(f.testF1)}`).join(', ');
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->`, or appends the block under `## Learned models`. */
export function replaceBlock(doc: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  if (a >= 0 && b > a) return doc.slice(0, a) + block + doc.slice(b + end.length);
  const base = doc.includes('## Learned models') ? doc : `${doc.trimEnd()}${doc.trim() ? '\n\n' : ''}## Learned models\n`;
  return `${base.trimEnd()}\n\n${block}\n`;
}
