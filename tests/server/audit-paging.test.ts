// Issue 8 item 3: big audit reports are paged, filtered, sorted and searched by the server (rows in audit_flagged), on
// SQLite and PostgreSQL; reports stored before the rows table are paged in memory by the same rules.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FlaggedPost } from '../../src/audit/index.js';
import { CATEGORIES, type Category, type Severity } from '../../src/core/index.js';
import { groupInMemory, groupRows, groupsQuery, pageInMemory, pageRows, postsQuery, storeRows } from '../../src/server/audit-rows.js';
import { closeApp, demoDb, describeEachDb, login, makeApp, type Session } from './helpers/app.js';

/** A deterministic pseudo-random report: dated and undated posts over several years, every category and severity. */
function makePosts(n: number, seed = 7): FlaggedPost[] {
  let x = seed;
  const rnd = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  const sev: Severity[] = ['error', 'warning', 'info'];
  const words = ['pajak', 'Gaji', 'liburan', 'PEMILU', 'kantor', 'rapat', '100%', 'a_b'];
  return Array.from({ length: n }, (_, i) => {
    const undated = rnd() < 0.1;
    const y = 2016 + Math.floor(rnd() * 9);
    const m = 1 + Math.floor(rnd() * 12);
    const d = 1 + Math.floor(rnd() * 28);
    const cats = [CATEGORIES[Math.floor(rnd() * CATEGORIES.length)], CATEGORIES[Math.floor(rnd() * CATEGORIES.length)]] as Category[];
    const text = `post ${i} ${words[Math.floor(rnd() * words.length)]} ${words[Math.floor(rnd() * words.length)]}`;
    return {
      platform: 'x',
      kind: 'post',
      id: String(i),
      date: undated ? null : `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(Math.floor(rnd() * 24)).padStart(2, '0')}:00:00.000Z`,
      url: null,
      text,
      findings: cats.map((c, k) => ({
        ruleId: `${c}/x`,
        category: c,
        severity: sev[Math.floor(rnd() * 3)],
        message: { id: 'm', en: 'm' },
        field: 'text' as const,
        range: [k, k + 1] as [number, number],
        references: [],
        suggestions: [],
      })),
    } as FlaggedPost;
  });
}

describeEachDb('audit report paging', (v) => {
  let app: FastifyInstance;
  let peg: Session;
  let peg2: Session;
  const posts = makePosts(1200);
  const reportId = randomUUID();
  const legacyId = randomUUID();

  beforeAll(async () => {
    app = await makeApp(v);
    peg = await login(app, 'pegawai');
    peg2 = await login(app, 'pegawai2');
    const now = new Date().toISOString();
    const summary = { scanned: 5000, flagged: posts.length, byCategory: {}, byYear: {}, byMonth: {} };
    for (const [id, inRows] of [
      [reportId, true],
      [legacyId, false],
    ] as const) {
      await demoDb(app)
        .insertInto('audit_reports')
        .values({
          id,
          user_id: peg.user.id,
          status: 'done',
          platform: 'x',
          created_at: now,
          finished_at: now,
          summary_json: JSON.stringify(summary),
          flagged_json: JSON.stringify(
            inRows
              ? { flagged: [], likes: { scanned: 3, flagged: [] }, likesFlagged: 2, inRows: true }
              : { flagged: posts, likes: { scanned: 3, flagged: posts.slice(0, 2) } },
          ),
          shared: 0,
          error: null,
        })
        .execute();
    }
    await storeRows(demoDb(app), reportId, posts, posts.slice(0, 2));
  });
  afterAll(() => closeApp(app));

  it('pages in SQL exactly as the in-memory rules, for many filter and sort combinations', async () => {
    const queries: Array<Record<string, unknown>> = [
      {},
      { sort: 'newest' },
      { sort: 'oldest', offset: 40, limit: 25 },
      { category: 'hoax' },
      { severity: 'error', sort: 'newest' },
      { from: '2018-03', to: '2019-02' },
      { from: '2020-01-15', to: '2020-01-31', sort: 'oldest' },
      { q: 'PAJAK' },
      { q: '100%' },
      { q: 'a_b', category: 'abusive' },
      { q: 'tidak ada' },
      { list: 'likes' },
      { offset: 1190, limit: 200 },
      { category: 'partisanship', severity: 'warning', from: '2017', to: '2023-12' },
    ];
    for (const raw of queries) {
      const parsed = postsQuery.safeParse(raw);
      if (!parsed.success) {
        expect(raw.from).toBe('2017'); // the only invalid one: a year alone is not a day
        continue;
      }
      const q = parsed.data;
      const sqlPage = await pageRows(demoDb(app), reportId, q);
      const mem = pageInMemory(q.list === 'likes' ? posts.slice(0, 2) : posts, q);
      expect(sqlPage.total, JSON.stringify(raw)).toBe(mem.total);
      expect(
        sqlPage.items.map((p) => p.id),
        JSON.stringify(raw),
      ).toEqual(mem.items.map((p) => p.id));
    }
  });

  it('answers a page through the API with the total of all flagged posts, not of one page', async () => {
    const r = await peg.req('GET', `/api/v1/me/audits/${reportId}/posts?limit=50&sort=severity`);
    expect(r.statusCode).toBe(200);
    const page = r.json();
    expect(page.total).toBe(1200);
    expect(page.items).toHaveLength(50);
    const ranks = page.items.map((p: FlaggedPost) => Math.min(...p.findings.map((f) => ['error', 'warning', 'info'].indexOf(f.severity))));
    expect([...ranks].sort()).toEqual(ranks);
    const filtered = (await peg.req('GET', `/api/v1/me/audits/${reportId}/posts?category=hoax&from=2018-01-01&to=2018-12-31&q=post`)).json();
    for (const p of filtered.items as FlaggedPost[]) {
      expect(p.findings.some((f) => f.category === 'hoax')).toBe(true);
      expect(p.date?.slice(0, 4)).toBe('2018');
    }
    // the same answer for a legacy report (posts in flagged_json)
    const legacy = (await peg.req('GET', `/api/v1/me/audits/${legacyId}/posts?category=hoax&from=2018-01-01&to=2018-12-31&q=post`)).json();
    expect(legacy.total).toBe(filtered.total);
    expect(legacy.items.map((p: FlaggedPost) => p.id)).toEqual(filtered.items.map((p: FlaggedPost) => p.id));
  });

  it('groups by year, month and category with counts, in SQL as in memory, under the page filters', async () => {
    for (const raw of [
      { by: 'year' },
      { by: 'month' },
      { by: 'category' },
      { by: 'month', category: 'hoax', from: '2019-01', to: '2020-06' },
      { by: 'category', q: 'pajak', severity: 'error' },
      { by: 'year', list: 'likes' },
    ]) {
      const q = groupsQuery.parse(raw);
      const fromSql = await groupRows(demoDb(app), reportId, q);
      expect(fromSql, JSON.stringify(raw)).toEqual(groupInMemory(q.list === 'likes' ? posts.slice(0, 2) : posts, q));
    }
    const years = (await peg.req('GET', `/api/v1/me/audits/${reportId}/groups?by=year`)).json();
    expect(years.reduce((s: number, g: { count: number }) => s + g.count, 0)).toBe(1200);
    expect(years.find((g: { key: string }) => g.key === 'unknown').count).toBe(posts.filter((p) => p.date === null).length);
    const months = (await peg.req('GET', `/api/v1/me/audits/${reportId}/groups?by=month&from=2018-01&to=2018-12`)).json();
    const in2018 = posts.filter((p) => p.date?.startsWith('2018')).length;
    expect(months.every((g: { key: string }) => g.key.startsWith('2018-'))).toBe(true);
    expect(months.reduce((s: number, g: { count: number }) => s + g.count, 0)).toBe(in2018);
    const cats = (await peg.req('GET', `/api/v1/me/audits/${reportId}/groups?by=category`)).json();
    expect(cats[0].count).toBeGreaterThanOrEqual(cats[cats.length - 1].count);
    expect(cats.find((g: { key: string }) => g.key === 'hoax').count).toBe(posts.filter((p) => p.findings.some((f) => f.category === 'hoax')).length);
    expect((await peg.req('GET', `/api/v1/me/audits/${reportId}/groups?by=week`)).statusCode).toBe(400);
  });

  it('answers the report without posts on ?flagged=none, and with all of them by default', async () => {
    const lean = (await peg.req('GET', `/api/v1/me/audits/${reportId}?flagged=none`)).json();
    expect(lean.flagged).toEqual([]);
    expect(lean.storedPosts).toBe(1200);
    expect(lean.storedLikes).toBe(2);
    const full = (await peg.req('GET', `/api/v1/me/audits/${reportId}`)).json();
    expect(full.flagged).toHaveLength(1200);
    expect(full.flagged[0].id).toBe(posts[0].id);
    expect(full.likes.flagged).toHaveLength(2);
    const csv = await peg.req('GET', `/api/v1/me/audits/${reportId}/report.csv`);
    expect(csv.body.trim().split('\r\n')).toHaveLength(1 + 1200 + 2);
  });

  it('refuses bad queries naming the field, and other users', async () => {
    const bad = await peg.req('GET', `/api/v1/me/audits/${reportId}/posts?limit=5000`);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('limit');
    expect((await peg.req('GET', `/api/v1/me/audits/${reportId}/posts?from=2020-02-01&to=2020-01-01`)).statusCode).toBe(400);
    expect((await peg.req('GET', `/api/v1/me/audits/${reportId}/posts?category=nope`)).statusCode).toBe(400);
    expect((await peg2.req('GET', `/api/v1/me/audits/${reportId}/posts`)).statusCode).toBe(404);
  });

  it('deletes the rows with the report', async () => {
    expect((await peg.req('DELETE', `/api/v1/me/audits/${reportId}`)).statusCode).toBe(200);
    const left = await demoDb(app).selectFrom('audit_flagged').select('seq').where('report_id', '=', reportId).execute();
    expect(left).toEqual([]);
  });
});
