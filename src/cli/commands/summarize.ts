/**
 * `bijak summarize [FILE]`: "APBN dalam satu unggahan" — one post and a
 * numbered thread taken verbatim from a long official text (stdin without
 * FILE), each part checked by the checker.
 */
import { readFile, stat } from 'node:fs/promises';
import { MAX_SUMMARY_INPUT, SUMMARY_PLATFORMS, type SummaryPlatform, summarize } from '../../core/summarize/index.js';
import { getChecker } from '../../host/checker.js';
import { parse, policyFrom, readAll, UsageError, withUsage } from '../common.js';
import type { CliIO, Command } from '../main.js';

const USAGE = `Pemakaian / usage:
  bijak summarize [FILE] [--platform x|threads|instagram|facebook|linkedin|whatsapp] [--link URL]
                  [--parts N] [--format text|json] [--policy FILE]
  cat siaran-pers.txt | bijak summarize --platform x --format json

Keluar / exit: 0 tanpa pelanggaran / no error finding, 1 ada pelanggaran di salah satu bagian / an error finding in a part, 2 salah pakai / bad usage.`;

const MAX_FILE_BYTES = 10 * 1024 * 1024;

export const command: Command = {
  summary: { id: 'ringkas teks resmi jadi satu unggahan dan utas', en: 'summarise an official text into one post and a thread' },
  run: (args, io: CliIO) =>
    withUsage(io, USAGE, async () => {
      const { values, positionals } = parse(args, {
        platform: { type: 'string', default: 'x' },
        link: { type: 'string' },
        parts: { type: 'string' },
        format: { type: 'string', default: 'text' },
        policy: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      });
      if (values.help) {
        io.stdout.write(`${USAGE}\n`);
        return 0;
      }
      const platform = values.platform as SummaryPlatform;
      if (!SUMMARY_PLATFORMS.includes(platform))
        throw new UsageError(`--platform harus salah satu dari / must be one of ${SUMMARY_PLATFORMS.join(', ')}, not "${values.platform}"`);
      if (values.format !== 'text' && values.format !== 'json')
        throw new UsageError(`--format harus text atau json / must be text or json, not "${values.format}"`);
      let maxParts: number | undefined;
      if (values.parts !== undefined) {
        maxParts = Number(values.parts);
        if (!Number.isInteger(maxParts) || maxParts < 1 || maxParts > 25)
          throw new UsageError(`--parts harus bilangan 1–25 / must be an integer 1–25, not "${values.parts}"`);
      }
      if (values.link !== undefined && !/^https?:\/\/\S+$/.test(values.link))
        throw new UsageError(`--link harus URL http(s) / must be an http(s) URL: "${values.link}"`);
      if (positionals.length > 1) throw new UsageError('satu FILE saja / one FILE only');
      let text: string;
      if (positionals[0]) {
        const file = positionals[0];
        const st = await stat(file).catch((e: Error) => {
          throw new UsageError(`tidak dapat membuka / cannot open ${file}: ${e.message}`);
        });
        if (st.size > MAX_FILE_BYTES) throw new UsageError(`${file}: lebih besar dari / larger than ${MAX_FILE_BYTES} bytes`);
        text = await readFile(file, 'utf8');
      } else if (io.stdin.isTTY) throw new UsageError('tidak ada teks / no text given (FILE or stdin)');
      else text = await readAll(io.stdin, MAX_FILE_BYTES);
      if (text.length > MAX_SUMMARY_INPUT) throw new UsageError(`teks lebih dari / text longer than ${MAX_SUMMARY_INPUT} characters`);
      if (!text.trim()) throw new UsageError('teks kosong / empty text');
      const checker = getChecker(policyFrom(values.policy));
      const r = summarize(text, { platform, link: values.link, maxParts, check: (t) => checker.check({ text: t, platform }) });
      if (values.format === 'json') {
        io.stdout.write(`${JSON.stringify({ post: r.post, thread: r.thread, findings: r.findings, lengths: r.lengths, limit: r.limit, platform }, null, 2)}\n`);
      } else {
        const lines = [`== Satu unggahan / one post (${r.lengths.post}/${r.limit}) ==`, r.post, '', `== Utas / thread (${r.thread.length}) ==`];
        r.thread.forEach((p, i) => {
          lines.push(p, `   (${r.lengths.thread[i]}/${r.limit})`);
        });
        lines.push('', r.findings.length ? `== Temuan / findings (${r.findings.length}) ==` : 'Tidak ada temuan / no findings.');
        for (const f of r.findings) lines.push(`[${f.part}] ${f.severity} ${f.ruleId}: ${f.message.id}`);
        io.stdout.write(`${lines.join('\n')}\n`);
      }
      return r.findings.some((f) => f.severity === 'error') ? 1 : 0;
    }),
};
