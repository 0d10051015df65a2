/**
 * A store of @fastify/rate-limit counted in PostgreSQL (issue 12): every node of a deployment counts into the
 * same UNLOGGED table `rate_counters` (src/db/jobs-schema.ts), so N nodes enforce one limit. A counter is a
 * fixed window per key (the plugin's own LocalStore semantics) with the database's clock, so nodes with
 * drifting clocks agree. Routes with their own limits count under their own prefix (method + URL), like the
 * plugin's per-route child stores. On SQLite (one node) the plugin's in-memory store stays. Old windows are
 * swept every 10 minutes.
 *
 * Leases (issue 12, speed): a node does not write the counter for every request. It takes a block of
 * B = min(leaseBlock, floor(limit / 20)) requests (at least 1) in one upsert (`count += B`) and admits the next
 * requests of that key from its block without a database round trip, until the block is used up or the window
 * ends; then it takes the next block. The counter is therefore the number of requests leased, not served:
 *
 * - a key is never admitted more than `limit` times in a window across all nodes (a block is cut to what is
 *   left below the limit, and a node admits only what it leased);
 * - it may be refused up to (nodes - 1) x (B - 1) requests early, while other nodes still hold unused parts
 *   of their blocks (with the default B <= limit / 20 and 3 nodes: at most 10 % of the limit);
 * - with B = 1 (limits under 40, or `RATE_LIMIT_LEASE_BLOCK=1`) every request is counted in the database,
 *   exactly as before.
 *
 * Once the database says a block was cut (the window is spent), the node refuses that key locally until the
 * window ends, so a client over its limit costs no round trips either.
 */
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/types.js';

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

/** What the plugin passes to `child()` at run time: the merged route options with `routeInfo` (its types say RouteOptions). */
interface RouteInfo {
  routeInfo?: { method?: string | string[]; url?: string };
  method?: string | string[];
  url?: string;
}

const NOW_MS = sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`;

/** The block a node leases for a limit of `max` requests per window. */
export function leaseBlockFor(max: number, leaseBlock: number): number {
  return Math.max(1, Math.min(Math.floor(leaseBlock), Math.floor(max / 20)));
}

/** A node's lease of one key in the current window: positions `next`..`top` of the shared count are its own. */
interface Lease {
  /** End of the window on this node's clock (ms). */
  windowEnd: number;
  next: number;
  top: number;
  /** The database cut the last block: the window is spent, refuse until it ends. */
  spent: boolean;
  /** Requests waiting for a block being leased (one upsert per key in flight). */
  waiting: Array<{ cb: Callback; max: number }> | null;
}

/** The store class for `@fastify/rate-limit`'s `store` option, and a sweeper to stop on close. */
export function pgRateLimitStore(db: Kysely<Database>, leaseBlock = 100, sweepMs = 10 * 60_000): { Store: FastifyRateLimitStoreCtor; stop(): void } {
  const leases = new Map<string, Lease>();

  /** Adds `block` to the key's counter (a new window starts at `block`); the count after it and the window's ttl. */
  const lease = (k: string, block: number, timeWindow: number) =>
    sql<{ count: string; ttl: string }>`
      INSERT INTO rate_counters AS r (key, window_start, count) VALUES (${k}, ${NOW_MS}, ${block})
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN r.window_start + ${timeWindow} <= ${NOW_MS} THEN ${block} ELSE r.count + ${block} END,
        window_start = CASE WHEN r.window_start + ${timeWindow} <= ${NOW_MS} THEN ${NOW_MS} ELSE r.window_start END
      RETURNING count, r.window_start + ${timeWindow} - ${NOW_MS} AS ttl`
      .execute(db)
      .then((r) => ({ count: Number(r.rows[0].count), ttl: Math.max(0, Number(r.rows[0].ttl)) }));

  const take = (k: string, cb: Callback, timeWindow: number, max: number): void => {
    const now = Date.now();
    let l = leases.get(k);
    if (l && !l.waiting && now >= l.windowEnd) {
      leases.delete(k);
      l = undefined;
    }
    if (l?.waiting) {
      l.waiting.push({ cb, max });
      return;
    }
    if (l && l.next <= l.top) {
      cb(null, { current: l.next++, ttl: l.windowEnd - now });
      return;
    }
    if (l?.spent) {
      cb(null, { current: max + 1, ttl: l.windowEnd - now });
      return;
    }
    const block = leaseBlockFor(max, leaseBlock);
    const entry: Lease = l ?? { windowEnd: 0, next: 1, top: 0, spent: false, waiting: null };
    entry.waiting = [{ cb, max }];
    leases.set(k, entry);
    lease(k, block, timeWindow).then(
      ({ count, ttl }) => {
        const before = count - block; // leased in this window before this block
        const granted = Math.max(0, Math.min(block, max - before));
        entry.windowEnd = Date.now() + ttl;
        entry.next = before + 1;
        entry.top = before + granted;
        entry.spent = granted < block;
        const waiting = entry.waiting ?? [];
        entry.waiting = null;
        for (const w of waiting) take(k, w.cb, timeWindow, w.max);
      },
      (e) => {
        const waiting = entry.waiting ?? [];
        entry.waiting = null;
        if (leases.get(k) === entry) leases.delete(k);
        for (const w of waiting) w.cb(e as Error);
      },
    );
  };

  class PgRateStore implements FastifyRateLimitStore {
    private readonly prefix: string;
    constructor(_params?: unknown, prefix?: string) {
      this.prefix = prefix ?? 'g';
    }

    incr(key: string, cb: Callback, timeWindow: number, max?: number): void {
      take(`${this.prefix}|${key}`, cb, timeWindow, max ?? Number.MAX_SAFE_INTEGER);
    }

    /** The leased count of the window (an upper bound of the requests served). */
    read(key: string, cb: Callback, timeWindow: number): void {
      const k = `${this.prefix}|${key}`;
      sql<{ count: number; ttl: string }>`
        SELECT count, window_start + ${timeWindow} - ${NOW_MS} AS ttl FROM rate_counters WHERE key = ${k} AND window_start + ${timeWindow} > ${NOW_MS}`
        .execute(db)
        .then(
          (r) => cb(null, r.rows[0] ? { current: Number(r.rows[0].count), ttl: Math.max(0, Number(r.rows[0].ttl)) } : { current: 0, ttl: 0 }),
          (e) => cb(e as Error),
        );
    }

    child(routeOptions: unknown): PgRateStore {
      const o = (routeOptions ?? {}) as RouteInfo;
      const m = o.routeInfo?.method ?? o.method;
      const route = `${Array.isArray(m) ? m.join(',') : (m ?? '')} ${o.routeInfo?.url ?? o.url ?? ''}`.trim();
      return new PgRateStore(undefined, route || 'child');
    }
  }

  // windows are at most an hour in this app; a counter untouched for a day is gone
  const timer = setInterval(() => {
    void sql`DELETE FROM rate_counters WHERE window_start < ${NOW_MS} - 86400000`.execute(db).catch(() => {});
  }, sweepMs);
  timer.unref();
  // this node's ended leases
  const local = setInterval(() => {
    const now = Date.now();
    for (const [k, l] of leases) if (!l.waiting && now >= l.windowEnd) leases.delete(k);
  }, 60_000);
  local.unref();
  return {
    Store: PgRateStore,
    stop: () => {
      clearInterval(timer);
      clearInterval(local);
    },
  };
}
