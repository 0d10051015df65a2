/**
 * Feed, sharing, short links and statistics of the official-content library (issue 11).
 *
 * - GET /feed: current published items for the user's unit (targeted at it or an ancestor, or at everyone).
 * - POST /feed/:id/share: checks the (possibly edited) text, gives the user's own short link for the
 *   item and platform, records the share and returns the platform's intent URL. Nothing is posted.
 * - GET /s/:code (public): 302 to the item's own URL with UTM parameters — never to any other URL.
 *   Codes are 72 random bits; an IP that misses too many codes is refused for the rest of the window.
 *   Clicks are counted per link and day with a daily unique count; the uniqueness test uses an HMAC of
 *   IP and user agent under a random key that lives in memory for one day only and is never stored.
 * - GET /library/stats(.csv): shares and clicks by item, unit, platform and day. Humas and admin see
 *   everything; a supervisor only their unit subtree's totals; an employee only their own. Never per person.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { runAsTenant } from '../../db/tenant.js';
import { ApiError, forbidden, notFound } from '../errors.js';
import { subtree } from '../queries.js';
import { API_SECURITY_HEADERS, idParams, type RouteSpec, route, routeRegistry } from '../route.js';
import { shortLinkTarget } from '../system-queries.js';
import type { SessionUser } from '../types.js';
import { intentUrl, LIBRARY_PLATFORMS, type LibraryPlatform, today, utmUrl, VARIANT_LIMITS, variantLength } from './library-common.js';

/** Misses (unknown codes) allowed per IP and window before /s/ refuses that IP. */
export const SHORTLINK_MISSES_PER_WINDOW = 20;
const CODE_RE = /^[A-Za-z0-9_-]{12}$/;
const DAY_MS = 86_400_000;

const shareBody = z.object({ platform: z.enum(LIBRARY_PLATFORMS), text: z.string().trim().min(1).max(10_000).optional() }).strict();
const codeParams = z.object({ code: z.string().max(64) }).strict();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const statsQuery = z
  .object({
    from: day.optional(),
    to: day.optional(),
    unitId: z.string().min(1).max(100).optional(),
    itemId: z.string().min(1).max(100).optional(),
    scope: z.enum(['own', 'unit', 'all']).optional(),
  })
  .strict();

interface Pending {
  clicks: number;
  uniques: number;
}

/** Counts clicks in memory and writes them in batches (every second and on close). */
class ClickCounter {
  private pending = new Map<string, Pending>();
  private seen = new Set<string>();
  private seenDay = '';
  private key = randomBytes(32);
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  constructor(private readonly write: (orgId: string, code: string, day: string, p: Pending) => Promise<void>) {}

  count(orgId: string, code: string, ip: string, ua: string): void {
    const d = today();
    if (d !== this.seenDay) {
      // a new day: forget yesterday's visitors and their key
      this.seenDay = d;
      this.seen.clear();
      this.key = randomBytes(32);
    }
    const visitor = createHmac('sha256', this.key).update(`${code}\n${ip}\n${ua}`).digest('base64url').slice(0, 22);
    let unique = 0;
    if (!this.seen.has(visitor)) {
      if (this.seen.size < 2_000_000) this.seen.add(visitor);
      unique = 1;
    }
    const k = `${orgId}\t${code}\t${d}`;
    const p = this.pending.get(k);
    if (p) {
      p.clicks++;
      p.uniques += unique;
    } else this.pending.set(k, { clicks: 1, uniques: unique });
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, 1000).unref();
  }

  /** Writes the pending counts; resolves when they are in the database. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const batch = this.pending;
      this.pending = new Map();
      for (const [k, p] of batch) {
        const [orgId, code, d] = k.split('\t');
        // each count is written in its own organisation (the timer runs outside any request)
        await runAsTenant(orgId, () => this.write(orgId, code, d, p));
      }
    });
    return this.flushing;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

const counters = new WeakMap<FastifyInstance, ClickCounter>();

/** Writes the pending click counts of an app (tests and stats call it before reading). */
export async function flushLibraryClicks(app: FastifyInstance): Promise<void> {
  await counters.get(app)?.flush();
}

/** Ancestors of a unit, itself included. */
function ancestors(units: Array<{ id: string; parent_id: string | null }>, id: string): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: string[] = [];
  let cur = byId.get(id);
  while (cur && out.length < 100) {
    out.push(cur.id);
    cur = cur.parent_id ? byId.get(cur.parent_id) : undefined;
  }
  return out;
}

/**
 * Registers the feed, share and stats routes on `api` (prefix /api/v1) and the public redirect on `root`.
 */
export async function libraryShareRoutes(api: FastifyInstance, root: FastifyInstance): Promise<void> {
  const db = api.db;
  const counter = new ClickCounter(async (_orgId, code, d, p) => {
    await db
      .insertInto('library_clicks')
      .values({ code, day: d, clicks: p.clicks, uniques: p.uniques })
      .onConflict((oc) =>
        oc.columns(['code', 'day']).doUpdateSet((eb) => ({
          clicks: eb(eb.ref('library_clicks.clicks'), '+', p.clicks),
          uniques: eb(eb.ref('library_clicks.uniques'), '+', p.uniques),
        })),
      )
      .execute();
  });
  counters.set(root, counter);
  counters.set(api, counter);
  root.addHook('onClose', async () => {
    counter.stop();
    await counter.flush();
  });

  /** Published, currently valid items visible to a user's unit. */
  async function feedItems(user: SessionUser) {
    const units = await db.selectFrom('units').select(['id', 'parent_id']).execute();
    const mine = new Set(ancestors(units, user.unitId));
    const d = today();
    const items = await db
      .selectFrom('library_items')
      .selectAll()
      .where('status', '=', 'published')
      .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', d)]))
      .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', d)]))
      .orderBy('published_at', 'desc')
      .limit(300)
      .execute();
    return items
      .map((i) => {
        const targets = JSON.parse(i.target_units_json) as string[];
        const hit = targets.filter((t) => mine.has(t));
        return { item: i, visible: targets.length === 0 || hit.length > 0, targeted: hit.length > 0 };
      })
      .filter((x) => x.visible)
      .sort((a, b) => {
        // newest first, with items aimed at the user's own units counted three days newer
        const score = (x: typeof a) => Date.parse(x.item.published_at ?? x.item.created_at) + (x.targeted ? 3 * DAY_MS : 0);
        return score(b) - score(a);
      });
  }

  route(
    api,
    {
      method: 'GET',
      url: '/feed',
      summary: 'Current official content for the user’s unit, newest and most relevant first, with the user’s own share and click counts',
      tag: 'library',
      access: 'user',
      response: 'FeedItem[]',
    },
    async ({ user }) => {
      await counter.flush();
      const list = await feedItems(user);
      const ids = list.map((x) => x.item.id);
      if (!ids.length) return [];
      const [variants, shares, clicks] = await Promise.all([
        db.selectFrom('library_variants').select(['item_id', 'platform', 'text']).where('item_id', 'in', ids).execute(),
        db
          .selectFrom('library_shares')
          .select(['item_id', (eb) => eb.fn.countAll().as('n')])
          .where('user_id', '=', user.id)
          .where('item_id', 'in', ids)
          .groupBy('item_id')
          .execute(),
        db
          .selectFrom('library_clicks as c')
          .innerJoin('library_links as l', 'l.code', 'c.code')
          .select(['l.item_id', (eb) => eb.fn.sum<number>('c.clicks').as('n')])
          .where('l.user_id', '=', user.id)
          .where('l.item_id', 'in', ids)
          .groupBy('l.item_id')
          .execute(),
      ]);
      return list.map(({ item, targeted }) => ({
        id: item.id,
        title: item.title,
        body: item.body,
        link: item.link,
        imageUrl: item.image_url,
        tags: JSON.parse(item.tags_json) as string[],
        publishedAt: item.published_at,
        validUntil: item.valid_until,
        targeted,
        variants: LIBRARY_PLATFORMS.flatMap((p) =>
          variants.filter((v) => v.item_id === item.id && v.platform === p).map((v) => ({ platform: p, text: v.text, limit: VARIANT_LIMITS[p] })),
        ),
        mine: {
          shares: Number(shares.find((s) => s.item_id === item.id)?.n ?? 0),
          clicks: Number(clicks.find((c) => c.item_id === item.id)?.n ?? 0),
        },
      }));
    },
  );

  route(
    api,
    {
      method: 'POST',
      url: '/feed/:id/share',
      summary: 'Share an item: checks the (edited) text, returns the user’s short link and the platform’s intent URL, records the share',
      tag: 'library',
      access: 'user',
      params: idParams,
      body: shareBody,
      response: '{code, shortUrl, text, intentUrl|null, copyText, findings}',
      rateLimit: { max: 60, timeWindow: 60_000, keyGenerator: (req: { user: { id: string } | null; ip: string }) => `share:${req.user?.id ?? req.ip}` },
    },
    async ({ user, params, body, req }) => {
      const visible = await feedItems(user);
      const item = visible.find((x) => x.item.id === params.id)?.item;
      if (!item) throw notFound('Konten tidak ada di feed Anda.', 'This item is not in your feed.');
      const platform = body.platform as LibraryPlatform;
      const variant = await db.selectFrom('library_variants').select('text').where('item_id', '=', item.id).where('platform', '=', platform).executeTakeFirst();
      const text = body.text ?? variant?.text ?? item.title;
      const len = variantLength(platform, text);
      if (len > VARIANT_LIMITS[platform])
        throw new ApiError(
          'validation_error',
          `Teks terlalu panjang untuk ${platform} (${len} > ${VARIANT_LIMITS[platform]}).`,
          `Text too long for ${platform}.`,
          [{ path: 'body.text', message: `${len} > ${VARIANT_LIMITS[platform]} including the short link` }],
        );
      const checker = await api.getChecker();
      const findings = checker.check({ kind: 'post', text, platform: platform === 'tiktok' ? 'tiktok' : platform });
      let link = await db
        .selectFrom('library_links')
        .select('code')
        .where('item_id', '=', item.id)
        .where('user_id', '=', user.id)
        .where('platform', '=', platform)
        .executeTakeFirst();
      const now = new Date();
      if (!link) {
        const code = randomBytes(9).toString('base64url');
        await db
          .insertInto('library_links')
          .values({ code, item_id: item.id, user_id: user.id, unit_id: user.unitId, platform, created_at: now.toISOString() })
          .onConflict((oc) => oc.columns(['item_id', 'user_id', 'platform']).doNothing())
          .execute();
        link = await db
          .selectFrom('library_links')
          .select('code')
          .where('item_id', '=', item.id)
          .where('user_id', '=', user.id)
          .where('platform', '=', platform)
          .executeTakeFirstOrThrow();
      }
      await db
        .insertInto('library_shares')
        .values({
          id: randomUUID(),
          code: link.code,
          item_id: item.id,
          user_id: user.id,
          unit_id: user.unitId,
          platform,
          day: today(now.getTime()),
          created_at: now.toISOString(),
        })
        .execute();
      const origin = `${req.protocol}://${req.host}`;
      const shortUrl = `${origin.replace(/\/$/, '')}/s/${link.code}`;
      return { code: link.code, shortUrl, text, intentUrl: intentUrl(platform, text, shortUrl), copyText: `${text}\n${shortUrl}`, findings };
    },
  );

  // ---- public redirect -------------------------------------------------------------------------------
  const targets = new Map<string, { url: string; orgId: string }>(); // code -> redirect URL (items are immutable once published)
  const MAX_TARGETS = 100_000;
  const misses = new Map<string, number>();
  let missWindow = Date.now();
  const windowMs = api.bijakConfig.rateLimit.windowMs;

  // The hot path: declared for the OpenAPI document like every route, but served by a plain handler (no per-request
  // validation object; the code is checked by CODE_RE), without the rate limiter (misses are limited below) and helmet.
  const redirectSpec: RouteSpec = {
    method: 'GET',
    url: '/s/:code',
    summary: 'Short link: 302 to the item’s own URL with UTM parameters; counts the click (daily unique count only)',
    tag: 'library',
    access: 'public',
    params: codeParams,
    response: '302 with Location',
    rateLimit: false,
    staticSecurityHeaders: true,
  };
  const at = routeRegistry.findIndex((r) => r.method === 'GET' && r.fullUrl === '/s/:code');
  if (at >= 0) routeRegistry[at] = { ...redirectSpec, fullUrl: '/s/:code' };
  else routeRegistry.push({ ...redirectSpec, fullUrl: '/s/:code' });
  root.route({
    method: 'GET',
    url: '/s/:code',
    config: { rateLimit: false },
    helmet: false,
    handler: async (req, reply) => {
      reply.headers(API_SECURITY_HEADERS);
      const params = req.params as { code: string };
      const now = Date.now();
      if (now - missWindow > windowMs) {
        misses.clear();
        missWindow = now;
      }
      const ip = req.ip;
      if ((misses.get(ip) ?? 0) >= SHORTLINK_MISSES_PER_WINDOW) {
        throw new ApiError('rate_limited', undefined, undefined, undefined, { 'retry-after': String(Math.ceil((missWindow + windowMs - now) / 1000)) });
      }
      const code = params.code;
      let target = CODE_RE.test(code) ? targets.get(code) : undefined;
      if (!target && CODE_RE.test(code)) {
        // the code names no organisation: the one cross-organisation lookup of the library (src/server/system-queries.ts)
        const row = await shortLinkTarget(api.systemDb, code);
        if (row) {
          target = { url: utmUrl(row.link, row.platform, row.id), orgId: row.org_id };
          if (targets.size >= MAX_TARGETS) targets.delete(targets.keys().next().value as string);
          targets.set(code, target);
        }
      }
      if (!target) {
        if (misses.size < 1_000_000) misses.set(ip, (misses.get(ip) ?? 0) + 1);
        throw notFound('Tautan tidak ditemukan.', 'Link not found.');
      }
      counter.count(target.orgId, code, ip, String(req.headers['user-agent'] ?? ''));
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      return reply.redirect(target.url, 302);
    },
  });

  // ---- statistics ------------------------------------------------------------------------------------
  interface Scope {
    scope: 'own' | 'unit' | 'all';
    units: string[] | null;
    userId: string | null;
  }

  async function scopeOf(user: SessionUser, q: z.output<typeof statsQuery>): Promise<Scope> {
    const wanted = q.scope ?? (user.role === 'humas' || user.role === 'admin' ? 'all' : user.role === 'atasan' ? 'unit' : 'own');
    if (wanted === 'own') return { scope: 'own', units: null, userId: user.id };
    const units = await db.selectFrom('units').selectAll().execute();
    if (wanted === 'all') {
      if (user.role !== 'humas' && user.role !== 'admin')
        throw forbidden('Hanya humas dan admin yang melihat semua unit.', 'Only humas and admin see all units.');
      return { scope: 'all', units: q.unitId ? [...subtree(units, q.unitId)] : null, userId: null };
    }
    // unit totals: humas/admin any unit; a supervisor their own subtree only; employees never
    if (user.role === 'pegawai') throw forbidden('Pegawai hanya melihat statistiknya sendiri.', 'Employees see only their own figures.');
    const root = q.unitId ?? user.unitId;
    if (user.role === 'atasan' && !subtree(units, user.unitId).has(root))
      throw forbidden('Unit ini di luar wewenang Anda.', 'This unit is outside your remit.');
    if (!units.some((u) => u.id === root)) throw notFound('Unit tidak ditemukan.', 'Unit not found.');
    return { scope: 'unit', units: [...subtree(units, root)], userId: null };
  }

  async function statsRows(s: Scope, q: z.output<typeof statsQuery>) {
    await counter.flush();
    let sq = db
      .selectFrom('library_shares')
      .select(['item_id', 'unit_id', 'platform', 'day', (eb) => eb.fn.countAll().as('n')])
      .groupBy(['item_id', 'unit_id', 'platform', 'day']);
    let cq = db
      .selectFrom('library_clicks as c')
      .innerJoin('library_links as l', 'l.code', 'c.code')
      .select([
        'l.item_id',
        'l.unit_id',
        'l.platform',
        'c.day',
        (eb) => eb.fn.sum<number>('c.clicks').as('clicks'),
        (eb) => eb.fn.sum<number>('c.uniques').as('uniques'),
      ])
      .groupBy(['l.item_id', 'l.unit_id', 'l.platform', 'c.day']);
    if (s.userId) {
      sq = sq.where('user_id', '=', s.userId);
      cq = cq.where('l.user_id', '=', s.userId);
    }
    if (s.units) {
      if (!s.units.length) return [];
      sq = sq.where('unit_id', 'in', s.units);
      cq = cq.where('l.unit_id', 'in', s.units);
    }
    if (q.itemId) {
      sq = sq.where('item_id', '=', q.itemId);
      cq = cq.where('l.item_id', '=', q.itemId);
    }
    if (q.from) {
      sq = sq.where('day', '>=', q.from);
      cq = cq.where('c.day', '>=', q.from);
    }
    if (q.to) {
      sq = sq.where('day', '<=', q.to);
      cq = cq.where('c.day', '<=', q.to);
    }
    const [shares, clicks] = await Promise.all([sq.execute(), cq.execute()]);
    const rows = new Map<string, { itemId: string; unitId: string; platform: string; day: string; shares: number; clicks: number; uniques: number }>();
    const row = (itemId: string, unitId: string, platform: string, d: string) => {
      const k = `${itemId}|${unitId}|${platform}|${d}`;
      let r = rows.get(k);
      if (!r) rows.set(k, (r = { itemId, unitId, platform, day: d, shares: 0, clicks: 0, uniques: 0 }));
      return r;
    };
    for (const r of shares) row(r.item_id, r.unit_id, r.platform, r.day).shares += Number(r.n);
    for (const r of clicks) {
      const x = row(r.item_id, r.unit_id, r.platform, r.day);
      x.clicks += Number(r.clicks);
      x.uniques += Number(r.uniques);
    }
    return [...rows.values()].sort((a, b) => a.day.localeCompare(b.day) || a.itemId.localeCompare(b.itemId));
  }

  async function labels(rows: Array<{ itemId: string; unitId: string }>) {
    const itemIds = [...new Set(rows.map((r) => r.itemId))];
    const unitIds = [...new Set(rows.map((r) => r.unitId))];
    const [items, units] = await Promise.all([
      itemIds.length ? db.selectFrom('library_items').select(['id', 'title']).where('id', 'in', itemIds).execute() : [],
      unitIds.length ? db.selectFrom('units').select(['id', 'name']).where('id', 'in', unitIds).execute() : [],
    ]);
    return { items: new Map(items.map((i) => [i.id, i.title])), units: new Map(units.map((u) => [u.id, u.name])) };
  }

  function group<K extends string>(rows: Array<Record<K, string> & { shares: number; clicks: number; uniques: number }>, key: K) {
    const m = new Map<string, { shares: number; clicks: number; uniques: number }>();
    for (const r of rows) {
      const g = m.get(r[key]) ?? { shares: 0, clicks: 0, uniques: 0 };
      g.shares += r.shares;
      g.clicks += r.clicks;
      g.uniques += r.uniques;
      m.set(r[key], g);
    }
    return m;
  }

  route(
    api,
    {
      method: 'GET',
      url: '/library/stats',
      summary: 'Shares and clicks by item, unit, platform and day (humas/admin: all; supervisor: own unit subtree; employee: own)',
      tag: 'library',
      access: 'user',
      query: statsQuery,
      response: '{scope, totals, byItem, byUnit, byPlatform, byDay}',
    },
    async ({ user, query }) => {
      const s = await scopeOf(user, query);
      const rows = await statsRows(s, query);
      const l = await labels(rows);
      const totals = rows.reduce((a, r) => ({ shares: a.shares + r.shares, clicks: a.clicks + r.clicks, uniques: a.uniques + r.uniques }), {
        shares: 0,
        clicks: 0,
        uniques: 0,
      });
      return {
        scope: s.scope,
        totals,
        byItem: [...group(rows, 'itemId')].map(([id, v]) => ({ itemId: id, title: l.items.get(id) ?? id, ...v })),
        byUnit: s.scope === 'own' ? [] : [...group(rows, 'unitId')].map(([id, v]) => ({ unitId: id, name: l.units.get(id) ?? id, ...v })),
        byPlatform: [...group(rows, 'platform')].map(([platform, v]) => ({ platform, ...v })),
        byDay: [...group(rows, 'day')].sort(([a], [b]) => a.localeCompare(b)).map(([d, v]) => ({ day: d, ...v })),
      };
    },
  );

  const csvCell = (v: string | number) => {
    let s = String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`; // no formulas when opened in a spreadsheet
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };

  route(
    api,
    {
      method: 'GET',
      url: '/library/stats.csv',
      summary: 'The same figures as CSV, one row per day, item, unit and platform',
      tag: 'library',
      access: 'user',
      query: statsQuery,
      response: 'text/csv',
    },
    async ({ user, query, reply }) => {
      const s = await scopeOf(user, query);
      const rows = await statsRows(s, query);
      const l = await labels(rows);
      const lines = [['day', 'item_id', 'item_title', 'unit', 'platform', 'shares', 'clicks', 'daily_unique_clicks'].join(',')];
      for (const r of rows)
        lines.push(
          [r.day, r.itemId, l.items.get(r.itemId) ?? '', s.scope === 'own' ? '' : (l.units.get(r.unitId) ?? ''), r.platform, r.shares, r.clicks, r.uniques]
            .map(csvCell)
            .join(','),
        );
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="bijak-library-stats-${today()}.csv"`)
        .header('cache-control', 'no-store');
      return `${lines.join('\r\n')}\r\n`;
    },
  );
}
