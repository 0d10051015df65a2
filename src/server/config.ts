/** Server configuration, from code (tests) or from the environment (`bijak serve`). */
import type { FastifyServerOptions } from 'fastify';
import type { AuditRoutesOptions } from './audit/options.js';

export interface RateLimitConfig {
  /** Requests per window for anonymous callers, per IP (all routes). */
  perIp: number;
  /** Requests per window for a logged-in user (all routes). */
  perUser: number;
  /** Requests per window to POST /api/v1/check, per user or per IP. */
  check: number;
  /** Window length in ms. */
  windowMs: number;
  /**
   * Largest block of requests a node leases from the shared counter at once (PostgreSQL; default 100, 1 = count
   * every request in the database). The block is min(this, limit / 20); see src/server/rate-store.ts.
   */
  leaseBlock: number;
}

export interface ServerConfig {
  /** postgres://... for PostgreSQL; otherwise SQLite in dataDir. */
  databaseUrl?: string;
  /** Folder of the SQLite database (and uploads); default ./data. */
  dataDir?: string;
  /** Explicit SQLite file, e.g. ":memory:" in tests. */
  sqliteFile?: string;
  /** PostgreSQL schema (tests use one per run). */
  pgSchema?: string;
  /** Seed a demo organisation when the database has no users (default true). */
  demo?: boolean;
  /** Password of every demo user; random (printed once) when unset. */
  demoPassword?: string;
  /** POST /api/v1/check requires login (default false: anonymous allowed, rate-limited). */
  checkRequiresLogin?: boolean;
  rateLimit?: Partial<RateLimitConfig>;
  /** Largest JSON body in bytes (default 256 KiB). */
  bodyLimit?: number;
  /** Session lifetime in hours (default 12). */
  sessionHours?: number;
  /**
   * How long a node keeps a resolved session (PostgreSQL only; default 5000 ms, 0 = look every request up).
   * Logouts and changes reach every node at once by notification (src/server/session-cache.ts).
   */
  sessionCacheMs?: number;
  /** Set the Secure flag on the session cookie (default: when NODE_ENV=production). */
  secureCookies?: boolean;
  /** Trust X-Forwarded-* from a reverse proxy (default false). */
  trustProxy?: boolean;
  /** Fastify logger; false in tests. */
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built front end (default dist/web next to the package); served when it exists. */
  webDir?: string;
  /** Failed logins per username+IP before a lock-out (default 5 within 15 minutes). */
  loginMaxFailures?: number;
  /** Lock-out length in ms (default 15 minutes). */
  loginLockMs?: number;
  /** argon2id cost parameters (default m=19456 KiB, t=2, p=1, the OWASP minimum). */
  argon2?: { memoryCost: number; timeCost: number; parallelism: number };
  /** Footprint audits: upload cap, concurrency, durable-queue settings (default from AUDIT_* variables). */
  audit?: AuditRoutesOptions;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { perIp: 600, perUser: 1200, check: 120, windowMs: 60_000, leaseBlock: 100 };

function num(v: string | undefined): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** A count that may be 0 (AUDIT_RETRY_LIMIT=0: no retry). */
function num0(v: string | undefined): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function flag(v: string | undefined): boolean | undefined {
  if (v === undefined || v === '') return undefined;
  return !/^(0|false|no|off)$/i.test(v);
}

/** The footprint-audit settings of the AUDIT_* variables (unset ones keep the defaults of src/server/audit). */
function auditFromEnv(env: NodeJS.ProcessEnv): AuditRoutesOptions {
  const maxFlagged = num(env.AUDIT_MAX_FLAGGED);
  return {
    maxUploadBytes: num(env.AUDIT_MAX_UPLOAD_BYTES),
    concurrency: num(env.AUDIT_CONCURRENCY),
    ...(maxFlagged ? { limits: { maxFlagged } } : {}),
    jobs: {
      retryLimit: num0(env.AUDIT_RETRY_LIMIT),
      retryDelaySeconds: num0(env.AUDIT_RETRY_DELAY_SECONDS),
      heartbeatSeconds: num0(env.AUDIT_HEARTBEAT_SECONDS),
      superviseSeconds: num0(env.AUDIT_SUPERVISE_SECONDS),
      pollSeconds: num0(env.AUDIT_POLL_SECONDS),
      runJobs: flag(env.AUDIT_RUN_JOBS),
    },
  };
}

/** Reads the configuration from environment variables (the only place that does; routes read the resolved config). */
export function configFromEnv(env: NodeJS.ProcessEnv): ServerConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    pgSchema: env.PG_SCHEMA || undefined,
    dataDir: env.DATA_DIR || './data',
    demo: flag(env.BIJAK_DEMO) ?? true,
    demoPassword: env.BIJAK_DEMO_PASSWORD || undefined,
    checkRequiresLogin: flag(env.CHECK_REQUIRES_LOGIN) ?? false,
    rateLimit: {
      perIp: num(env.RATE_LIMIT_IP),
      perUser: num(env.RATE_LIMIT_USER),
      check: num(env.RATE_LIMIT_CHECK),
      windowMs: num(env.RATE_LIMIT_WINDOW_MS),
      leaseBlock: num(env.RATE_LIMIT_LEASE_BLOCK),
    },
    bodyLimit: num(env.BODY_LIMIT),
    sessionHours: num(env.SESSION_HOURS),
    sessionCacheMs: num0(env.SESSION_CACHE_MS),
    secureCookies: flag(env.COOKIE_SECURE) ?? env.NODE_ENV === 'production',
    trustProxy: flag(env.TRUST_PROXY) ?? false,
    logger: flag(env.BIJAK_LOG) === false ? false : { level: env.LOG_LEVEL || 'info' },
    audit: auditFromEnv(env),
  };
}
