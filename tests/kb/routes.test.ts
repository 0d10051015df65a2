import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import { DEFAULT_POLICY } from '../../src/core/index.js';
import { buildKbIndex, parseKbJsonl } from '../../src/core/kb/index.js';
import { getChecker } from '../../src/host/checker.js';
import { writeFolder, xArchive } from '../audit/fixtures.js';
import { tempDir } from '../audit/helpers.js';
import { apiError, closeApp, describeEachDb, login, makeApp, type Session } from '../server/helpers/app.js';

const FIX = join(import.meta.dirname, 'fixtures');
const SAMPLE = readFileSync(join(import.meta.dirname, '..', '..', 'models', 'kb-sample.jsonl'), 'utf8');
const HOAX = 'Info grup sebelah: tinta celup di TPS mengandung minyak babi, tidak halal!';

describeEachDb('KB routes', (v) => {
  let app: FastifyInstance;
  let humas: Session;
  let admin: Session;
  let peg: Session;
  beforeAll(async () => {
    app = await makeApp(v);
    humas = await login(app, 'humas');
    admin = await login(app, 'admin');
    peg = await login(app, 'pegawai');
  });
  afterAll(() => closeApp(app));

  const kbErrors = async (text: string) => {
    const r = await peg.req('POST', '/api/v1/check', { text });
    expect(r.statusCode).toBe(200);
    return (r.json().findings as Array<{ ruleId: string; severity: string; message: { id: string } }>).filter(
      (f) => f.ruleId === 'hoax/known' && f.severity === 'error' && /diklarifikasi/.test(f.message.id),
    );
  };

  it('an empty KB: search finds nothing, the checker does not know the claim', async () => {
    const r = await peg.req('GET', '/api/v1/kb/search?q=tinta%20pemilu%20babi');
    expect(r.statusCode).toBe(200);
    expect(r.json().hits).toEqual([]);
    expect(await kbErrors(HOAX)).toEqual([]);
  });

  it('only humas/admin import; a bad file is a 400 naming the problem and stores nothing', async () => {
    const forbidden = await peg.req('POST', '/api/v1/kb/import', { name: 'kb.jsonl', content: SAMPLE });
    expect(forbidden.statusCode).toBe(403);
    const bad = await humas.req('POST', '/api/v1/kb/import', { name: 'bad.txt', content: 'bukan format apa pun\n' });
    expect(bad.statusCode).toBe(400);
    expect(apiError(bad).message).toMatch(/format tidak dikenali/);
    expect((await peg.req('GET', '/api/v1/kb/entries')).json().total).toBe(0);
    const noCsrf = await humas.req('POST', '/api/v1/kb/import', { name: 'kb.jsonl', content: SAMPLE }, { csrf: null });
    expect(noCsrf.statusCode).toBe(403);
  });

  it('humas imports the sample KB and an RSS feed; the report counts added/merged/rejected', async () => {
    const dry = await humas.req('POST', '/api/v1/kb/import', { name: 'kb-sample.jsonl', content: SAMPLE, dryRun: true });
    expect(dry.json()).toMatchObject({ format: 'jsonl', added: 51, dryRun: true });
    expect((await peg.req('GET', '/api/v1/kb/entries')).json().total).toBe(0);
    const r = await humas.req('POST', '/api/v1/kb/import', { name: 'kb-sample.jsonl', content: SAMPLE });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ format: 'jsonl', added: 51, merged: 0, rejected: 0 });
    const again = await admin.req('POST', '/api/v1/kb/import', { name: 'kb-sample.jsonl', content: SAMPLE });
    expect(again.json()).toMatchObject({ added: 0, merged: 51 });
    const rss = await humas.req('POST', '/api/v1/kb/import', { name: 'feed.xml', content: readFileSync(join(FIX, 'feed-rss.xml'), 'utf8') });
    expect(rss.json()).toMatchObject({ format: 'rss', added: 1, rejected: 1 });
    expect(rss.json().items.find((i: { status: string }) => i.status === 'rejected').reason).toMatch(/verdict/);
    expect((await peg.req('GET', '/api/v1/kb/entries')).json().total).toBe(52);
  });

  it('anyone logged in searches; the server checker now flags the clarified hoax', async () => {
    const r = await peg.req('GET', `/api/v1/kb/search?q=${encodeURIComponent('tinta pemilu dari lemak babi')}`);
    expect(r.json().hits[0]).toMatchObject({ entry: { id: 'sample-pemilu-tinta-babi' } });
    const full = await peg.req('GET', `/api/v1/kb/search?q=${encodeURIComponent(HOAX)}&limit=3`);
    expect(full.json().hits[0]).toMatchObject({ entry: { id: 'sample-pemilu-tinta-babi' }, decision: 'known' });
    expect(full.json().hits.length).toBeLessThanOrEqual(3);
    const f = await kbErrors(HOAX);
    expect(f).toHaveLength(1);
    expect(f[0]?.message.id).toMatch(/Komisi Pemilihan Umum/);
    expect(await kbErrors('Isu tinta pemilu mengandung babi itu hoaks, KPU sudah klarifikasi.')).toEqual([]);
    const anon = await app.inject({ method: 'GET', url: '/api/v1/kb/search?q=tinta' });
    expect(anon.statusCode).toBe(401);
    const short = await peg.req('GET', '/api/v1/kb/search?q=a');
    expect(short.statusCode).toBe(400);
  });

  it('humas adds and edits an entry; a pegawai may not; validation names the field', async () => {
    const entry = {
      claims: ['Semua pegawai wajib menyetor uang kas kantor lewat rekening pribadi bendahara'],
      verdict: 'hoaks',
      summary: 'Uji: setoran hanya ke rekening resmi.',
      source: { name: 'Biro Uji', url: '' },
      topics: ['anggaran'],
    };
    expect((await peg.req('POST', '/api/v1/kb/entries', entry)).statusCode).toBe(403);
    const bad = await humas.req('POST', '/api/v1/kb/entries', { ...entry, verdict: 'mungkin' });
    expect(bad.statusCode).toBe(400);
    expect(apiError(bad).details?.[0]?.path).toMatch(/verdict/);
    const r = await humas.req('POST', '/api/v1/kb/entries', entry);
    expect(r.statusCode).toBe(201);
    const id = r.json().entry.id as string;
    expect(r.json()).toMatchObject({ status: 'active', updatedBy: 'Humas Kemenkeu' });
    const dup = await humas.req('POST', '/api/v1/kb/entries', { ...entry, id });
    expect(dup.statusCode).toBe(409);
    const edited = await admin.req('PUT', `/api/v1/kb/entries/${id}`, { ...entry, summary: 'Uji: diperbarui.' });
    expect(edited.json().entry.summary).toBe('Uji: diperbarui.');
    expect((await admin.req('PUT', '/api/v1/kb/entries/tidak-ada', entry)).statusCode).toBe(404);
    expect((await admin.req('PUT', `/api/v1/kb/entries/${id}`, { ...entry, id: 'lain' })).statusCode).toBe(400);
    expect(await kbErrors('Semua pegawai wajib setor uang kas kantor lewat rekening pribadi bendahara ya')).toHaveLength(1);
  });

  it('a retired entry is no longer matched, and can be restored; changes are in the audit log', async () => {
    const id = 'sample-pemilu-tinta-babi';
    expect((await peg.req('POST', `/api/v1/kb/entries/${id}/retire`)).statusCode).toBe(403);
    const r = await humas.req('POST', `/api/v1/kb/entries/${id}/retire`);
    expect(r.json()).toMatchObject({ status: 'retired' });
    expect(await kbErrors(HOAX)).toEqual([]);
    expect((await peg.req('GET', '/api/v1/kb/entries?status=retired')).json().entries.map((e: { entry: { id: string } }) => e.entry.id)).toEqual([id]);
    await humas.req('POST', `/api/v1/kb/entries/${id}/restore`);
    expect(await kbErrors(HOAX)).toHaveLength(1);
    const log = await admin.req('GET', '/api/v1/admin/audit-log');
    if (log.statusCode === 200) expect(JSON.stringify(log.json())).toMatch(/kb\.retire/);
  });

  it('the OpenAPI document lists the KB routes', async () => {
    const r = await peg.req('GET', '/api/v1/openapi.json');
    expect(r.statusCode).toBe(200);
    const paths = Object.keys(r.json().paths);
    for (const p of ['/api/v1/kb/search', '/api/v1/kb/entries', '/api/v1/kb/entries/{id}', '/api/v1/kb/entries/{id}/retire', '/api/v1/kb/import'])
      expect(paths).toContain(p);
  });
});

describe('footprint audit with the KB', () => {
  const kb = buildKbIndex(parseKbJsonl(SAMPLE));
  const dir = tempDir();
  const folder = writeFolder(
    join(dir, 'x'),
    xArchive({
      tweets: [
        { id: '1', text: 'Selamat pagi, semangat kerja semuanya', date: '2019-04-01T08:00:00Z' },
        { id: '2', text: 'Ditemukan 7 kontainer surat suara yg sudah dicoblos di Tanjung Priok!!', date: '2019-01-02T08:00:00Z' },
      ],
    }),
  );
  const flaggedByKb = (r: Awaited<ReturnType<typeof audit>>) =>
    r.flagged.filter((p) => p.findings.some((f) => f.ruleId === 'hoax/known' && /diklarifikasi/.test(f.message.id))).map((p) => p.text);

  it('flags an old post that spread a now-clarified hoax (main thread)', async () => {
    const r = await audit(folder, { checker: getChecker(DEFAULT_POLICY, kb) });
    expect(flaggedByKb(r)).toEqual(['Ditemukan 7 kontainer surat suara yg sudah dicoblos di Tanjung Priok!!']);
    const without = await audit(folder, { checker: getChecker(DEFAULT_POLICY) });
    expect(flaggedByKb(without)).toEqual([]);
  });

  it('the worker threads get the KB too', async () => {
    const r = await audit(folder, { checker: getChecker(DEFAULT_POLICY), parallel: { policy: DEFAULT_POLICY, workers: 1, minBytes: 0, kb: kb.entries } });
    expect(flaggedByKb(r)).toEqual(['Ditemukan 7 kontainer surat suara yg sudah dicoblos di Tanjung Priok!!']);
  });
});
