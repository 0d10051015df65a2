// `bijak summarize`: file and stdin, JSON shape, usage errors.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { xLength } from '../../src/core/summarize/index.js';
import { runCli } from '../cli/helpers.js';

const FILE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', '01-apbn-2025.txt');

describe('bijak summarize', () => {
  it('prints {post, thread, findings} as JSON for X from a file', async () => {
    const r = await runCli(['summarize', FILE, '--platform', 'x', '--format', 'json', '--link', 'https://www.kemenkeu.go.id/apbn2025']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { post: string; thread: string[]; findings: unknown[] };
    expect(xLength(j.post)).toBeLessThanOrEqual(280);
    expect(j.post).toContain('https://www.kemenkeu.go.id/apbn2025');
    expect(j.thread[0]).toMatch(/^1\/\d+ /);
    expect(Array.isArray(j.findings)).toBe(true);
  });
  it('reads stdin without FILE and prints text by default', async () => {
    const r = await runCli(['summarize', '--platform', 'threads'], readFileSync(FILE, 'utf8'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Satu unggahan');
    expect(r.stdout).toContain('1/');
  });
  it('exits 1 when a part has an error finding', async () => {
    const r = await runCli(
      ['summarize', '--format', 'json'],
      'Bantuan Rp5 juta sudah cair untuk Siti NIK 3174015505900003 di Jakarta. Pemerintah menyalurkan bantuan tahun 2025.',
    );
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings[0].part).toMatch(/post|thread/);
  });
  it('exits 2 on bad usage with a message naming the problem', async () => {
    const bad = await runCli(['summarize', FILE, '--platform', 'myspace']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--platform');
    expect((await runCli(['summarize', '/nonexistent/file.txt'])).stderr).toContain('cannot open');
    expect((await runCli(['summarize'])).code).toBe(2);
    expect((await runCli(['summarize', '--link', 'javascript:alert(1)'], 'teks')).stderr).toContain('--link');
    expect((await runCli(['summarize', '--parts', '0'], 'teks')).code).toBe(2);
  });
});
