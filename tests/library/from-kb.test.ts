/**
 * A fact-check clarification turned into a library draft (issue 11 × issue 9): POST
 * /api/v1/library/items/from-kb/:id on SQLite and PostgreSQL — who may, 404 for an unknown entry, the
 * prefill (title from verdict and claim, body = clarification, link = source URL, tags = topics, origin
 * "kb", the entry id in the audit log), and an entry without a source URL that cannot be submitted
 * until humas adds the link.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiError, closeApp, demoDb, describeEachDb, login, makeApp, type Session } from '../server/helpers/app.js';

const THR = {
  id: 'kb-test-thr',
  claims: ['THR PNS tahun ini ditiadakan karena anggaran dialihkan', 'Tahun ini PNS tidak dapat THR'],
  verdict: 'hoaks',
  summary: 'THR ASN tetap dibayarkan sesuai PP yang berlaku; pencairan dimulai sepuluh hari kerja sebelum hari raya.',
  source: { name: 'Kementerian Keuangan', url: 'https://www.kemenkeu.go.id/klarifikasi/thr-asn' },
  topics: ['THR', 'ASN', 'gaji dan tunjangan pegawai negeri sipil pusat dan daerah'],
};
const NO_URL = {
  id: 'kb-test-seragam',
  claims: ['Pegawai wajib membayar iuran seragam baru ke rekening pribadi panitia'],
  verdict: 'tidak-terbukti',
  summary: 'Tidak ada iuran seragam; pengadaan seragam dibiayai DIPA.',
  source: { name: 'Biro Umum' },
  topics: [],
};

describeEachDb('library item from a fact-check clarification', (v) => {
  let app: FastifyInstance;
  let humas: Session;
  let admin: Session;
  let atasan: Session;
  let peg: Session;

  beforeAll(async () => {
    app = await makeApp(v);
    [humas, admin, atasan, peg] = await Promise.all(['humas', 'admin', 'atasan', 'pegawai'].map((u) => login(app, u)));
    for (const e of [THR, NO_URL]) expect((await humas.req('POST', '/api/v1/kb/entries', e)).statusCode).toBe(201);
  });
  afterAll(() => closeApp(app));

  it('employees and supervisors may not; an unknown entry is a 404; no CSRF token is a 403', async () => {
    for (const s of [peg, atasan]) expect((await s.req('POST', `/api/v1/library/items/from-kb/${THR.id}`)).statusCode).toBe(403);
    const unknown = await humas.req('POST', '/api/v1/library/items/from-kb/kb-no-such-entry');
    expect(unknown.statusCode).toBe(404);
    expect(apiError(unknown).code).toBe('not_found');
    expect((await humas.req('POST', `/api/v1/library/items/from-kb/${THR.id}`, undefined, { csrf: null })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: `/api/v1/library/items/from-kb/${THR.id}` })).statusCode).toBe(401);
    const items = (await humas.req('GET', '/api/v1/library/items')).json() as Array<{ origin: string }>;
    expect(items.filter((i) => i.origin === 'kb')).toEqual([]);
  });

  it('humas gets a draft prefilled from the clarification, with the entry id in the audit log', async () => {
    const r = await humas.req('POST', `/api/v1/library/items/from-kb/${THR.id}`);
    expect(r.statusCode).toBe(201);
    const item = r.json();
    expect(item).toMatchObject({
      status: 'draft',
      origin: 'kb',
      title: '[HOAKS] THR PNS tahun ini ditiadakan karena anggaran dialihkan',
      body: THR.summary,
      link: THR.source.url,
      targetUnitIds: [],
      variants: [],
      createdByName: expect.any(String),
    });
    // topics become tags, clipped to the library's 40 characters
    expect(item.tags.slice(0, 2)).toEqual(['THR', 'ASN']);
    expect(item.tags[2]).toHaveLength(40);
    expect(item.tags[2]).toMatch(/^gaji dan tunjangan.*…$/);
    const logged = await demoDb(app).selectFrom('audit_log').selectAll().where('action', '=', 'library.create').execute();
    expect(logged.map((l) => JSON.parse(l.detail_json))).toContainEqual(expect.objectContaining({ itemId: item.id, origin: 'kb', kbId: THR.id }));
    // an ordinary draft from here on: humas adds a variant and submits it
    const put = await humas.req('PUT', `/api/v1/library/items/${item.id}`, {
      title: item.title,
      body: item.body,
      link: item.link,
      tags: item.tags,
      variants: { whatsapp: 'Hoaks: THR ASN tetap dibayarkan. Cek klarifikasi resmi Kementerian Keuangan.' },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().origin).toBe('kb');
    expect((await humas.req('POST', `/api/v1/library/items/${item.id}/submit`)).json().status).toBe('review');
  });

  it('admin may too; an entry without a source URL gives a draft that cannot be submitted until a link is added', async () => {
    const r = await admin.req('POST', `/api/v1/library/items/from-kb/${NO_URL.id}`);
    expect(r.statusCode).toBe(201);
    const item = r.json();
    expect(item).toMatchObject({ title: `[TIDAK TERBUKTI] ${NO_URL.claims[0]}`, body: NO_URL.summary, link: '', tags: [], origin: 'kb' });
    // a variant but no link: submitting is refused, naming the link
    const body = { title: item.title, body: item.body, link: 'https://www.kemenkeu.go.id/biro-umum/seragam', variants: { x: 'Tidak ada iuran seragam.' } };
    // (the variant goes in directly: the editor's PUT would need the link first)
    const variant = { item_id: item.id, platform: 'x', text: body.variants.x, findings_json: '[]', updated_at: new Date().toISOString() };
    await demoDb(app)
      .insertInto('library_variants')
      .values({ ...variant, override_reason: null, override_by: null, override_at: null })
      .execute();
    const refused = await admin.req('POST', `/api/v1/library/items/${item.id}/submit`);
    expect(refused.statusCode).toBe(409);
    expect(apiError(refused).details?.[0].path).toBe('link');
    expect((await admin.req('PUT', `/api/v1/library/items/${item.id}`, body)).statusCode).toBe(200);
    expect((await admin.req('POST', `/api/v1/library/items/${item.id}/submit`)).json().status).toBe('review');
  });

  it('a retired entry can still be turned into a draft', async () => {
    expect((await humas.req('POST', `/api/v1/kb/entries/${NO_URL.id}/retire`)).statusCode).toBe(200);
    expect((await humas.req('POST', `/api/v1/library/items/from-kb/${NO_URL.id}`)).statusCode).toBe(201);
  });

  it('the route is in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const op = doc.paths['/api/v1/library/items/from-kb/{id}']?.post;
    expect(op?.summary).toMatch(/KB/);
    expect(op?.parameters?.[0]).toMatchObject({ name: 'id', in: 'path' });
  });
});
