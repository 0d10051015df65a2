/**
 * Human-readable output of findings for the terminal: the text with the
 * flagged words highlighted, then each finding's reason, suggestion and
 * guideline references. Colour only when the stream is a TTY (or FORCE_COLOR).
 */
import pc from 'picocolors';
import { CATEGORY_LABELS } from '../core/categories.js';
import type { AccountInput, CheckInput, Field, Finding, Severity } from '../core/types.js';
import { isAccount } from '../core/types.js';

/** Colour functions, real or identity. */
export type Colors = ReturnType<typeof pc.createColors>;

/** Colours for a stream: on for a TTY unless NO_COLOR, or when FORCE_COLOR is set. */
export function colorsFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Colors {
  const on = env.FORCE_COLOR ? env.FORCE_COLOR !== '0' : Boolean(stream.isTTY) && !env.NO_COLOR;
  return pc.createColors(on);
}

/** 1-based line and column (UTF-16) of an offset. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, col: offset - last };
}

const SEVERITY_LABEL: Record<Severity, { id: string; en: string }> = {
  error: { id: 'pelanggaran', en: 'error' },
  warning: { id: 'peringatan', en: 'warning' },
  info: { id: 'info', en: 'info' },
};

function severityColor(c: Colors, s: Severity): (x: string) => string {
  return s === 'error' ? c.red : s === 'warning' ? c.yellow : c.cyan;
}

/** Text of an input field. */
export function fieldValue(input: CheckInput, field: Field): string {
  if (isAccount(input)) return (input as AccountInput)[field as 'handle' | 'displayName' | 'bio'] ?? '';
  return input.text;
}

/** The text with every flagged range highlighted (overlaps merged). */
export function highlight(text: string, findings: Finding[], c: Colors): string {
  const ranges = findings.map((f) => ({ s: f.range[0], e: f.range[1], sev: f.severity })).sort((a, b) => a.s - b.s);
  let out = '';
  let pos = 0;
  for (const r of ranges) {
    if (r.e <= pos) continue;
    const s = Math.max(r.s, pos);
    out += text.slice(pos, s);
    const paint = c.isColorSupported ? (x: string) => c.bold(c.underline(severityColor(c, r.sev)(x))) : (x: string) => `[${x}]`;
    out += paint(text.slice(s, r.e));
    pos = r.e;
  }
  return out + text.slice(pos);
}

const FIELD_LABEL: Record<Field, string> = { text: 'teks', handle: 'nama pengguna / handle', displayName: 'nama tampilan / display name', bio: 'bio' };

/** Renders the findings of one input for a person at a terminal. */
export function renderHuman(input: CheckInput, findings: Finding[], c: Colors): string {
  const lines: string[] = [];
  const fields: Field[] = isAccount(input) ? ['handle', 'displayName', 'bio'] : ['text'];
  for (const field of fields) {
    const text = fieldValue(input, field);
    const fs = findings.filter((f) => f.field === field);
    if (isAccount(input) && !text) continue;
    if (isAccount(input)) lines.push(c.dim(`${FIELD_LABEL[field]}:`));
    if (fs.length > 0 || !isAccount(input)) lines.push(highlight(text, fs, c));
    for (const f of fs) {
      const { line, col } = lineCol(text, f.range[0]);
      const sev = severityColor(c, f.severity);
      const label = CATEGORY_LABELS[f.category];
      lines.push('');
      lines.push(
        `  ${sev(c.bold(SEVERITY_LABEL[f.severity].id))} ${c.dim(`${line}:${col}`)} ${c.bold(`"${text.slice(f.range[0], f.range[1])}"`)} — ${label.id} ${c.dim(`(${f.ruleId})`)}`,
      );
      lines.push(`    ${f.message.id}`);
      lines.push(c.dim(`    ${f.message.en}`));
      if (f.confidence !== undefined) lines.push(c.dim(`    keyakinan model / model confidence: ${Math.round(f.confidence * 100)}%`));
      for (const s of f.suggestions) lines.push(`    ${c.green('Saran:')} ${s.id}${s.en ? c.dim(` / ${s.en}`) : ''}`);
      if (f.references.length) lines.push(c.dim(`    Rujukan / reference: ${f.references.join('; ')}`));
    }
  }
  lines.push('');
  if (findings.length === 0) lines.push(c.green('✔ Aman untuk diunggah: tidak ada temuan. / OK to post: no findings.'));
  else {
    const n = (s: Severity) => findings.filter((f) => f.severity === s).length;
    lines.push(
      `${findings.length} temuan / findings: ${c.red(`${n('error')} pelanggaran`)}, ${c.yellow(`${n('warning')} peringatan`)}, ${n('info')} info` +
        (n('error') > 0 ? c.red(' — jangan unggah sebelum diperbaiki / do not post before fixing') : ''),
    );
  }
  return `${lines.join('\n')}\n`;
}
