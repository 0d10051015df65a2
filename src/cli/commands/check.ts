/**
 * `bijak check`: checks a draft post (argument or stdin), or a JSON-lines
 * stream of posts and accounts (`--jsonl [FILE]`).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { exitCodeFor as contractExitCode, SEVERITIES } from '../../core/contract.js';
import { type CheckInput, type Finding, type Policy, parseCheckInput, type Severity } from '../../core/index.js';
import type { KbIndex } from '../../core/kb/index.js';
import { getChecker } from '../../host/checker.js';
import { parse, policyFrom, readAll, UsageError, withUsage } from '../common.js';
import { colorsFor, renderHuman } from '../format.js';
import type { CliIO, Command } from '../main.js';
import { kbIndexFrom } from './kb.js';

const USAGE = `Pemakaian / usage:
  bijak check [--policy FILE] [--platform P] [--format human|json] [--fail-on error|warning|info] "teks"
  echo "teks" | bijak check
  bijak check --jsonl [FILE]        (stdin tanpa FILE / stdin without FILE)
  --kb KB.jsonl                     cocokkan juga dengan basis data hoaks / also match a KB of clarified hoaxes

Keluar / exit: tingkat keparahan mengikuti kebijakan organisasi (--policy) / severities follow the organisation's policy.
  0  tidak ada temuan setingkat --fail-on (bawaan: pelanggaran) / no finding at --fail-on or above (default: error)
  1  ada temuan setingkat --fail-on atau lebih berat / a finding at --fail-on or above
  2  salah pakai / bad usage`;

/** Longest line accepted in --jsonl input. */
export const MAX_LINE_CHARS = 1_000_000;

const idSchema = z.union([z.string().max(500), z.number()]).optional();

/**
 * Validates one JSONL record into a checker input with the core's one input schema (src/core/input.ts); the optional
 * `id` is echoed back. Throws with a message naming the field.
 */
export function inputFromRecord(rec: unknown): { id: unknown; input: CheckInput } {
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) throw new Error('baris bukan objek JSON / line is not a JSON object');
  const { id, ...rest } = rec as Record<string, unknown>;
  const idOk = idSchema.safeParse(id);
  if (!idOk.success) throw new Error(`id: ${idOk.error.issues[0]?.message}`);
  return { id: idOk.data ?? null, input: parseCheckInput(rest) };
}

async function runJsonl(file: string | undefined, policyPath: string | undefined, io: CliIO, failOn: Severity = 'error', kb?: KbIndex): Promise<number> {
  const checker = getChecker(policyFrom(policyPath), kb);
  const stream = file ? createReadStream(file, { encoding: 'utf8' }) : io.stdin;
  if (file) {
    await new Promise<void>((resolve, reject) => {
      (stream as ReturnType<typeof createReadStream>).once('open', () => resolve());
      stream.once('error', (e: Error) => reject(new UsageError(`tidak dapat membuka / cannot open ${file}: ${e.message}`)));
    });
  }
  const rl = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let anyError = false;
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (line.trim() === '') continue;
    let id: unknown = null;
    let out: string;
    try {
      if (line.length > MAX_LINE_CHARS) throw new Error(`baris terlalu panjang / line longer than ${MAX_LINE_CHARS} characters`);
      let rec: unknown;
      try {
        rec = JSON.parse(line);
      } catch (e) {
        throw new Error(`JSON tidak valid / invalid JSON: ${(e as Error).message}`);
      }
      if (rec && typeof rec === 'object' && 'id' in rec) id = (rec as { id: unknown }).id;
      const { input } = inputFromRecord(rec);
      const findings = checker.check(input);
      if (contractExitCode(findings, failOn) === 1) anyError = true;
      out = JSON.stringify({ id, findings });
    } catch (e) {
      out = JSON.stringify({ id, line: lineNo, error: (e as Error).message });
    }
    if (!io.stdout.write(`${out}\n`)) await new Promise((r) => io.stdout.once('drain', r));
  }
  return anyError ? 1 : 0;
}

/**
 * Validates one record, checks it and prints the result (JSON or human);
 * returns the exit code. Shared by `check` and `check-account`.
 */
export function checkAndPrint(rec: Record<string, unknown>, policy: Policy, format: string, io: CliIO, failOn: Severity = 'error', kb?: KbIndex): number {
  let input: CheckInput;
  try {
    input = inputFromRecord(rec).input;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const findings = getChecker(policy, kb).check(input);
  if (format === 'json') io.stdout.write(`${JSON.stringify({ input, findings }, null, 2)}\n`);
  else io.stdout.write(renderHuman(input, findings, colorsFor(io.stdout, io.env)));
  return exitCodeFor(findings, failOn);
}

/** Exit code for a set of findings (the core contract's rule: 1 at `failOn` or above, default error). */
export function exitCodeFor(findings: Finding[], failOn: Severity = 'error'): number {
  return contractExitCode(findings, failOn);
}

/** Parses --fail-on. */
export function failOnOption(v: string | undefined): Severity {
  if (v === undefined) return 'error';
  if (!(SEVERITIES as readonly string[]).includes(v)) throw new UsageError(`--fail-on harus / must be ${SEVERITIES.join('|')}, not "${v}"`);
  return v as Severity;
}

export const command: Command = {
  summary: { id: 'periksa teks sebelum diunggah', en: 'check a draft before posting' },
  run: (args, io) =>
    withUsage(io, USAGE, async () => {
      const { values, positionals } = parse(args, {
        policy: { type: 'string' },
        platform: { type: 'string' },
        kind: { type: 'string' },
        format: { type: 'string', default: 'human' },
        jsonl: { type: 'boolean', default: false },
        'fail-on': { type: 'string' },
        kb: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      });
      if (values.help) {
        io.stdout.write(`${USAGE}\n`);
        return 0;
      }
      const failOn = failOnOption(values['fail-on']);
      if (values.jsonl) {
        if (positionals.length > 1) throw new UsageError('--jsonl menerima satu FILE / takes one FILE');
        return runJsonl(positionals[0], values.policy, io, failOn, values.kb ? kbIndexFrom(values.kb) : undefined);
      }
      if (values.format !== 'human' && values.format !== 'json')
        throw new UsageError(`--format harus human atau json / must be human or json, not "${values.format}"`);
      const rec: Record<string, unknown> = { text: '' };
      if (values.platform) rec.platform = values.platform;
      if (values.kind) rec.kind = values.kind;
      const policy = policyFrom(values.policy);
      if (positionals.length > 0) rec.text = positionals.join(' ');
      else if (io.stdin.isTTY) throw new UsageError('tidak ada teks / no text given');
      else rec.text = (await readAll(io.stdin)).replace(/\r?\n$/, '');
      return checkAndPrint(rec, policy, values.format, io, failOn, values.kb ? kbIndexFrom(values.kb) : undefined);
    }),
};
