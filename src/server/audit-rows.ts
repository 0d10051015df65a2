/**
 * Flagged posts of a footprint-audit report as rows (table `audit_flagged`, issue 8): written once when the audit
 * finishes, then paged, filtered (category, severity, date range, text search) and sorted in SQL, so a report of any
 * size answers a page at a time. Reports stored before the table existed keep their posts in `flagged_json`; they are
 * paged in memory by the same rules ({@link pageInMemory}).
 */
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { FlaggedPost } from '../audit/index.js';
import { CATEGORIES, SEVERITIES, SEVERITY_RANK, worstSeverity } from '../core/contract.js';
import type { Database } from '../db/types.js';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'YYYY-MM or YYYY-MM-DD')
  .optional();

/** Query of `GET /me/audits/:id/posts`. */
export const postsQuery = z
  .object({
    list: z.enum(['posts', 'likes']).default('posts'),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    category: z.enum(CATEGORIES).optional(),
    severity: z.enum(SEVERITIES).optional(),
    /** First day (inclusive); `YYYY-MM` means the first of that month. */
    from: day,
    /** Last day (inclusive); `YYYY-MM` means the end of that month. */
    to: day,
    /** Words in the text (case-insensitive). */
    q: z.string().trim().max(200).optional(),
    sort: z.enum(['severity', 'newest', 'oldest']).default('severity'),
  })
  .strict()
  .refine((v) => !v.from || !v.to || fromDay(v.from) <= toDay(v.to), { message: 'from is after to', path: ['from'] });

export type PostsQuery = z.output<typeof postsQuery>;

export interface PostsPage {
  total: number;
  offset: number;
  limit: number;
  items: FlaggedPost[];
}

function fromDay(d: string): string {
  return d.length === 7 ? `${d}-01` : d;
}
function toDay(d: string): string {
  return d.length === 7 ? `${d}-31` : d;
}

const BATCH = 200;

/** Writes the flagged posts and likes of a finished report (in the report's order). */
export async function storeRows(db: Kysely<Database>, reportId: string, posts: FlaggedPost[], likes: FlaggedPost[]): Promise<void> {
  const all: Array<[string, FlaggedPost]> = [
    ...posts.map((p) => ['posts', p] as [string, FlaggedPost]),
    ...likes.map((p) => ['likes', p] as [string, FlaggedPost]),
  ];
  // inside the caller's transaction when given one (the PostgreSQL job stores the whole report in one transaction)
  const inTransaction = (fn: (trx: Kysely<Database>) => Promise<void>) => (db.isTransaction ? fn(db) : db.transaction().execute(fn));
  await inTransaction(async (trx) => {
    for (let i = 0; i < all.length; i += BATCH) {
      const values = all.slice(i, i + BATCH).map(([list, p], k) => ({
        report_id: reportId,
        seq: i + k,
        list,
        day: p.date ? p.date.slice(0, 10) : null,
        date: p.date,
        severity_rank: SEVERITY_RANK[worstSeverity(p.findings)],
        categories: ` ${[...new Set(p.findings.map((f) => f.category))].join(' ')} `,
        search: p.text.toLowerCase(),
        post_json: JSON.stringify(p),
      }));
      await trx.insertInto('audit_flagged').values(values).execute();
    }
  });
}

/** True when the report's posts are stored as rows. */
export async function hasRows(db: Kysely<Database>, reportId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('audit_flagged').select('seq').where('report_id', '=', reportId).limit(1).executeTakeFirst());
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filtered(db: Kysely<Database>, reportId: string, q: Omit<PostsQuery, 'offset' | 'limit' | 'sort'>) {
  let base = db.selectFrom('audit_flagged').where('report_id', '=', reportId).where('list', '=', q.list);
  if (q.category) base = base.where('categories', 'like', `% ${q.category} %`);
  if (q.severity) base = base.where('severity_rank', '=', SEVERITY_RANK[q.severity]);
  if (q.from) base = base.where('day', '>=', fromDay(q.from));
  if (q.to) base = base.where('day', '<=', toDay(q.to));
  if (q.q) {
    const pattern = `%${likeEscape(q.q.toLowerCase())}%`;
    base = base.where(sql<boolean>`search LIKE ${pattern} ESCAPE '\\'`);
  }
  return base;
}

/** One page of a report's flagged posts, filtered and sorted in SQL. */
export async function pageRows(db: Kysely<Database>, reportId: string, q: PostsQuery): Promise<PostsPage> {
  const base = filtered(db, reportId, q);
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  // undated posts last in every order (NULL ordering differs between SQLite and PostgreSQL, so it is explicit)
  const undatedLast = sql`CASE WHEN date IS NULL THEN 1 ELSE 0 END`;
  let rows = base.select(['post_json']);
  if (q.sort === 'severity') rows = rows.orderBy('severity_rank').orderBy(undatedLast).orderBy('date', 'desc').orderBy('seq');
  else if (q.sort === 'newest') rows = rows.orderBy(undatedLast).orderBy('date', 'desc').orderBy('seq');
  else rows = rows.orderBy(undatedLast).orderBy('date', 'asc').orderBy('seq');
  const items = await rows.limit(q.limit).offset(q.offset).execute();
  return { total: Number(count?.n ?? 0), offset: q.offset, limit: q.limit, items: items.map((r) => JSON.parse(r.post_json) as FlaggedPost) };
}

/** Every flagged post of a list, in the report's order (CSV export, the full report). */
export async function allRows(db: Kysely<Database>, reportId: string, list: 'posts' | 'likes'): Promise<FlaggedPost[]> {
  const rows = await db.selectFrom('audit_flagged').select('post_json').where('report_id', '=', reportId).where('list', '=', list).orderBy('seq').execute();
  return rows.map((r) => JSON.parse(r.post_json) as FlaggedPost);
}

/** The same page for a report stored before the rows table (posts in `flagged_json`). */
export function pageInMemory(posts: FlaggedPost[], q: PostsQuery): PostsPage {
  const needle = q.q?.toLowerCase();
  const from = q.from ? fromDay(q.from) : null;
  const to = q.to ? toDay(q.to) : null;
  const rank = (p: FlaggedPost) => SEVERITY_RANK[worstSeverity(p.findings)];
  const hit = posts
    .map((p, seq) => ({ p, seq }))
    .filter(({ p }) => {
      const d = p.date ? p.date.slice(0, 10) : null;
      return (
        (!q.category || p.findings.some((f) => f.category === q.category)) &&
        (!q.severity || rank(p) === SEVERITY_RANK[q.severity]) &&
        (!from || (d !== null && d >= from)) &&
        (!to || (d !== null && d <= to)) &&
        (!needle || p.text.toLowerCase().includes(needle))
      );
    });
  const byDate = (a: FlaggedPost, b: FlaggedPost, dir: 1 | -1) =>
    a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -dir : dir;
  hit.sort((x, y) => (q.sort === 'severity' ? rank(x.p) - rank(y.p) : 0) || byDate(x.p, y.p, q.sort === 'oldest' ? 1 : -1) || x.seq - y.seq);
  return { total: hit.length, offset: q.offset, limit: q.limit, items: hit.slice(q.offset, q.offset + q.limit).map((h) => h.p) };
}

/** Query of `GET /me/audits/:id/groups`: the filters of /posts and what to group by. */
export const groupsQuery = z
  .object({
    by: z.enum(['year', 'month', 'category']),
    list: z.enum(['posts', 'likes']).default('posts'),
    category: z.enum(CATEGORIES).optional(),
    severity: z.enum(SEVERITIES).optional(),
    from: day,
    to: day,
    q: z.string().trim().max(200).optional(),
  })
  .strict();
export type GroupsQuery = z.output<typeof groupsQuery>;

/** Flagged posts counted per year, month (`unknown` for undated) or category, under the same filters as the page. */
export async function groupRows(db: Kysely<Database>, reportId: string, q: GroupsQuery): Promise<Array<{ key: string; count: number }>> {
  if (q.by === 'category') {
    const out: Array<{ key: string; count: number }> = [];
    for (const c of CATEGORIES) {
      if (q.category && q.category !== c) continue;
      const r = await filtered(db, reportId, { ...q, category: c })
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      if (Number(r?.n ?? 0) > 0) out.push({ key: c, count: Number(r?.n) });
    }
    return out.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  }
  const len = q.by === 'year' ? 4 : 7;
  const key = sql<string>`COALESCE(SUBSTR(day, 1, ${sql.lit(len)}), 'unknown')`;
  const rows = await filtered(db, reportId, q)
    .select([key.as('k'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(key)
    .execute();
  return rows.map((r) => ({ key: String(r.k), count: Number(r.n) })).sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
}

/** The same counts for a report stored before the rows table. */
export function groupInMemory(posts: FlaggedPost[], q: GroupsQuery): Array<{ key: string; count: number }> {
  const all = pageInMemory(posts, { ...q, offset: 0, limit: Number.MAX_SAFE_INTEGER, sort: 'severity' }).items;
  const acc = new Map<string, number>();
  for (const p of all) {
    const keys =
      q.by === 'category'
        ? [...new Set(p.findings.map((f) => f.category))].filter((c) => !q.category || c === q.category)
        : [p.date ? p.date.slice(0, q.by === 'year' ? 4 : 7) : 'unknown'];
    for (const k of keys) acc.set(k, (acc.get(k) ?? 0) + 1);
  }
  const out = [...acc].map(([key, count]) => ({ key, count }));
  return q.by === 'category'
    ? out.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
    : out.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
}
