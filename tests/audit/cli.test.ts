/**
 * `bijak audit`: exit codes, human/json/csv output, progress on a terminal.
 * The host checker is replaced by one with robust test rules (the built-in
 * rules are written concurrently), so the CLI logic is tested on known findings.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it, vi } from 'vitest';
import { type CliIO, main } from '../../src/cli/main.js';
import { writeZip, xArchive } from './fixtures.js';
import { tempDir } from './helpers.js';

vi.mock('../../src/host/checker.js', async (orig) => {
  const real = await orig<typeof import('../../src/host/checker.js')>();
  const { testChecker: make } = await import('./helpers.js');
  const c = make();
  return { ...real, getChecker: () => c };
});

async function run(args: string[], opts: { tty?: boolean } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = new PassThrough();
  const err = Object.assign(new PassThrough(), { isTTY: opts.tty ?? false });
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  const io: CliIO = { stdin: Readable.from([]), stdout: out, stderr: err, env: { NO_COLOR: '1' } };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const dir = tempDir();
const tweets = [
  { id: '1770000000000000002', text: 'Dasar bangsat, "macet" & banjir', date: '2020-07-01T08:00:00Z' },
  { id: '1770000000000000003', text: 'NIK 3174012345678901', date: '2021-01-02T03:04:05Z' },
  { id: '1770000000000000004', text: '=HYPERLINK("http://contoh.invalid") kampanye', date: '2024-01-02T03:04:05Z' },
  { id: '1770000000000000005', text: 'biasa saja', date: '2024-01-03T03:04:05Z' },
];
const zip = writeZip(join(dir, 'x.zip'), xArchive({ tweets, likes: [{ tweetId: '9', fullText: 'anjing' }] }));
const clean = writeZip(join(dir, 'clean.zip'), xArchive({ tweets: [tweets[1], tweets[3]] }));

describe('bijak audit', () => {
  it('prints a summary and the flagged posts, exits 1 on an error finding (likes do not count)', async () => {
    const r = await run(['audit', zip]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('4 unggahan dipindai / posts scanned, 3 ditandai / flagged');
    expect(r.stdout).toMatch(/Per kategori \/ by category:[\s\S]*Bahasa kasar[\s\S]*Per tahun \/ by year:[\s\S]*2020/);
    expect(r.stdout).toContain('https://x.com/pegawai_contoh/status/1770000000000000002');
    expect(r.stdout).toContain('Dasar [bangsat], "macet" & banjir');
    expect(r.stdout.indexOf('1770000000000000002')).toBeLessThan(r.stdout.indexOf('1770000000000000003')); // error before warning
    expect(r.stdout).toContain('likes');
    expect(r.stderr).toBe('');
  });

  it('exits 0 when only warnings/info are found', async () => {
    expect((await run(['audit', clean])).code).toBe(0);
  });

  it('writes the JSON report {scanned, flagged: [{platform, id, date, url, text, findings}]}', async () => {
    const r = await run(['audit', zip, '--format', 'json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.scanned).toBe(4);
    expect(j.flagged).toHaveLength(3);
    const p = j.flagged[0];
    expect(Object.keys(p)).toEqual(expect.arrayContaining(['platform', 'id', 'date', 'url', 'text', 'findings']));
    expect(p).toMatchObject({ platform: 'x', id: '1770000000000000002', date: '2020-07-01T08:00:00.000Z' });
    expect(p.text.slice(p.findings[0].range[0], p.findings[0].range[1])).toBe('bangsat');
    expect(j.likes.flagged[0].kind).toBe('like');
    expect(j.summary.byCategory).toEqual({ abusive: 1, 'personal-data': 1, partisanship: 1 });
  });

  it('writes CSV to --output FILE, safe against formula injection', async () => {
    const out = join(dir, 'laporan.csv');
    const r = await run(['audit', zip, '--format', 'csv', '--output', out, '--since', '2021-01-01']);
    expect(r.code).toBe(0); // the error-severity post is before --since
    expect(r.stdout).toBe('');
    const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((x) => [x.id, x.severity, x.categories, x.flagged_words])).toEqual([
      ['1770000000000000003', 'warning', 'personal-data', '3174012345678901'],
      ['1770000000000000004', 'info', 'partisanship', 'kampanye'],
      ['9', 'error', 'abusive', 'anjing'],
    ]);
    expect(rows[1].text.startsWith("'=HYPERLINK")).toBe(true);
    expect(rows[0].url).toBe('https://x.com/pegawai_contoh/status/1770000000000000003');
  });

  it('shows a progress bar on a terminal and clears it', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ id: String(i + 1), text: `teks ${i}`, date: '2020-01-01T00:00:00Z' }));
    const big = writeZip(join(dir, 'big.zip'), xArchive({ tweets: many }));
    const r = await run(['audit', big], { tty: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\] 100% 3\.000 dipindai\/scanned · 0 ditandai\/flagged · [\d.]+\/s/);
    expect(r.stderr.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('exits 2 with a clear message on bad usage and unreadable archives', async () => {
    for (const args of [
      ['audit'],
      ['audit', zip, '--format', 'xml'],
      ['audit', zip, '--since', 'kemarin'],
      ['audit', zip, '--platform', 'myspace'],
      ['audit', zip, '--nope'],
    ])
      expect((await run(args)).code, args.join(' ')).toBe(2);
    const bad = join(dir, 'bukan.zip');
    writeFileSync(bad, 'bukan zip');
    const r = await run(['audit', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bukan arsip zip');
    expect(r.stderr).toContain('is not a zip archive');
    const p = await run(['audit', zip, '--platform', 'tiktok']);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('No tiktok data in this archive');
  });

  it('exits 2 on a bad policy file', async () => {
    const pol = join(dir, 'pol.yaml');
    writeFileSync(pol, 'version: 9\n');
    expect((await run(['audit', zip, '--policy', pol])).code).toBe(2);
  });
});
