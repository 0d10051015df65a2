/**
 * The official-content library API on SQLite and PostgreSQL: the humas workflow (a blocked variant fixed,
 * an override with a reason in the audit log, review by a second humas user), authorisation per role,
 * the feed per unit, sharing with intent URLs, short links (random, rate-limited on misses, redirecting
 * only to the item's URL), click counting and statistics per scope.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xLength } from '../../src/core/summarize/index.js';
import { flushLibraryClicks, SHORTLINK_MISSES_PER_WINDOW } from '../../src/server/routes/library-share.js';
import { apiError, closeApp, demoDb, describeEachDb, login, makeApp, type Session } from '../server/helpers/app.js';

const LINK = 'https://www.kemenkeu.go.id/informasi-publik/apbn-kita';
const CLEAN_X = 'APBN KiTa Juli: pendapatan negara Rp1.201,8 triliun hingga akhir Juni. Simak selengkapnya.';
const BAD_X = 'APBN KiTa Juli sudah terbit, yang bilang APBN bangkrut itu goblok.';

describeEachDb('official-content library', (v) => {
  let app: FastifyInstance;
  let humas: Session;
  let humas2: Session;
  let admin: Session;
  let atasan: Session;
  let peg: Session;
  let peg2: Session;
  let units: Record<string, string>;
  let itemId: string;

  beforeAll(async () => {
    app = await makeApp(v);
    [humas, humas2, admin, atasan, peg, peg2] = await Promise.all(['humas', 'humas2', 'admin', 'atasan', 'pegawai', 'pegawai2'].map((u) => login(app, u)));
    units = Object.fromEntries((await admin.req('GET', '/api/v1/admin/units')).json().map((u: { code: string; id: string }) => [u.code, u.id]));
  });
  afterAll(() => closeApp(app));

  const newItem = (extra: Record<string, unknown> = {}) => ({
    title: 'APBN KiTa edisi Juli',
    body: 'Pendapatan negara hingga akhir Juni 2025 terealisasi Rp1.201,8 triliun.',
    link: LINK,
    tags: ['APBN'],
    targetUnitIds: [units.DJP],
    variants: { x: BAD_X, whatsapp: 'APBN KiTa edisi Juli sudah terbit. Pendapatan negara Rp1.201,8 triliun.' },
    ...extra,
  });

  it('humas creates a draft whose variants are checked; a finding blocks submitting until fixed', async () => {
    const r = await humas.req('POST', '/api/v1/library/items', newItem());
    expect(r.statusCode).toBe(201);
    const item = r.json();
    itemId = item.id;
    expect(item.status).toBe('draft');
    const x = item.variants.find((x: { platform: string }) => x.platform === 'x');
    expect(x.blocked).toBe(true);
    expect(x.findings.some((f: { category: string }) => f.category === 'abusive')).toBe(true);
    const sub = await humas.req('POST', `/api/v1/library/items/${itemId}/submit`);
    expect(sub.statusCode).toBe(409);
    expect(apiError(sub).details?.[0].path).toBe('variants.x');
    const fixed = await humas.req('PUT', `/api/v1/library/items/${itemId}`, newItem({ variants: { ...newItem().variants, x: CLEAN_X } }));
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().variants.every((x: { blocked: boolean }) => !x.blocked)).toBe(true);
    expect((await humas.req('POST', `/api/v1/library/items/${itemId}/submit`)).json().status).toBe('review');
  });

  it('only a second humas user may review; approving publishes and is logged', async () => {
    const own = await humas.req('POST', `/api/v1/library/items/${itemId}/review`, { approve: true });
    expect(own.statusCode).toBe(403);
    for (const s of [peg, atasan]) expect((await s.req('POST', `/api/v1/library/items/${itemId}/review`, { approve: true })).statusCode).toBe(403);
    const ok = await humas2.req('POST', `/api/v1/library/items/${itemId}/review`, { approve: true, note: 'Sesuai rilis.' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('published');
    expect(ok.json().reviewedByName).toBe('Rina Wulandari');
    const log = (await admin.req('GET', '/api/v1/admin/audit-log')).json();
    const entries = (Array.isArray(log) ? log : log.entries) as Array<{ action: string }>;
    expect(entries.some((e) => e.action === 'library.publish')).toBe(true);
    // a published item cannot be edited
    expect((await humas.req('PUT', `/api/v1/library/items/${itemId}`, newItem({ variants: { x: CLEAN_X } }))).statusCode).toBe(409);
  });

  it('an override needs a reason, is written to the audit log, and lets the item through', async () => {
    const item = (await humas.req('POST', '/api/v1/library/items', newItem({ title: 'Dengan pengecualian', targetUnitIds: [] }))).json();
    expect((await humas.req('POST', `/api/v1/library/items/${item.id}/variants/x/override`, { reason: 'singkat' })).statusCode).toBe(400);
    expect((await humas.req('POST', `/api/v1/library/items/${item.id}/variants/whatsapp/override`, { reason: 'Tidak ada temuan di sini.' })).statusCode).toBe(
      409,
    );
    const o = await humas.req('POST', `/api/v1/library/items/${item.id}/variants/x/override`, {
      reason: 'Kutipan pernyataan publik yang dibantah, disetujui Karo KLI.',
    });
    expect(o.statusCode).toBe(200);
    expect(o.json().variants.find((x: { platform: string }) => x.platform === 'x').override.reason).toContain('Karo KLI');
    const rows = await demoDb(app).selectFrom('audit_log').selectAll().where('action', '=', 'library.override').execute();
    expect(rows.some((r) => JSON.parse(r.detail_json).reason.includes('Karo KLI'))).toBe(true);
    expect((await humas.req('POST', `/api/v1/library/items/${item.id}/submit`)).statusCode).toBe(200);
    expect((await admin.req('POST', `/api/v1/library/items/${item.id}/review`, { approve: false, note: 'Perbaiki teks X.' })).json().status).toBe('draft');
    expect((await humas.req('POST', `/api/v1/library/items/${item.id}/archive`)).json().status).toBe('archived');
  });

  it('employees and supervisors cannot write, list or publish library items', async () => {
    for (const s of [peg, atasan]) {
      expect((await s.req('POST', '/api/v1/library/items', newItem())).statusCode).toBe(403);
      expect((await s.req('GET', '/api/v1/library/items')).statusCode).toBe(403);
      expect((await s.req('POST', `/api/v1/library/items/${itemId}/archive`)).statusCode).toBe(403);
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/feed' })).statusCode).toBe(401);
  });

  it('rejects bad items with errors naming the field', async () => {
    const long = await humas.req('POST', '/api/v1/library/items', newItem({ variants: { x: 'a'.repeat(260) } }));
    expect(long.statusCode).toBe(400);
    expect(apiError(long).details?.[0].path).toBe('body.variants.x');
    expect(apiError(long).details?.[0].message).toContain('23');
    // 256 characters + a link of 23 + a space fits exactly 280
    expect((await humas.req('POST', '/api/v1/library/items', newItem({ variants: { x: 'a'.repeat(256) } }))).statusCode).toBe(201);
    const js = await humas.req('POST', '/api/v1/library/items', newItem({ link: 'javascript:alert(1)' }));
    expect(js.statusCode).toBe(400);
    expect(apiError(js).details?.some((d) => d.path.includes('link'))).toBe(true);
    const unit = await humas.req('POST', '/api/v1/library/items', newItem({ targetUnitIds: ['nope'] }));
    expect(apiError(unit).details?.[0].message).toContain('nope');
  });

  it('the feed shows an item to the targeted unit subtree only', async () => {
    const mine = (await peg.req('GET', '/api/v1/feed')).json() as Array<{ id: string; targeted: boolean }>;
    expect(mine[0].id).toBe(itemId); // newest and aimed at the employee's own unit
    expect(mine[0].targeted).toBe(true);
    const other = (await peg2.req('GET', '/api/v1/feed')).json() as Array<{ id: string }>;
    expect(other.some((i) => i.id === itemId)).toBe(false);
    expect(other.length).toBeGreaterThan(0); // the demo's untargeted items
    expect((await peg2.req('POST', `/api/v1/feed/${itemId}/share`, { platform: 'x' })).statusCode).toBe(404);
  });

  it('an item outside its validity dates is not in the feed', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const ids: string[] = [];
    for (const dates of [{ validUntil: yesterday }, { validFrom: tomorrow }, { validFrom: yesterday, validUntil: tomorrow }]) {
      const it = (
        await humas.req('POST', '/api/v1/library/items', newItem({ title: `Berlaku ${JSON.stringify(dates)}`, variants: { x: CLEAN_X }, ...dates }))
      ).json();
      await humas.req('POST', `/api/v1/library/items/${it.id}/submit`);
      expect((await humas2.req('POST', `/api/v1/library/items/${it.id}/review`, { approve: true })).json().status).toBe('published');
      ids.push(it.id);
    }
    const feed = ((await peg.req('GET', '/api/v1/feed')).json() as Array<{ id: string }>).map((i) => i.id);
    expect(ids.map((id) => feed.includes(id))).toEqual([false, false, true]);
    const bad = await humas.req('POST', '/api/v1/library/items', newItem({ validFrom: tomorrow, validUntil: yesterday }));
    expect(apiError(bad).details?.[0].path).toContain('validUntil');
    for (const id of ids) await humas.req('POST', `/api/v1/library/items/${id}/archive`);
    expect(((await peg.req('GET', '/api/v1/feed')).json() as Array<{ id: string }>).some((i) => ids.includes(i.id))).toBe(false);
  });

  let code = '';
  it('sharing returns the platform intent with the (edited, checked) text and the user’s own short link', async () => {
    const edited = 'Baru terbit: APBN KiTa Juli. Pendapatan negara Rp1.201,8 triliun hingga akhir Juni.';
    const r = await peg.req('POST', `/api/v1/feed/${itemId}/share`, { platform: 'x', text: edited });
    expect(r.statusCode).toBe(200);
    const s = r.json();
    code = s.code;
    expect(code).toMatch(/^[A-Za-z0-9_-]{12}$/);
    const intent = new URL(s.intentUrl);
    expect(intent.origin + intent.pathname).toBe('https://x.com/intent/tweet');
    expect(intent.searchParams.get('text')).toBe(edited);
    expect(intent.searchParams.get('url')).toBe(s.shortUrl);
    expect(s.shortUrl.endsWith(`/s/${code}`)).toBe(true);
    expect(xLength(`${edited} ${s.shortUrl}`)).toBeLessThanOrEqual(280);
    expect(s.findings).toEqual([]);
    // the same user, item and platform keep one link; other users get their own
    expect((await peg.req('POST', `/api/v1/feed/${itemId}/share`, { platform: 'x' })).json().code).toBe(code);
    const wa = (await peg.req('POST', `/api/v1/feed/${itemId}/share`, { platform: 'whatsapp' })).json();
    expect(wa.code).not.toBe(code);
    expect(wa.intentUrl.startsWith('https://wa.me/?text=')).toBe(true);
    expect(decodeURIComponent(wa.intentUrl.split('text=')[1])).toContain(wa.shortUrl);
    const ig = (await peg.req('POST', `/api/v1/feed/${itemId}/share`, { platform: 'instagram', text: 'APBN KiTa Juli sudah terbit.' })).json();
    expect(ig.intentUrl).toBeNull();
    expect(ig.copyText).toContain(ig.shortUrl);
    // an edit that breaks the rules is reported
    const bad = (await peg.req('POST', `/api/v1/feed/${itemId}/share`, { platform: 'x', text: BAD_X })).json();
    expect(bad.findings.length).toBeGreaterThan(0);
  });

  it('a short link redirects only to the item’s URL with UTM parameters and counts clicks without personal data', async () => {
    const hit = await app.inject({ method: 'GET', url: `/s/${code}?url=https://evil.example/`, remoteAddress: '10.0.0.1', headers: { 'user-agent': 'A' } });
    expect(hit.statusCode).toBe(302);
    const loc = new URL(String(hit.headers.location));
    expect(loc.origin + loc.pathname).toBe(LINK);
    expect(loc.searchParams.get('utm_source')).toBe('x');
    expect(loc.searchParams.get('utm_medium')).toBe('social');
    expect(String(hit.headers.location)).not.toContain('evil');
    await app.inject({ method: 'GET', url: `/s/${code}`, remoteAddress: '10.0.0.1', headers: { 'user-agent': 'A' } });
    await app.inject({ method: 'GET', url: `/s/${code}`, remoteAddress: '10.0.0.2', headers: { 'user-agent': 'B' } });
    await flushLibraryClicks(app);
    const rows = await demoDb(app).selectFrom('library_clicks').selectAll().where('code', '=', code).execute();
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]).sort()).toEqual(['clicks', 'code', 'day', 'org_id', 'uniques']);
    expect(Number(rows[0].clicks)).toBe(3);
    expect(Number(rows[0].uniques)).toBe(2);
    const own = (await peg.req('GET', `/api/v1/library/stats?itemId=${itemId}`)).json();
    expect(own.scope).toBe('own');
    expect(own.totals.clicks).toBe(3);
    expect(own.byUnit).toEqual([]);
  });

  it('short links cannot be enumerated: unknown codes count as misses and the IP is then refused', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < SHORTLINK_MISSES_PER_WINDOW; i++) {
      const r = await app.inject({ method: 'GET', url: `/s/AAAAAAAAAA${String(i).padStart(2, '0')}`, remoteAddress: ip });
      expect(r.statusCode).toBe(404);
    }
    expect((await app.inject({ method: 'GET', url: `/s/${code}`, remoteAddress: ip })).statusCode).toBe(429);
    expect((await app.inject({ method: 'GET', url: `/s/${code}`, remoteAddress: '10.9.9.10' })).statusCode).toBe(302);
  });

  it('statistics: humas all, supervisor only their subtree’s totals, employee only their own; never per person', async () => {
    await peg2.req('POST', `/api/v1/feed/${(await peg2.req('GET', '/api/v1/feed')).json()[0].id}/share`, { platform: 'facebook' });
    const all = (await humas.req('GET', '/api/v1/library/stats')).json();
    expect(all.scope).toBe('all');
    expect(all.byUnit.map((u: { name: string }) => u.name)).toEqual(
      expect.arrayContaining(['Kanwil DJP Jakarta Selatan', 'Direktorat Jenderal Bea dan Cukai']),
    );
    const sup = await atasan.req('GET', '/api/v1/library/stats');
    expect(sup.statusCode).toBe(200);
    const s = sup.json();
    expect(s.scope).toBe('unit');
    expect(s.byUnit.map((u: { name: string }) => u.name)).toEqual(['Kanwil DJP Jakarta Selatan']);
    expect(s.totals.shares).toBeLessThan(all.totals.shares);
    expect((await atasan.req('GET', `/api/v1/library/stats?unitId=${units.DJBC}`)).statusCode).toBe(403);
    expect((await atasan.req('GET', '/api/v1/library/stats?scope=all')).statusCode).toBe(403);
    expect((await peg.req('GET', '/api/v1/library/stats?scope=unit')).statusCode).toBe(403);
    expect((await peg.req('GET', '/api/v1/library/stats?scope=all')).statusCode).toBe(403);
    for (const body of [all, s]) expect(JSON.stringify(body)).not.toMatch(/userId|Siti|Agus|pegawai/);
    // x: three shares by one employee; four clicks from three visitors (one came back)
    const csv = await humas.req('GET', `/api/v1/library/stats.csv?itemId=${itemId}`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('day,item_id,item_title,unit,platform,shares,clicks,daily_unique_clicks');
    expect(lines.some((l) => l.includes(',x,') && l.endsWith(',3,4,3'))).toBe(true);
  });

  it('summarises a long text for any logged-in user, each part checked', async () => {
    const text =
      'Pendapatan negara hingga akhir Juni 2025 terealisasi Rp1.201,8 triliun atau 40,0% dari target. Belanja negara mencapai Rp1.406,0 triliun. Defisit tercatat Rp204,2 triliun atau 0,84% terhadap PDB.';
    const r = await peg.req('POST', '/api/v1/summarize', { text, platform: 'x', link: LINK });
    expect(r.statusCode).toBe(200);
    const j = r.json();
    expect(xLength(j.post)).toBeLessThanOrEqual(280);
    expect(j.post).toContain('Rp1.201,8 triliun');
    expect(Array.isArray(j.findings)).toBe(true);
    expect((await app.inject({ method: 'POST', url: '/api/v1/summarize', payload: { text } })).statusCode).toBe(401);
    expect(apiError(await peg.req('POST', '/api/v1/summarize', { text, platform: 'myspace' })).details?.[0].path).toContain('platform');
    const tooLong = await peg.req('POST', '/api/v1/summarize', { text: 'Kalimat resmi. '.repeat(27_000), platform: 'x' });
    expect(tooLong.statusCode).toBe(400);
    expect(apiError(tooLong).details?.[0].path).toBe('body.text');
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await app.inject('/api/v1/openapi.json')).json();
    for (const p of ['/api/v1/library/items', '/api/v1/feed', '/api/v1/library/stats', '/api/v1/summarize']) expect(Object.keys(doc.paths), p).toContain(p);
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/s/'))).toBe(true);
  });
});

describe('demo content', () => {
  it('is seeded so a fresh start shows a feed and charts', async () => {
    const app = await makeApp({ name: 'sqlite', enabled: true });
    try {
      const peg = await login(app, 'pegawai');
      expect((await peg.req('GET', '/api/v1/feed')).json().length).toBeGreaterThanOrEqual(3);
      const humas = await login(app, 'humas');
      const stats = (await humas.req('GET', '/api/v1/library/stats')).json();
      expect(stats.totals.shares).toBeGreaterThan(0);
      expect(stats.byDay.length).toBeGreaterThan(1);
      const items = (await humas.req('GET', '/api/v1/library/items?status=review')).json();
      expect(items.length).toBe(1);
      // deleting the humas author keeps the library (no foreign key blocks it)
      const admin = await login(app, 'admin');
      expect((await admin.req('DELETE', `/api/v1/admin/users/${humas.user.id}`)).statusCode).toBeLessThan(300);
      expect((await login(app, 'humas2').then((h) => h.req('GET', '/api/v1/library/items'))).json().length).toBe(4);
    } finally {
      await closeApp(app);
    }
  });
});
