import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/core/types.js';
import { runCli } from './helpers.js';

const NIK_POST = 'Tolong cek pengaduan atas nama Siti NIK 3174015505900003 ya';

describe('bijak check', () => {
  it('exits 0 and says the post is fine when nothing is found', async () => {
    const r = await runCli(['check', 'Selamat pagi, semoga harimu menyenangkan']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Aman untuk diunggah');
  });

  it('exits 1 on an error-severity finding and marks the flagged words', async () => {
    const r = await runCli(['check', NIK_POST]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[3174015505900003]');
    expect(r.stdout).toContain('Data pribadi');
  });

  it('reads the text from stdin', async () => {
    const r = await runCli(['check'], `${NIK_POST}\n`);
    expect(r.code).toBe(1);
  });

  it('prints one JSON result with --format json, ranges into the original text', async () => {
    const r = await runCli(['check', '--format', 'json', NIK_POST]);
    const res = JSON.parse(r.stdout) as { findings: Array<{ range: [number, number]; category: string }> };
    const f = res.findings.find((x) => x.category === 'personal-data');
    expect(f).toBeDefined();
    expect(NIK_POST.slice(f!.range[0], f!.range[1])).toContain('3174015505900003');
  });

  it('exits 2 on bad usage', async () => {
    expect((await runCli(['check', '--format', 'xml', 'x'])).code).toBe(2);
    expect((await runCli(['check', '--nope'])).code).toBe(2);
    expect((await runCli(['check'])).code).toBe(2); // no text on a terminal
    expect((await runCli(['frobnicate'])).code).toBe(2);
  });

  it('names the bad field of a policy file and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bijak-cli-'));
    const file = join(dir, 'p.yaml');
    writeFileSync(file, 'version: 1\norganisation: {id: x, name: X}\ncategories:\n  hoax: {severity: fatal}\n');
    const r = await runCli(['check', '--policy', file, 'halo']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('categories.hoax.severity');
  });

  it('honours a policy that switches a category off', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bijak-cli-'));
    const file = join(dir, 'p.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        organisation: { id: 'x', name: 'X' },
        categories: { 'personal-data': { enabled: false }, confidential: { enabled: false } },
      }),
    );
    const r = await runCli(['check', '--policy', file, '--format', 'json', NIK_POST]);
    expect(JSON.parse(r.stdout).findings.filter((f: { category: string }) => f.category === 'personal-data')).toEqual([]);
  });
});

describe('bijak check --jsonl', () => {
  it('writes one line per input in order; a bad line gives an error and the rest go on', async () => {
    const lines = [
      JSON.stringify({ id: 'a', kind: 'post', text: NIK_POST, extra: 'ignored' }),
      'not json',
      JSON.stringify({ id: 'c', kind: 'account' }),
      JSON.stringify({ id: 7, kind: 'account', handle: 'kemenkeu_budi', displayName: 'Budi' }),
      JSON.stringify({ kind: 'post', text: 'Selamat pagi' }),
    ].join('\n');
    const r = await runCli(['check', '--jsonl'], lines);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(5);
    expect(out[0].id).toBe('a');
    expect(out[0].findings.some((f: { category: string }) => f.category === 'personal-data')).toBe(true);
    expect(out[1].error).toMatch(/JSON/);
    expect(out[2].id).toBe('c');
    expect(out[2].error).toMatch(/handle/);
    expect(out[3].id).toBe(7);
    expect(out[3].findings.some((f: { category: string; field: string }) => f.category === 'account-name' && f.field === 'handle')).toBe(true);
    expect(out[4]).toEqual({ id: null, findings: [] });
    expect(r.code).toBe(1);
  });

  it('reads a file and reports a missing one as bad usage', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bijak-cli-'));
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 1, kind: 'post', text: 'Halo semua' })}\n`);
    const r = await runCli(['check', '--jsonl', file]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ id: 1, findings: [] });
    expect((await runCli(['check', '--jsonl', join(dir, 'missing.jsonl')])).code).toBe(2);
  });
});

describe('bijak check-account', () => {
  it('flags an institution name in a handle and exits 1', async () => {
    const r = await runCli(['check-account', '--handle', 'kemenkeu_budi', '--name', 'Budi Santoso']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Nama akun');
  });
  it('passes an ordinary account and requires --handle', async () => {
    expect((await runCli(['check-account', '--handle', 'rina.w', '--bio', 'Senang belajar tentang pajaknya UMKM'])).code).toBe(0);
    expect((await runCli(['check-account', '--name', 'x'])).code).toBe(2);
  });
});

describe('bijak rules', () => {
  it('lists every rule with its category and sources, as in docs/rules.md', async () => {
    const r = await runCli(['rules']);
    expect(r.code).toBe(0);
    for (const c of CATEGORIES) {
      expect(r.stdout).toContain(`## ${c}`);
    }
    const j = await runCli(['rules', '--format', 'json']);
    const meta = JSON.parse(j.stdout) as Array<{ id: string; references: string[] }>;
    expect(meta.length).toBeGreaterThanOrEqual(12);
    expect(meta.every((m) => m.references.length > 0)).toBe(true);
    expect((await runCli(['rules', '--format', 'pdf'])).code).toBe(2);
  });
});

describe('bijak check exit codes follow the organisation severities (issue 8)', () => {
  const INSIDER = 'SEBARKAN SEBELUM DIHAPUS!! info dari orang dalam, gaji ASN bulan depan dipotong 10%';
  const WARN_ONLY = 'SEBARKAN ke semua grup ya, gaji ASN naik bulan depan';

  it('a chain message claiming insider information is an error by default (exit 1)', async () => {
    const r = await runCli(['check', '--format', 'json', INSIDER]);
    expect(r.code).toBe(1);
    const { findings } = JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; severity: string; range: [number, number] }> };
    const f = findings.find((x) => x.ruleId === 'hoax/insider-chain');
    expect(f?.severity).toBe('error');
    expect(INSIDER.slice(f!.range[0], f!.range[1]).toLowerCase()).toContain('orang dalam');
  });

  it('warnings exit 0 unless --fail-on warning; a bad --fail-on is a usage error', async () => {
    const w = await runCli(['check', WARN_ONLY]);
    expect(w.stdout).toMatch(/peringatan/);
    expect(w.code).toBe(0);
    expect((await runCli(['check', '--fail-on', 'warning', WARN_ONLY])).code).toBe(1);
    expect((await runCli(['check', '--fail-on', 'fatal', WARN_ONLY])).code).toBe(2);
  });

  it('a policy that lowers a category to warning lowers the exit code with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bijak-cli-'));
    const file = join(dir, 'p.json');
    writeFileSync(file, JSON.stringify({ version: 1, organisation: { id: 'x', name: 'X' }, categories: { hoax: { severity: 'warning' } } }));
    expect((await runCli(['check', '--policy', file, INSIDER])).code).toBe(0);
    const raise = join(dir, 'q.json');
    writeFileSync(raise, JSON.stringify({ version: 1, organisation: { id: 'x', name: 'X' }, categories: { hoax: { severity: 'error' } } }));
    expect((await runCli(['check', '--policy', raise, WARN_ONLY])).code).toBe(1);
  });
});
