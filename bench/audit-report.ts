/**
 * Big audit report benchmark (issue 8): stores a report of N flagged posts as rows (audit_flagged) in an in-memory
 * SQLite database (or PostgreSQL with DATABASE_URL_PG), then times one page of 50 (severity order), a filtered and
 * searched page, the year/month groups and the category groups, against the old way (the whole report as one JSON
 * document, parsed and sent on every view). Prints figures and ratios; no pass/fail.
 *
 *   npx tsx bench/audit-report.ts [--posts 25000]
 */
import { randomUUID } from 'node:crypto';
import type { FlaggedPost } from '../src/audit/index.js';
import { CATEGORIES } from '../src/core/index.js';
import { DEFAULT_ORG_ID, tenantDb } from '../src/db/tenant.js';
import { buildApp } from '../src/server/app.js';
import { groupRows, groupsQuery, pageRows, postsQuery, storeRows } from '../src/server/audit-rows.js';

const n = Number(process.argv[process.argv.indexOf('--posts') + 1]) || 25_000;
const pg = process.env.DATABASE_URL_PG;
const schema = `bench_${randomUUID().slice(0, 8)}`;
const app = await buildApp(pg ? { databaseUrl: pg, pgSchema: schema, demo: true, logger: false } : { sqliteFile: ':memory:', demo: true, logger: false });
// the demo organisation's data, scoped like a request (src/db/tenant.ts)
const db = tenantDb(app.systemDb, DEFAULT_ORG_ID);
const posts: FlaggedPost[] = Array.from({ length: n }, (_, i) => ({
  platform: 'x',
  kind: 'post',
  id: String(i),
  date: i % 11 === 0 ? null : new Date(Date.UTC(2016, 0, 1) + (i * 86_400_000 * 3650) / n).toISOString(),
  url: `https://x.com/u/status/${i}`,
  text: `unggahan nomor ${i} tentang pajak dan kantor, dasar bangsat ${i % 7 === 0 ? 'ayo coblos nomor 2' : ''}`,
  findings: [
    {
      ruleId: 'abusive/profanity',
      category: CATEGORIES[i % CATEGORIES.length],
      severity: (['error', 'warning', 'info'] as const)[i % 3],
      message: { id: 'pesan', en: 'message' },
      field: 'text',
      range: [0, 8],
      references: ['SE-16/MK.01/2018'],
      suggestions: [],
    },
  ],
}));
const user = await db.selectFrom('users').select('id').where('username', '=', 'pegawai').executeTakeFirstOrThrow();
const id = randomUUID();
const now = new Date().toISOString();
await db
  .insertInto('audit_reports')
  .values({
    id,
    user_id: user.id,
    status: 'done',
    platform: 'x',
    created_at: now,
    finished_at: now,
    summary_json: '{}',
    flagged_json: '{}',
    shared: 0,
    error: null,
  })
  .execute();

const time = async (label: string, fn: () => Promise<unknown> | unknown, runs = 5) => {
  await fn();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  const ms = (performance.now() - t0) / runs;
  console.log(`${label.padEnd(52)} ${ms.toFixed(1).padStart(8)} ms`);
  return ms;
};

const t0 = performance.now();
await storeRows(db, id, posts, []);
console.log(
  `store ${n} flagged posts as rows (${pg ? 'PostgreSQL' : 'SQLite'})`.padEnd(52),
  `${(performance.now() - t0).toFixed(0).padStart(8)} ms (once, when the audit ends)`,
);
const page = await time('page of 50, most severe first', () => pageRows(db, id, postsQuery.parse({})));
await time('page 400 of 50, newest first', () => pageRows(db, id, postsQuery.parse({ offset: 20_000 % n, sort: 'newest' })));
await time('filtered: category + date range + search', () =>
  pageRows(db, id, postsQuery.parse({ category: 'abusive', from: '2018-01', to: '2020-12', q: 'coblos' })),
);
await time('groups by month', () => groupRows(db, id, groupsQuery.parse({ by: 'month' })));
await time('groups by category', () => groupRows(db, id, groupsQuery.parse({ by: 'category' })));
const blob = JSON.stringify({ flagged: posts });
const old = await time(`old: parse the whole report JSON (${(blob.length / 1e6).toFixed(1)} MB)`, () => JSON.parse(blob));
console.log(`page of 50 vs the whole report: ${(old / page).toFixed(1)}x less time, 50 posts sent instead of ${n}`);
await app.close();
if (pg) {
  const { default: Pg } = await import('pg');
  const c = new Pg.Client({ connectionString: pg });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await c.end();
}
