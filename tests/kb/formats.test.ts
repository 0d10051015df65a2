import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeKb, parseKbJsonl, toKbJsonl } from '../../src/core/kb/index.js';
import { detectFormat, importText, KbImportError, splitLabel, verdictOf } from '../../src/kb/formats.js';

const FIX = join(import.meta.dirname, 'fixtures');
const read = (f: string) => readFileSync(join(FIX, f), 'utf8');
const imp = (f: string) => importText(read(f), f);

describe('format detection', () => {
  it.each([
    ['own.jsonl', 'jsonl'],
    ['claims.csv', 'csv'],
    ['claimreview.json', 'claimreview'],
    ['page.html', 'html'],
    ['factcheck-claims-search.json', 'google-factcheck'],
    ['feed-rss.xml', 'rss'],
    ['feed-atom.xml', 'atom'],
    ['yudistira.json', 'yudistira'],
  ])('%s is %s', (f, format) => {
    expect(detectFormat(read(f), f)).toBe(format);
  });

  it('an unknown file is a clear error', () => {
    expect(() => detectFormat(read('bad.txt'), 'bad.txt')).toThrow(/format tidak dikenali.*unknown format/);
    expect(() => importText('{"a": 1}', 'x.json')).toThrow(KbImportError);
    expect(() => importText('<html><body>no json-ld</body></html>', 'p.html')).toThrow(/no ClaimReview JSON-LD/);
  });
});

describe('importers', () => {
  it('our JSON lines: valid entries added, bad ones rejected with the line and field', () => {
    const { report, entries } = mergeKb([], imp('own.jsonl').candidates);
    expect(report.added).toBe(2);
    expect(report.rejected).toBe(2);
    const reasons = report.items.filter((i) => i.status === 'rejected').map((i) => `${i.origin} ${i.reason}`);
    expect(reasons[0]).toMatch(/^own\.jsonl:3 claims\.0/);
    expect(reasons[1]).toMatch(/^own\.jsonl:4 JSON tidak valid/);
    expect(entries.map((e) => e.id)).toEqual(['t-1', 't-2']);
  });

  it('CSV: several wordings with |, verdict labels mapped, near-duplicate of an existing claim merged', () => {
    const existing = mergeKb([], imp('own.jsonl').candidates).entries;
    const { report, entries } = mergeKb(existing, imp('claims.csv').candidates);
    expect(report).toMatchObject({ added: 1, merged: 1, rejected: 1 });
    const kk = entries.find((e) => e.id === 'csv-1');
    expect(kk).toMatchObject({ verdict: 'hoaks', date: '2024-05-01', topics: ['kependudukan'], source: { name: 'Badan Uji', url: 'https://uji.example/kk' } });
    expect(kk?.claims).toHaveLength(2);
    expect(report.items.find((i) => i.status === 'merged')).toMatchObject({ origin: 'claims.csv:3', id: 't-1' });
    // the merged wording was added to the existing entry
    expect(entries.find((e) => e.id === 't-1')?.claims).toContain('Gaji pensiunan PNS dihentikan mulai bulan depan ya');
    expect(report.items.find((i) => i.status === 'rejected')?.reason).toMatch(/^verdict/);
  });

  it('ClaimReview JSON-LD: a list and an @graph; rating by label or by value', () => {
    const { candidates } = imp('claimreview.json');
    const { entries, report } = mergeKb([], candidates);
    expect(report.added).toBe(2);
    expect(entries[0]).toMatchObject({ verdict: 'salah', date: '2024-02-10', source: { name: 'Cek Fakta Uji', url: 'https://cekfakta.example/cr-1' } });
    expect(entries[0]?.summary).toMatch(/tidak ada program kuota/);
    expect(entries[1]).toMatchObject({ verdict: 'salah', source: { url: 'https://cekfakta.example/cr-2' } });
  });

  it('ClaimReview inside an HTML page: only the ld+json ClaimReview block, entities decoded', () => {
    const { entries, report } = mergeKb([], imp('page.html').candidates);
    expect(report.added).toBe(1);
    expect(entries[0]).toMatchObject({ verdict: 'hoaks', date: '2024-03-01', source: { name: 'Cek Fakta Halaman' } });
    expect(entries[0]?.summary).toContain('& tautannya palsu');
  });

  it('Google Fact Check Tools claims:search: true ratings become "benar" entries', () => {
    const { entries } = mergeKb([], imp('factcheck-claims-search.json').candidates);
    expect(entries.map((e) => e.verdict)).toEqual(['salah', 'benar']);
    expect(entries[0]).toMatchObject({ date: '2023-01-05', source: { name: 'Pemeriksa Fakta Uji', url: 'https://fakta.example/booster' } });
    expect(entries[0]?.publisher).toMatch(/pesan berantai/);
  });

  it('RSS 2.0: [HOAKS] title is the claim, description (HTML stripped) the summary; unlabeled items rejected', () => {
    const { entries, report } = mergeKb([], imp('feed-rss.xml').candidates);
    expect(report).toMatchObject({ added: 1, rejected: 1 });
    expect(entries[0]).toMatchObject({
      claims: ['Pendaftaran PPPK dipungut biaya Rp 10 juta per orang'],
      verdict: 'hoaks',
      summary: 'Uji: seleksi PPPK tanpa biaya.',
      source: { name: 'Feed Hoaks Uji', url: 'https://feed.example/pppk' },
      date: '2024-03-05',
    });
  });

  it('Atom', () => {
    const { entries } = mergeKb([], imp('feed-atom.xml').candidates);
    expect(entries[0]).toMatchObject({
      claims: ['Uang logam Rp 500 tidak berlaku lagi mulai besok'],
      verdict: 'salah',
      source: { url: 'https://atom.example/logam' },
    });
  });

  it('Mafindo Yudistira JSON: classification, conclusion as summary, id kept', () => {
    const { entries, report } = mergeKb([], imp('yudistira.json').candidates);
    expect(report).toMatchObject({ added: 1, rejected: 1 });
    expect(entries[0]).toMatchObject({
      id: 'mafindo-12345',
      verdict: 'salah',
      summary: 'Uji: pesan itu salah.',
      date: '2024-06-01',
      source: { url: 'https://yudistira.example/12345' },
    });
  });

  it('importing the same file twice merges everything and adds nothing', () => {
    const first = mergeKb([], imp('claimreview.json').candidates);
    const second = mergeKb(first.entries, imp('claimreview.json').candidates);
    expect(second.report).toMatchObject({ added: 0, merged: 2, rejected: 0 });
    expect(second.entries).toHaveLength(2);
  });

  it('round trip through our format', () => {
    const { entries } = mergeKb([], [...imp('claims.csv').candidates, ...imp('feed-rss.xml').candidates]);
    expect(parseKbJsonl(toKbJsonl(entries))).toEqual(entries);
  });

  it('bounded: too many records or too large a file is refused', () => {
    const big = 'x'.repeat(20 * 1024 * 1024 + 1);
    expect(() => importText(big, 'big.csv')).toThrow(/larger than/);
  });

  it('verdict labels and title labels', () => {
    expect(verdictOf('SALAH')).toBe('salah');
    expect(verdictOf('Hoaks')).toBe('hoaks');
    expect(verdictOf('Missing context')).toBe('menyesatkan');
    expect(verdictOf('Sebagian benar')).toBe('sebagian-benar');
    expect(verdictOf('whatever')).toBeUndefined();
    expect(splitLabel('[DISINFORMASI] Foo bar')).toEqual({ label: 'DISINFORMASI', rest: 'Foo bar' });
    expect(splitLabel('Foo bar')).toEqual({ rest: 'Foo bar' });
  });
});
