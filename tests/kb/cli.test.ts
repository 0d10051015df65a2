import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKbJsonl } from '../../src/core/kb/index.js';
import { runCli } from '../cli/helpers.js';

const FIX = join(import.meta.dirname, 'fixtures');
const SAMPLE = join(import.meta.dirname, '..', '..', 'models', 'kb-sample.jsonl');

describe('bijak kb import', () => {
  it('imports several formats into a new KB, reporting added/merged/rejected, and merges on a second run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-cli-'));
    const out = join(dir, 'kb.jsonl');
    const files = [
      'own.jsonl',
      'claims.csv',
      'claimreview.json',
      'page.html',
      'factcheck-claims-search.json',
      'feed-rss.xml',
      'feed-atom.xml',
      'yudistira.json',
    ].map((f) => join(FIX, f));
    const r = await runCli(['kb', 'import', ...files, '--out', out, '--report-format', 'json']);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout);
    expect(rep.formats.map((f: { format: string }) => f.format)).toEqual([
      'jsonl',
      'csv',
      'claimreview',
      'html',
      'google-factcheck',
      'rss',
      'atom',
      'yudistira',
    ]);
    expect(rep).toMatchObject({ added: 11, merged: 1 });
    expect(rep.rejected).toBe(5);
    expect(parseKbJsonl(readFileSync(out, 'utf8'))).toHaveLength(11);
    const again = await runCli(['kb', 'import', join(FIX, 'claimreview.json'), '--out', out]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/ditambah \/ added 0, digabung \/ merged 2, ditolak \/ rejected 0/);
  });

  it('a bad file changes nothing and says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-cli-'));
    const out = join(dir, 'kb.jsonl');
    copyFileSync(SAMPLE, out);
    const before = readFileSync(out, 'utf8');
    const r = await runCli(['kb', 'import', join(FIX, 'claimreview.json'), join(FIX, 'bad.txt'), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.txt: format tidak dikenali/);
    expect(r.stderr).toMatch(/nothing was changed/);
    expect(readFileSync(out, 'utf8')).toBe(before);
  });

  it('a broken existing KB is a usage error naming the line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-cli-'));
    const out = join(dir, 'kb.jsonl');
    writeFileSync(out, '{"id":"x"}\n');
    const r = await runCli(['kb', 'import', join(FIX, 'claimreview.json'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/baris\/line 1: claims/);
    expect(existsSync(`${out}.tmp-${process.pid}`)).toBe(false);
  });
});

describe('bijak kb search and check --kb', () => {
  it('search finds the clarified claim in plain words', async () => {
    const r = await runCli(['kb', 'search', '--kb', SAMPLE, '--format', 'json', 'tinta pemilu dari lemak babi']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].id).toBe('sample-pemilu-tinta-babi');
  });

  it('check --kb flags a known hoax (exit 1) and passes a debunk; --jsonl too', async () => {
    const hoax = 'Info grup sebelah: tinta celup di TPS mengandung minyak babi, tidak halal!';
    const r = await runCli(['check', '--kb', SAMPLE, '--format', 'json', hoax]);
    expect(r.code).toBe(1);
    const f = JSON.parse(r.stdout).findings.find((x: { ruleId: string; severity: string }) => x.ruleId === 'hoax/known' && x.severity === 'error');
    expect(f.message.id).toMatch(/Komisi Pemilihan Umum/);
    const plain = await runCli(['check', '--format', 'json', hoax]);
    expect(JSON.parse(plain.stdout).findings.some((x: { message: { id: string } }) => /Komisi Pemilihan Umum/.test(x.message.id))).toBe(false);
    const lines = `${JSON.stringify({ id: 1, text: hoax })}\n${JSON.stringify({ id: 2, text: 'Isu tinta pemilu mengandung babi itu hoaks, KPU sudah klarifikasi.' })}\n`;
    const j = await runCli(['check', '--kb', SAMPLE, '--jsonl'], lines);
    const out = j.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out[0].findings.some((x: { ruleId: string; severity: string }) => x.ruleId === 'hoax/known' && x.severity === 'error')).toBe(true);
    expect(out[1].findings.some((x: { ruleId: string; severity: string }) => x.ruleId === 'hoax/known' && x.severity === 'error')).toBe(false);
  });

  it('a missing KB file is a usage error', async () => {
    const r = await runCli(['check', '--kb', '/nonexistent/kb.jsonl', 'teks']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read KB/);
  });
});
