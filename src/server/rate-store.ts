/**
 * A store of @fastify/rate-limit counted in PostgreSQL (issue 12): every node of a deployment counts into the
 * same UNLOGGED table `rate_counters` (src/db/jobs-schema.ts), so N nodes enforce one limit. A counter is a
 * fixed window per key (the plugin's own LocalStore semantics), updated by one upsert per request with the
 * database's clock, so nodes with drifting clocks agree. Routes with their own limits count under their own
 * prefix (method + URL), like the plugin's per-route child stores. On SQLite (one node) the plugin's in-memory
 * store stays. Old windows are swept every 10 minutes.
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

/** The store class for `@fastify/rate-limit`'s `store` option, and a sweeper to stop on close. */
export function pgRateLimitStore(db: Kysely<Database>, sweepMs = 10 * 60_000): { Store: FastifyRateLimitStoreCtor; stop(): void } {
  class PgRateStore implements FastifyRateLimitStore {
    private readonly prefix: string;
    constructor(_params?: unknown, prefix?: string) {
      this.prefix = prefix ?? 'g';
    }

    incr(key: string, cb: Callback, timeWindow: number): void {
      const k = `${this.prefix}|${key}`;
      sql<{ count: number; ttl: string }>`
        INSERT INTO rate_counters AS r (key, window_start, count) VALUES (${k}, ${NOW_MS}, 1)
        ON CONFLICT (key) DO UPDATE SET
          count = CASE WHEN r.window_start + ${timeWindow} <= ${NOW_MS} THEN 1 ELSE r.count + 1 END,
          window_start = CASE WHEN r.window_start + ${timeWindow} <= ${NOW_MS} THEN ${NOW_MS} ELSE r.window_start END
        RETURNING count, r.window_start + ${timeWindow} - ${NOW_MS} AS ttl`
        .execute(db)
        .then(
          (r) => cb(null, { current: Number(r.rows[0].count), ttl: Math.max(0, Number(r.rows[0].ttl)) }),
          (e) => cb(e as Error),
        );
    }

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
  return { Store: PgRateStore, stop: () => clearInterval(timer) };
}
