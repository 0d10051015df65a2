/**
 * `bijak kb`: the fact-check knowledge base.
 *   kb import FILE... --out KB.jsonl   import (format detected) and merge into a KB file
 *   kb search "teks" [--kb KB.jsonl]    search the KB in plain words
 *   kb eval [--kb KB.jsonl]             recall@1 / false matches / debunks on the labelled set
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildKbIndex, decide, type KbEntry, KbFormatError, type KbIndex, searchKb, VERDICT_LABELS } from '../../core/kb/index.js';
import { sharedPath } from '../../host/shared.js';
import { evaluateKb, loadEvalSet } from '../../kb/evaluate.js';
import { importFiles, loadKbFile, sampleKbPath, writeKbFile } from '../../kb/file.js';
import { KB_FORMATS, type KbFormat, KbImportError } from '../../kb/formats.js';
import { parse, UsageError, withUsage } from '../common.js';
import type { CliIO, Command } from '../main.js';

const USAGE = `Pemakaian / usage:
  bijak kb import FILE... --out KB.jsonl [--format F] [--report-format json]
      F: ${KB_FORMATS.join(', ')} (dikenali otomatis / detected when omitted)
  bijak kb search "teks" [--kb KB.jsonl] [--limit N] [--format human|json]
  bijak kb eval [--kb KB.jsonl] [--format human|json]
Tanpa --kb dipakai contoh KB proyek (models/kb-sample.jsonl) / without --kb the project's sample KB is used.`;

const indexCache = new Map<string, KbIndex>();

/** Loads a KB file and builds its index (a bad file is a usage error naming the lines). */
export function kbIndexFrom(path: string): KbIndex {
  let ix = indexCache.get(path);
  if (!ix) {
    ix = buildKbIndex(kbEntriesFrom(path), { asOf: new Date().toISOString().slice(0, 10) });
    indexCache.set(path, ix);
  }
  return ix;
}

function kbEntriesFrom(path: string): KbEntry[] {
  try {
    return loadKbFile(path);
  } catch (e) {
    if (e instanceof KbFormatError || e instanceof KbImportError) throw new UsageError(e.message);
    throw new UsageError(`tidak dapat membaca KB / cannot read KB ${path}: ${(e as Error).message}`);
  }
}

function defaultKb(io: CliIO): string {
  const p = sampleKbPath();
  if (!p) throw new UsageError('tidak ada --kb dan contoh KB tidak ditemukan / no --kb and no sample KB found');
  io.stderr.write(`bijak: memakai contoh KB / using the sample KB ${p}\n`);
  return p;
}

async function runImport(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, {
    out: { type: 'string', short: 'o' },
    format: { type: 'string' },
    'report-format': { type: 'string', default: 'human' },
  });
  if (!values.out) throw new UsageError('--out KB.jsonl wajib / is required');
  if (positionals.length === 0) throw new UsageError('tidak ada FILE / no FILE given');
  if (values.format && !(KB_FORMATS as readonly string[]).includes(values.format))
    throw new UsageError(`--format harus salah satu dari / must be one of ${KB_FORMATS.join(', ')}`);
  const existing = existsSync(values.out) ? kbEntriesFrom(values.out) : [];
  let result: ReturnType<typeof importFiles>;
  try {
    result = importFiles(existing, positionals, values.format as KbFormat | undefined);
  } catch (e) {
    if (e instanceof KbImportError) {
      io.stderr.write(`bijak: ${e.message}\nTidak ada yang diubah / nothing was changed.\n`);
      return 1;
    }
    throw e;
  }
  const { entries, report, formats } = result;
  if (report.added + report.merged > 0 || !existsSync(values.out)) writeKbFile(values.out, entries);
  if (values['report-format'] === 'json') {
    io.stdout.write(`${JSON.stringify({ out: values.out, entries: entries.length, formats, ...report }, null, 2)}\n`);
  } else {
    for (const f of formats) io.stdout.write(`${f.file}: ${f.format}, ${f.records} record\n`);
    io.stdout.write(
      `ditambah / added ${report.added}, digabung / merged ${report.merged}, ditolak / rejected ${report.rejected}; ${values.out}: ${entries.length} entri\n`,
    );
    for (const it of report.items.filter((i) => i.status === 'rejected').slice(0, 50)) io.stdout.write(`  ditolak / rejected ${it.origin}: ${it.reason}\n`);
    for (const it of report.items.filter((i) => i.status === 'merged').slice(0, 50)) io.stdout.write(`  digabung / merged ${it.origin} -> ${it.id}\n`);
  }
  return report.rejected > 0 && report.added + report.merged === 0 ? 1 : 0;
}

async function runSearch(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, {
    kb: { type: 'string' },
    limit: { type: 'string', default: '5' },
    format: { type: 'string', default: 'human' },
  });
  const text = positionals.join(' ').trim();
  if (!text) throw new UsageError('tidak ada teks / no text given');
  if (text.length > 10_000) throw new UsageError('teks lebih dari 10.000 karakter / text longer than 10,000 characters');
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UsageError('--limit harus 1..100 / must be 1..100');
  const index = kbIndexFrom(values.kb ?? defaultKb(io));
  const hits = searchKb(index, text, limit);
  if (values.format === 'json') {
    io.stdout.write(
      `${JSON.stringify(
        hits.map((h) => ({ id: h.entry.id, score: Math.round(h.score * 1000) / 1000, decision: decide(h, index), claim: h.claim, entry: h.entry })),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  if (hits.length === 0) {
    io.stdout.write('Tidak ada klaim yang mirip di KB / no similar claim in the KB.\n');
    return 0;
  }
  for (const h of hits) {
    const e = h.entry;
    const d = decide(h, index);
    const tag = d === 'known' ? 'COCOK / MATCH' : d === 'similar' ? 'mirip / similar' : 'lemah / weak';
    io.stdout.write(`[${(h.score * 100).toFixed(0)}% ${tag}] ${VERDICT_LABELS[e.verdict].id.toUpperCase()}: ${h.claim}\n`);
    io.stdout.write(`  ${e.summary}\n  Sumber / source: ${e.source.name}${e.source.url ? ` ${e.source.url}` : ''}${e.date ? `, ${e.date}` : ''} (${e.id})\n`);
  }
  return 0;
}

async function runEval(args: string[], io: CliIO): Promise<number> {
  const { values } = parse(args, { kb: { type: 'string' }, format: { type: 'string', default: 'human' } }, false);
  const entries = kbEntriesFrom(values.kb ?? defaultKb(io));
  const root = ['../../../', '../../../../'].map((p) => fileURLToPath(new URL(p, import.meta.url))).find((p) => existsSync(join(p, 'tests/kb/eval')));
  if (!root) throw new UsageError('tests/kb/eval tidak ditemukan / not found');
  const posts = sharedPath('datasets', 'bijak-posts');
  if (!posts || !existsSync(posts))
    io.stderr.write('bijak: ../shared/datasets/bijak-posts tidak ada; hanya pernyataan benar proyek / absent; only the project statements\n');
  const r = evaluateKb(entries, loadEvalSet(join(root, 'tests/kb/eval'), posts && existsSync(posts) ? posts : undefined));
  if (values.format === 'json') {
    io.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(
    [
      `parafrase / paraphrases: ${r.paraphrases}, recall@1 ${r.recallAt1.toFixed(3)}, terdeteksi (error) / detected ${r.detected.toFixed(3)}`,
      `tak terkait / unrelated: ${r.unrelated}, salah cocok / false matches ${(r.falseMatchRate * 100).toFixed(2)}% (${r.falseMatches.length}), mirip (info) ${(r.similarRate * 100).toFixed(2)}%`,
      `bantahan / debunks: ${r.debunks}, dengan error / with an error finding: ${r.debunkErrors}`,
      '',
    ].join('\n'),
  );
  for (const f of r.falseMatches) io.stdout.write(`  salah cocok / false match ${f.origin} -> ${f.entry} (${f.score.toFixed(2)}): ${f.text.slice(0, 100)}\n`);
  return 0;
}

export const command: Command = {
  summary: { id: 'basis data hoaks yang sudah diklarifikasi (impor, cari, evaluasi)', en: 'knowledge base of clarified hoaxes (import, search, eval)' },
  run: (args, io) =>
    withUsage(io, USAGE, async () => {
      const [sub, ...rest] = args;
      if (!sub || sub === '--help' || sub === '-h') {
        io.stdout.write(`${USAGE}\n`);
        return sub ? 0 : 2;
      }
      if (sub === 'import') return runImport(rest, io);
      if (sub === 'search') return runSearch(rest, io);
      if (sub === 'eval') return runEval(rest, io);
      throw new UsageError(`subperintah tidak dikenal / unknown subcommand: ${sub}`);
    }),
};
