/**
 * Tenant isolation (issue 12): a table-driven test over the whole OpenAPI document the server serves. Agency B
 * (created by a super-admin through the API) gets users, units, a policy version, KB entries, library items with
 * shares, feedback, drafts, accounts, self-checks and an audit report, every text carrying a marker. Then every
 * route × every role of agency A (the demo organisation) is called with B's ids in the path, the query and the body:
 * - a route that names one of B's objects answers 403 or 404, never B's data;
 * - no answer of any route contains the marker or one of B's ids (lists and counts never include B's rows);
 * - after the whole matrix, every row of B in every tenant table is exactly as it was (nothing of B was changed).
 * A route with a path parameter that this table does not know fails the test, so a new route must be added here.
 * A second suite removes the filtering from the tenant plugin and checks that every kind of assertion then fails.
 * Runs on SQLite and on PostgreSQL (DATABASE_URL_PG).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { TENANT_TABLES, TenantTransformer, tenantDb } from '../../src/db/tenant.js';
import { closeApp, DEMO_PASSWORD, describeEachDb, login, makeApp, type Session } from './helpers/app.js';

const MARK = 'ZZBMARK';
const B_CODE = 'agensi-b';

interface BIds {
  org: string;
  users: string[];
  units: string[];
  accounts: string[];
  drafts: string[];
  audits: string[];
  reports: string[];
  kb: string[];
  items: string[];
  codes: string[];
  policyVersion: number;
}

/** Logs in with an organisation code (the username exists in both organisations). */
async function loginIn(app: FastifyInstance, username: string, organization: string, password = DEMO_PASSWORD): Promise<Session> {
  const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password, organization } });
  if (r.statusCode !== 200) throw new Error(`login ${username}@${organization}: ${r.statusCode} ${r.body}`);
  const raw = r.headers['set-cookie'];
  const cookie = (Array.isArray(raw) ? raw[0] : String(raw)).split(';')[0];
  const { user, csrfToken } = r.json();
  return {
    cookie,
    csrf: csrfToken,
    user,
    req(method, url, body, opts = {}) {
      const headers: Record<string, string> = { cookie, ...(opts.headers ?? {}) };
      const csrf = opts.csrf === undefined ? csrfToken : opts.csrf;
      if (csrf !== null) headers['x-csrf-token'] = csrf;
      return app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
    },
  };
}

function ok(r: LightMyRequestResponse, what: string, status = 200) {
  if (r.statusCode !== status) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return r.json();
}

const kbEntry = (id: string) => ({
  id,
  claims: [`${MARK} klaim rahasia agensi B tentang tunjangan kinerja dihapus`],
  verdict: 'hoaks',
  summary: `${MARK} klarifikasi agensi B.`,
  source: { name: 'Agensi B', url: 'https://agensi-b.go.id/klarifikasi' },
  topics: [MARK],
});

const itemBody = (title: string) => ({
  title,
  body: `${MARK} isi konten resmi agensi B tentang layanan publik.`,
  link: 'https://agensi-b.go.id/berita',
  tags: [MARK],
  variants: { whatsapp: `${MARK} layanan publik agensi B kini lebih cepat.` },
});

/** Builds agency B through the API (super-admin creates it; its admin and humas fill it). */
async function buildAgencyB(app: FastifyInstance, superAdmin: Session): Promise<BIds> {
  const org = ok(
    await superAdmin.req('POST', '/api/v1/organizations', {
      code: B_CODE,
      name: 'Agensi B',
      unit: { code: 'B-PUSAT', name: `${MARK} Pusat` },
      // the same username as A's admin: login tells them apart by password or by the organisation code
      admin: { username: 'admin', name: `${MARK} Admin B`, password: DEMO_PASSWORD },
    }),
    'create organisation',
    201,
  );
  const adminB = await loginIn(app, 'admin', B_CODE);
  expect(adminB.user.id).not.toBe(superAdmin.user.id);
  const root = (ok(await adminB.req('GET', '/api/v1/admin/units'), 'units B') as Array<{ id: string }>)[0].id;
  const sub = ok(await adminB.req('POST', '/api/v1/admin/units', { code: 'B-SUB', name: `${MARK} Sub`, parentId: root }), 'unit B');
  const users: Record<string, string> = { admin: adminB.user.id };
  for (const [username, role, unit] of [
    ['humas', 'humas', root],
    ['humas2', 'humas', root],
    ['atasan', 'atasan', root],
    ['pegawai', 'pegawai', sub.id],
  ] as const) {
    const u = ok(
      await adminB.req('POST', '/api/v1/admin/users', { username, name: `${MARK} ${username}`, role, unitId: unit, password: DEMO_PASSWORD }),
      username,
    );
    users[username] = u.id;
  }
  const [humasB, humas2B, pegB] = await Promise.all(['humas', 'humas2', 'pegawai'].map((u) => loginIn(app, u, B_CODE)));
  const policy = ok(await adminB.req('GET', '/api/v1/admin/policy'), 'policy B').policy;
  const saved = ok(
    await adminB.req('PUT', '/api/v1/admin/policy', { policy: { ...policy, allow: [...policy.allow, `${MARK} frasa`] }, summary: MARK }),
    'policy put',
  );
  ok(await humasB.req('POST', '/api/v1/kb/entries', kbEntry('kb-zzb-1')), 'kb B', 201);
  const item = ok(await humasB.req('POST', '/api/v1/library/items', itemBody(`${MARK} konten B`)), 'item B', 201);
  ok(await humasB.req('POST', `/api/v1/library/items/${item.id}/submit`), 'submit B');
  ok(await humas2B.req('POST', `/api/v1/library/items/${item.id}/review`, { approve: true, note: MARK }), 'review B');
  const share = ok(await pegB.req('POST', `/api/v1/feed/${item.id}/share`, { platform: 'whatsapp' }), 'share B');
  const draft = ok(await pegB.req('POST', '/api/v1/me/drafts', { text: `${MARK} draf pegawai B`, platform: 'x', shareWithSupervisor: true }), 'draft B');
  const account = ok(await pegB.req('POST', '/api/v1/me/accounts', { platform: 'x', handle: 'zzbmark_b', displayName: `${MARK} B`, bio: MARK }), 'account B');
  ok(
    await pegB.req('POST', '/api/v1/me/self-checks', {
      accountId: account.id,
      twoFactor: true,
      passwordChanged: true,
      displayNameOk: true,
      postsReviewed: true,
      note: MARK,
    }),
    'self-check B',
  );
  ok(
    await pegB.req('POST', '/api/v1/me/dismissals', { ruleId: `${MARK}/rule`, category: 'abusive', severity: 'warning', reasonCode: 'other', reason: MARK }),
    'dismissal B',
  );
  const report = ok(
    await pegB.req('POST', '/api/v1/me/finding-reports', {
      source: 'check',
      text: `${MARK} teks yang dilaporkan`,
      consent: true,
      finding: { ruleId: `${MARK}/rule`, category: 'abusive', severity: 'warning', range: [0, 7] },
      comment: MARK,
    }),
    'finding report B',
  );
  // a finished, shared audit report of B's employee (the upload path is tested elsewhere)
  const auditId = '0b0b0b0b-0000-4000-8000-00000000b0b0';
  const tdb = tenantDb(app.systemDb, org.id);
  await tdb
    .insertInto('audit_reports')
    .values({
      id: auditId,
      user_id: users.pegawai,
      status: 'done',
      platform: 'x',
      created_at: new Date().toISOString(),
      finished_at: new Date().toISOString(),
      summary_json: JSON.stringify({ note: MARK, byMonth: { '2025-01': { abusive: 1 } } }),
      flagged_json: JSON.stringify({ flagged: [], inRows: true, likes: { scanned: 0, flagged: [] } }),
      shared: 1,
      error: null,
    })
    .execute();
  await tdb
    .insertInto('audit_flagged')
    .values({
      report_id: auditId,
      seq: 0,
      list: 'posts',
      day: '2025-01-02',
      date: '2025-01-02T00:00:00.000Z',
      severity_rank: 1,
      categories: ' abusive ',
      search: MARK.toLowerCase(),
      post_json: JSON.stringify({ id: 'p1', text: MARK, date: '2025-01-02T00:00:00.000Z', findings: [] }),
    })
    .execute();
  return {
    org: org.id,
    users: Object.values(users),
    units: [root, sub.id],
    accounts: [account.id],
    drafts: [draft.id],
    audits: [auditId],
    reports: [report.id],
    kb: ['kb-zzb-1'],
    items: [item.id],
    codes: [share.code],
    policyVersion: saved.version,
  };
}

/** Every row of B in every tenant table, as text (compared before and after the matrix). */
async function snapshotB(app: FastifyInstance, org: string): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of [...TENANT_TABLES].sort()) {
    // biome-ignore lint/suspicious/noExplicitAny: every tenant table, read generically
    const rows = await (app.systemDb as any).selectFrom(t).selectAll().where('org_id', '=', org).execute();
    out[t] = rows.map((r: Record<string, unknown>) => JSON.stringify(r, Object.keys(r).sort())).sort();
  }
  return out;
}

/** Which of B's ids a path parameter takes (by the route's path). A path not listed here fails the test. */
function idsFor(path: string, param: string, b: BIds): string[] | null {
  if (param === 'platform') return ['whatsapp'];
  const table: Array<[RegExp, keyof BIds]> = [
    [/^\/api\/v1\/me\/accounts\//, 'accounts'],
    [/^\/api\/v1\/me\/drafts\//, 'drafts'],
    [/^\/api\/v1\/me\/audits\//, 'audits'],
    [/^\/api\/v1\/units\//, 'units'],
    [/^\/api\/v1\/employees\//, 'users'],
    [/^\/api\/v1\/admin\/users\//, 'users'],
    [/^\/api\/v1\/admin\/units\//, 'units'],
    [/^\/api\/v1\/feedback\/reports\//, 'reports'],
    [/^\/api\/v1\/kb\/entries\//, 'kb'],
    [/^\/api\/v1\/library\/items\/from-kb\//, 'kb'],
    [/^\/api\/v1\/library\/items\//, 'items'],
    [/^\/api\/v1\/feed\//, 'items'],
  ];
  for (const [re, key] of table) if (re.test(path)) return b[key] as string[];
  return null;
}

/** Routes not called, each with the reason. */
const SKIP: Record<string, string> = {
  'POST /api/v1/auth/login': 'logging in with B’s own credentials is B’s user, not A reading B',
  'POST /api/v1/auth/logout': 'ends only the caller’s own session (called last, below)',
  'GET /s/{code}': 'the short link is public by design: anyone holding it is redirected to the item’s public URL',
};

/** Routes whose answer may name B's organisation (id, code, name, user count) but nothing inside it. */
const ORG_LEVEL = new Set(['GET /api/v1/organizations', 'POST /api/v1/organizations']);

/** A valid body for each route that takes one, with B's ids where the body names an object. */
function bodyFor(key: string, b: BIds): unknown {
  const bodies: Record<string, unknown> = {
    'POST /api/v1/check': { text: 'Selamat pagi' },
    'PUT /api/v1/me/settings': { saveHistory: true, locale: 'id' },
    'POST /api/v1/me/accounts': { platform: 'x', handle: 'akun_a_baru' },
    'PUT /api/v1/me/accounts/{id}': { platform: 'x', handle: 'akun_diubah' },
    'POST /api/v1/me/self-checks': { accountId: b.accounts[0], twoFactor: true, passwordChanged: true, displayNameOk: true, postsReviewed: true },
    'POST /api/v1/me/drafts': { text: 'draf A', shareWithSupervisor: true },
    'POST /api/v1/admin/users': { username: 'baru_a', name: 'Baru A', role: 'pegawai', unitId: b.units[0], password: DEMO_PASSWORD },
    'PUT /api/v1/admin/users/{id}': { name: 'Diubah oleh A', role: 'pegawai', unitId: b.units[0] },
    'POST /api/v1/admin/users/import': `username,name,role,unit_code,password\nbaru_csv,Baru,pegawai,B-PUSAT,${DEMO_PASSWORD}\nhumas,Diubah,pegawai,B-PUSAT,\n`,
    'POST /api/v1/admin/units': { code: 'A-BARU', name: 'Unit baru A', parentId: b.units[0] },
    'PUT /api/v1/admin/units/{id}': { name: 'Diubah oleh A', parentId: null },
    'PUT /api/v1/admin/policy': { policy: {}, summary: 'A' },
    'POST /api/v1/organizations': {
      code: `agensi-c-${Math.random().toString(36).slice(2, 8)}`,
      name: 'Agensi C',
      unit: { code: 'C-PUSAT', name: 'Pusat C' },
      admin: { username: 'admin', name: 'Admin C', password: DEMO_PASSWORD },
    },
    'POST /api/v1/me/dismissals': { ruleId: 'abusive/insult', category: 'abusive', severity: 'warning', reasonCode: 'other' },
    'POST /api/v1/me/finding-reports': {
      source: 'check',
      consent: false,
      finding: { ruleId: 'abusive/insult', category: 'abusive', severity: 'warning', range: [0, 3] },
    },
    'POST /api/v1/feedback/reports/{id}/allow': { phrase: 'frasa A' },
    'POST /api/v1/feedback/reports/{id}/label': { expect: [] },
    'POST /api/v1/feedback/reports/{id}/reject': { note: 'A' },
    'POST /api/v1/kb/entries': { ...kbEntry('kb-a-1'), claims: ['klaim agensi A tentang jadwal libur'], summary: 'A', topics: [] },
    'PUT /api/v1/kb/entries/{id}': { ...kbEntry(b.kb[0]), summary: 'Diubah oleh A', claims: ['klaim diubah oleh A'], topics: [] },
    'POST /api/v1/kb/import': {
      name: 'a.jsonl',
      content: JSON.stringify({ ...kbEntry('kb-a-import'), claims: ['klaim impor agensi A tentang cuti bersama'], summary: 'Diimpor oleh A', topics: [] }),
    },
    'POST /api/v1/me/audits/{id}/share': { share: false },
    'POST /api/v1/library/items': { ...itemBody('Konten A'), body: 'isi A', tags: [], variants: {}, targetUnitIds: [b.units[0]] },
    'PUT /api/v1/library/items/{id}': { ...itemBody('Diubah oleh A'), body: 'isi A', tags: [], variants: {} },
    'POST /api/v1/library/items/{id}/variants/{platform}/override': { reason: 'Alasan pengecualian dari agensi A.' },
    'POST /api/v1/library/items/{id}/review': { approve: false, note: 'A' },
    'POST /api/v1/summarize': { text: 'APBN 2025 ditetapkan. Belanja negara naik.' },
    'POST /api/v1/feed/{id}/share': { platform: 'whatsapp' },
  };
  return bodies[key];
}

/** Query strings naming B's objects, per route (list and count routes must not count B's rows). */
function queriesFor(key: string, b: BIds): string[] {
  const q: Record<string, string[]> = {
    'GET /api/v1/admin/audit-log': ['', `?userId=${b.users[0]}`, `?userId=${b.users[4]}`],
    'GET /api/v1/kb/search': [`?q=${MARK}`, '?q=klaim%20rahasia%20agensi%20B%20tunjangan%20kinerja'],
    'GET /api/v1/kb/entries': ['?status=all'],
    'GET /api/v1/feedback/reports': ['?status=all'],
    'GET /api/v1/library/stats': ['', '?scope=all', `?scope=all&unitId=${b.units[0]}`, `?itemId=${b.items[0]}`, `?scope=unit&unitId=${b.units[1]}`],
    'GET /api/v1/library/stats.csv': ['?scope=all', `?itemId=${b.items[0]}`],
    'GET /api/v1/me/audits/{id}/posts': ['', `?q=${MARK.toLowerCase()}`],
    'GET /api/v1/me/audits/{id}/groups': ['?by=month', '?by=category'],
  };
  return q[key] ?? [''];
}

/**
 * Calls every route of the OpenAPI document as every role of A with B's ids; returns what went wrong. Each kind of
 * problem is one assertion of the isolation test (a status other than 403/404 for B's object, B's data in an
 * answer, a server error, a route without known ids).
 */
async function runMatrix(app: FastifyInstance, roles: Record<string, Session>, b: BIds) {
  const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  const secrets = [MARK, MARK.toLowerCase(), ...b.users, ...b.units, ...b.accounts, ...b.drafts, ...b.audits, ...b.reports, ...b.items, ...b.codes, 'kb-zzb-1'];
  const orgLevel = new Set([b.org]);
  const problems: string[] = [];
  let calls = 0;
  let idCalls = 0;
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const method of Object.keys(ops)) {
      const key = `${method.toUpperCase()} ${path}`;
      if (SKIP[key]) continue;
      const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      // every combination of B's ids for the path's parameters
      let urls = [path];
      for (const p of params) {
        const ids = idsFor(path, p, b);
        if (!ids) {
          problems.push(`${key}: no B ids known for {${p}}; add the route to idsFor()`);
          urls = [];
          break;
        }
        urls = urls.flatMap((u) => ids.map((id) => u.replace(`{${p}}`, encodeURIComponent(id))));
      }
      for (const [roleName, s] of Object.entries(roles)) {
        for (const url of urls) {
          for (const qs of queriesFor(key, b)) {
            const body = bodyFor(key, b);
            const isCsv = key === 'POST /api/v1/admin/users/import';
            const r = await s.req(method.toUpperCase() as 'GET', `${url}${qs}`, body, isCsv ? { headers: { 'content-type': 'text/csv' } } : {});
            calls++;
            const where = `${key}${qs} as A's ${roleName} → ${r.statusCode}`;
            const text = r.body;
            // an error may repeat what the caller sent ("unknown unit <id>"); anything else of B is a leak
            const sent = `${url}${qs}${typeof body === 'string' ? body : JSON.stringify(body ?? '')}`;
            for (const secret of secrets)
              if (text.includes(secret) && !(r.statusCode >= 400 && sent.includes(secret))) problems.push(`${where}: answer holds B's ${secret}`);
            if (!ORG_LEVEL.has(key)) for (const id of orgLevel) if (text.includes(id)) problems.push(`${where}: answer holds B's organisation id`);
            if (params.length > 0) {
              idCalls++;
              if (r.statusCode !== 403 && r.statusCode !== 404) problems.push(`${where}: expected 403 or 404 for B's object`);
            } else if (r.statusCode >= 500) problems.push(`${where}: server error ${text.slice(0, 200)}`);
          }
        }
      }
    }
  }
  return { problems, calls, idCalls };
}

describeEachDb('tenant isolation over the whole OpenAPI document', (v) => {
  let app: FastifyInstance;
  let b: BIds;
  const roles: Record<string, Session> = {};

  beforeAll(async () => {
    app = await makeApp(v);
    for (const u of ['admin', 'humas', 'atasan', 'pegawai']) roles[u] = await login(app, u);
    expect(roles.admin.user.superAdmin).toBe(true);
    b = await buildAgencyB(app, roles.admin);
  }, 60_000);
  afterAll(() => closeApp(app));

  it('B exists with its data, and A and B log in to their own organisation with the same username', async () => {
    expect(JSON.stringify(await snapshotB(app, b.org))).toContain(MARK);
    // same username and password in both: without a code the older organisation (A) answers; the code picks B
    const a = await login(app, 'admin');
    expect(a.user.id).toBe(roles.admin.user.id);
    const adminB = await loginIn(app, 'admin', B_CODE);
    expect((adminB.user as unknown as { orgId: string }).orgId).toBe(b.org);
    const usersB = ok(await adminB.req('GET', '/api/v1/admin/users'), 'users B') as Array<{ id: string }>;
    expect(usersB.map((u) => u.id).sort()).toEqual([...b.users].sort());
  });

  it('every route × every role of A: B’s ids answer 403/404, no answer holds B’s data, and nothing of B changes', async () => {
    const before = await snapshotB(app, b.org);
    const { problems, calls, idCalls } = await runMatrix(app, roles, b);
    expect(problems).toEqual([]);
    expect(calls).toBeGreaterThan(300);
    expect(idCalls).toBeGreaterThan(100);
    // nothing of B was changed by any of it
    expect(await snapshotB(app, b.org)).toEqual(before);
    // and A's own session still works (logout is the last call)
    for (const s of Object.values(roles)) expect((await s.req('POST', '/api/v1/auth/logout')).statusCode).toBe(200);
  }, 300_000);

  it('A cannot log in to B with A’s password, nor name an organisation it does not belong to', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'atasan', password: 'salah-sandi-123', organization: B_CODE },
    });
    expect(r.statusCode).toBe(401);
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'pegawai2', password: DEMO_PASSWORD, organization: B_CODE },
    });
    expect(unknown.statusCode).toBe(401);
  });
});

describeEachDb('tenant isolation test: each of its assertions fails when the scoping is removed', (v) => {
  let app: FastifyInstance;
  let b: BIds;
  const roles: Record<string, Session> = {};

  beforeAll(async () => {
    app = await makeApp(v);
    for (const u of ['admin', 'humas', 'atasan', 'pegawai']) roles[u] = await login(app, u);
    b = await buildAgencyB(app, roles.admin);
  }, 60_000);
  afterAll(() => closeApp(app));

  it('with reads, joins, updates and deletes no longer filtered by organisation, it reports leaks of every kind', async () => {
    const before = await snapshotB(app, b.org);
    // the filters go; inserts still carry the organisation (so requests run as they would with a forgotten WHERE)
    // biome-ignore lint/suspicious/noExplicitAny: the transformer's private steps, replaced for this test only
    const proto = TenantTransformer.prototype as any;
    const noFilter = vi.spyOn(proto, 'conditionsOf').mockReturnValue([]);
    const noJoinFilter = vi.spyOn(proto, 'scopedJoins').mockImplementation((joins) => joins);
    let result: Awaited<ReturnType<typeof runMatrix>>;
    try {
      result = await runMatrix(app, roles, b);
    } finally {
      noFilter.mockRestore();
      noJoinFilter.mockRestore();
    }
    const kinds = (re: RegExp) => result.problems.filter((p) => re.test(p));
    // B's objects are found by A (a status other than 403/404) ...
    expect(kinds(/expected 403 or 404/).length).toBeGreaterThan(20);
    // ... B's data appears in A's answers, in lists too (routes without a path parameter) ...
    expect(kinds(/answer holds B's/).length).toBeGreaterThan(20);
    expect(kinds(/^GET \/api\/v1\/(admin\/users|kb\/entries|library\/items|feedback\/reports)\S* as .*answer holds B's/).length).toBeGreaterThan(0);
    // ... and A's writes reach B's rows
    expect(await snapshotB(app, b.org)).not.toEqual(before);
  }, 300_000);
});
