/**
 * `bijak audit PATH`: audits a platform export (zip, unpacked folder, or a
 * loose tweets.js / posts_1.json / Shares.csv) and lists the past posts that
 * break the policy. A progress bar on a terminal; a summary by category and
 * year, then the flagged posts by severity; --format json|csv for the full
 * report.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import {
  AUDIT_PLATFORMS,
  AuditError,
  type AuditPlatform,
  type AuditProgress,
  type AuditReport,
  audit,
  type FlaggedPost,
  flaggedCsv,
  reportJson,
  worstSeverity,
} from '../../audit/index.js';
import { CATEGORY_LABELS } from '../../core/categories.js';
import type { Category } from '../../core/types.js';
import { getChecker } from '../../host/checker.js';
import { parse, policyFrom, UsageError, withUsage } from '../common.js';
import { type Colors, colorsFor, highlight } from '../format.js';
import type { CliIO, Command } from '../main.js';
import { kbIndexFrom } from './kb.js';

const USAGE = `Pemakaian / usage:
  bijak audit ARSIP [--format human|json|csv] [--output FILE] [--since YYYY-MM-DD]
                    [--platform ${AUDIT_PLATFORMS.join('|')}] [--policy FILE] [--kb KB.jsonl] [--all]

  ARSIP / ARCHIVE: zip unduhan platform, folder hasil ekstrak, atau berkas tweets.js/posts_1.json/Shares.csv
                   the platform's zip, the unpacked folder, or a tweets.js/posts_1.json/Shares.csv file
  --kb KB.jsonl    tandai unggahan lama yang menyebarkan hoaks yang sudah diklarifikasi / flag old posts spreading a clarified hoax
  --all            tampilkan semua unggahan bermasalah / list every flagged post (default: the first 50)

Keluar / exit: 0 tanpa pelanggaran / no error finding, 1 ada pelanggaran / error finding, 2 salah pakai atau arsip tak terbaca / bad usage or unreadable archive.`;

const SHOWN = 50;

function fmtDuration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.round(s)}s`;
}

const num = (n: number) => n.toLocaleString('id-ID');

/** The progress line: bar (when the size is known), posts scanned, flagged, rate, ETA. */
export function progressLine(p: AuditProgress, width = 24): string {
  const frac = p.bytesTotal > 0 ? Math.min(1, p.bytesRead / p.bytesTotal) : 0;
  const filled = Math.round(frac * width);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(frac * 100)).padStart(3)}%`;
  const eta = p.eta === null ? '' : ` · sisa/ETA ${fmtDuration(p.eta)}`;
  return `${bar} ${num(p.scanned)} dipindai/scanned · ${num(p.flagged)} ditandai/flagged · ${num(p.rate)}/s${eta}`;
}

function excerpt(text: string, max = 280): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function renderPost(p: FlaggedPost, c: Colors): string {
  const sev = worstSeverity(p.findings);
  const paint = sev === 'error' ? c.red : sev === 'warning' ? c.yellow : c.cyan;
  const label = sev === 'error' ? 'PELANGGARAN/ERROR' : sev === 'warning' ? 'PERINGATAN/WARNING' : 'INFO';
  const head = `${paint(c.bold(label))} ${p.date ? p.date.slice(0, 10) : '(tanpa tanggal/undated)'} ${p.platform} ${p.kind}${p.url ? ` ${c.underline(p.url)}` : ` id ${p.id}`}`;
  // highlight on the whitespace-folded text keeps offsets: fold only after highlighting would break ranges, so show the original (cut) text
  const text = p.text.length > 400 ? null : highlight(p.text, p.findings, c).replace(/\r?\n/g, ' ⏎ ');
  const lines = [head, `  ${text ?? excerpt(p.text, 400)}`];
  const seen = new Set<string>();
  for (const f of p.findings) {
    const words = p.text.slice(f.range[0], f.range[1]);
    const key = `${f.category}\u0000${words}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const cat = CATEGORY_LABELS[f.category as Category];
    lines.push(
      `  ${c.dim('→')} ${cat ? cat.id : f.category}: "${words}" ${c.dim(`(${f.ruleId}${f.references.length ? `; ${f.references.join(', ')}` : ''})`)}`,
    );
  }
  return lines.join('\n');
}

/** The human report: summary by category and by year, then the flagged posts. */
export function renderReport(r: AuditReport, c: Colors, all: boolean): string {
  const out: string[] = [];
  out.push(
    c.bold(`Audit jejak digital / footprint audit: ${r.platforms.join(', ')}`),
    `${num(r.scanned)} unggahan dipindai / posts scanned, ${num(r.summary.flagged)} ditandai / flagged` +
      (r.likes.scanned ? `; ${num(r.likes.scanned)} suka / likes, ${num(r.likes.flagged.length)} ditandai` : '') +
      (r.skippedBeforeSince ? `; ${num(r.skippedBeforeSince)} sebelum --since dilewati / skipped` : '') +
      ` (${r.seconds.toFixed(1)} s)`,
  );
  const cats = Object.entries(r.summary.byCategory).sort((a, b) => b[1] - a[1]);
  if (cats.length > 0) {
    out.push('', c.bold('Per kategori / by category:'));
    for (const [k, n] of cats) {
      const l = CATEGORY_LABELS[k as Category];
      out.push(`  ${String(num(n)).padStart(7)}  ${l ? `${l.id} / ${l.en}` : k}`);
    }
    out.push('', c.bold('Per tahun / by year:'));
    const years = Object.entries(r.summary.byYear).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const max = Math.max(...years.map(([, n]) => n));
    for (const [y, n] of years) out.push(`  ${y.padEnd(7)} ${String(num(n)).padStart(7)}  ${c.dim('█'.repeat(Math.max(1, Math.round((n / max) * 30))))}`);
  }
  for (const w of r.warnings) out.push(c.yellow(`! ${w.id} / ${w.en}`));
  const list = all ? r.flagged : r.flagged.slice(0, SHOWN);
  if (list.length > 0) out.push('', c.bold('Unggahan bermasalah (terparah dulu) / flagged posts (most severe first):'), '');
  for (const p of list) out.push(renderPost(p, c), '');
  if (list.length < r.flagged.length) out.push(c.dim(`… ${num(r.flagged.length - list.length)} lagi / more: --all, atau/or --format json|csv --output FILE`));
  if (r.truncated) out.push(c.yellow('Daftar dipotong (batas jumlah) / the list was truncated (limit); the counts above are complete.'));
  if (r.likes.flagged.length > 0) {
    out.push('', c.bold('Suka (unggahan orang lain) / likes (others\u2019 posts):'), '');
    for (const p of all ? r.likes.flagged : r.likes.flagged.slice(0, 10)) out.push(renderPost(p, c), '');
  }
  if (r.summary.flagged === 0) out.push('', c.green('Tidak ada unggahan bermasalah / no flagged posts.'));
  return `${out.join('\n')}\n`;
}

async function writeAll(stream: Writable, chunks: Iterable<string>): Promise<void> {
  for (const s of chunks) if (!stream.write(s)) await once(stream, 'drain');
}

async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    since: { type: 'string' },
    platform: { type: 'string' },
    policy: { type: 'string' },
    kb: { type: 'string' },
    all: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('berikan satu arsip / give one archive');
  const format = values.format ?? 'human';
  if (!['human', 'text', 'json', 'csv'].includes(format)) throw new UsageError(`--format: human, json atau/or csv (bukan/not ${format})`);
  if (values.platform && !AUDIT_PLATFORMS.includes(values.platform as AuditPlatform))
    throw new UsageError(`--platform: ${AUDIT_PLATFORMS.join(', ')} (bukan/not ${values.platform})`);
  let since: Date | undefined;
  if (values.since) {
    since = new Date(/^\d{4}-\d{2}(-\d{2})?$/.test(values.since) ? `${values.since.length === 7 ? `${values.since}-01` : values.since}T00:00:00Z` : Number.NaN);
    if (Number.isNaN(since.getTime())) throw new UsageError(`--since: tanggal YYYY-MM-DD / a date YYYY-MM-DD (bukan/not ${values.since})`);
  }
  const policy = policyFrom(values.policy);
  const kb = values.kb ? kbIndexFrom(values.kb) : undefined;
  const checker = getChecker(policy, kb);
  const tty = Boolean(io.stderr.isTTY) && !io.env.CI;
  let last = '';
  const onProgress = tty
    ? (p: AuditProgress) => {
        const line = progressLine(p);
        if (line !== last) {
          io.stderr.write(`\r\x1b[2K${line}`);
          last = line;
        }
      }
    : undefined;
  let report: AuditReport;
  try {
    report = await audit(positionals[0], {
      checker,
      parallel: { policy, kb: kb?.entries },
      since,
      platform: values.platform as AuditPlatform | undefined,
      onProgress,
    });
  } catch (e) {
    if (tty) io.stderr.write('\r\x1b[2K');
    if (e instanceof AuditError) {
      io.stderr.write(`bijak audit: ${e.message}\n            ${e.messageEn}\n`);
      return 2;
    }
    throw e;
  }
  if (tty) io.stderr.write('\r\x1b[2K');
  const outFile = values.output ? createWriteStream(values.output) : null;
  if (outFile)
    await new Promise<void>((resolve, reject) => {
      outFile.once('open', () => resolve());
      outFile.once('error', (e) => reject(new UsageError(`--output ${values.output}: ${e.message}`)));
    });
  const out: Writable & { isTTY?: boolean } = outFile ?? io.stdout;
  if (format === 'json') await writeAll(out, [reportJson(report)]);
  else if (format === 'csv') await writeAll(out, flaggedCsv([...report.flagged, ...report.likes.flagged]));
  else await writeAll(out, [renderReport(report, colorsFor(out, io.env), Boolean(values.all))]);
  if (outFile) {
    outFile.end();
    await once(outFile, 'finish');
    io.stderr.write(`${report.scanned} dipindai / scanned, ${report.summary.flagged} ditandai / flagged → ${values.output}\n`);
  }
  return report.flagged.some((p) => p.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

export const command: Command = {
  summary: { id: 'audit jejak digital dari arsip unduhan platform', en: 'audit past posts from a platform export archive' },
  run: (args, io) => withUsage(io, USAGE, () => run(args, io)),
};
