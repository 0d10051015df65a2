/**
 * The Bijak HTTP server: `buildApp(config)` builds a Fastify instance on
 * SQLite or PostgreSQL; `startServer(config)` also listens.
 *
 * Decorations other route modules (e.g. src/server/audit/plugin.ts) may use:
 * - `app.db: Kysely<Database>` — the query layer (tables in src/db/types.ts; booleans are 0/1
 *   integers, times ISO text, JSON text). `app.dbDialect` is 'sqlite' | 'postgres'.
 * - `app.requireUser` — a preHandler: 401 without a session, 403 on a missing/wrong `x-csrf-token`
 *   for state-changing cookie requests. After it, `req.user` is the `SessionUser`
 *   ({id, username, name, role, unitId, unitName, locale}).
 * - `app.requireRoles(...roles)` — the same plus a role check.
 * - `app.getChecker(): Promise<Checker>` — the checker for the active policy version (cached per version).
 * - `app.getPolicy(): Promise<ActivePolicy>` — {version, policy, updatedBy, updatedAt}.
 * - `app.audit({actor, action, subjectUserId, detail})` — appends to the audit log (append-only;
 *   use it whenever someone other than the owner views an individual's data).
 * - `app.bijakConfig` — the resolved ServerConfig (e.g. `dataDir` for temporary uploads).
 * - `ApiError` from ./errors.js — throw it for the one error format (`new ApiError('not_found')`).
 * - `route()` from ./route.js — declares a validated route and adds it to the OpenAPI document.
 * Every error thrown in a handler ends up in the one error format. @fastify/multipart is NOT
 * registered here; register it inside the audit plugin.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { Checker } from '../core/index.js';
import { type DialectName, initDatabase } from '../db/index.js';
import { currentOrgId, DEFAULT_ORG_ID, runAsTenant, scopedDb, tenantContext } from '../db/tenant.js';
import type { Database, Role } from '../db/types.js';
import { getChecker } from '../host/checker.js';
import { auditRoutes } from './audit/plugin.js';
import { DEFAULT_ARGON2, installSessionHook } from './auth.js';
import { installBodyParsers } from './body.js';
import { DEFAULT_RATE_LIMIT, type RateLimitConfig, type ServerConfig } from './config.js';
import { ApiError, errorBody, installErrorHandlers } from './errors.js';
import { KbStore } from './kb-store.js';
import { type ActivePolicy, PolicyStore } from './policy.js';
import { pgRateLimitStore } from './rate-store.js';
import { checkCsrf, enforceAccess } from './route.js';
import { adminLogRoutes } from './routes/admin-log.js';
import { adminPolicyRoutes } from './routes/admin-policy.js';
import { adminUnitRoutes } from './routes/admin-units.js';
import { adminUserRoutes } from './routes/admin-users.js';
import { authRoutes } from './routes/auth.js';
import { feedbackRoutes } from './routes/feedback.js';
import { kbRoutes } from './routes/kb.js';
import { libraryRoutes } from './routes/library.js';
import { libraryShareRoutes } from './routes/library-share.js';
import { meRoutes } from './routes/me.js';
import { openapiRoutes } from './routes/openapi.js';
import { organizationRoutes } from './routes/organizations.js';
import { policyReadRoutes } from './routes/policy-read.js';
import { publicRoutes } from './routes/public.js';
import { supervisorRoutes } from './routes/supervisor.js';
import { type DemoLogin, seedDemo } from './seed.js';
import { authChannel, listenForAuthChanges, SessionCache } from './session-cache.js';
import type { SessionUser } from './types.js';

export type { ServerConfig } from './config.js';
export type { SessionUser } from './types.js';

export interface AuditEntryInput {
  actor: SessionUser | null;
  action: string;
  subjectUserId?: string | null;
  detail?: Record<string, unknown>;
}

export interface ResolvedConfig extends ServerConfig {
  rateLimit: RateLimitConfig;
  bodyLimit: number;
  sessionHours: number;
  sessionCacheMs: number;
  loginMaxFailures: number;
  loginLockMs: number;
  argon2: { memoryCost: number; timeCost: number; parallelism: number };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The tenant-scoped query layer: every query is filtered by the request's organisation (src/db/tenant.ts). */
    db: Kysely<Database>;
    /** The unscoped database, for the few cross-organisation queries only (src/server/system-queries.ts). */
    systemDb: Kysely<Database>;
    dbDialect: DialectName;
    bijakConfig: ResolvedConfig;
    policyStore: PolicyStore;
    /** The organisation's fact-check KB (issue 9). */
    kbStore: KbStore;
    /** Demo logins created by this start (null when nothing was seeded). */
    demoLogins: DemoLogin[] | null;
    requireUser: (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
    requireRoles: (...roles: Role[]) => (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
    getChecker: () => Promise<Checker>;
    getPolicy: () => Promise<ActivePolicy>;
    audit: (entry: AuditEntryInput) => Promise<void>;
    /**
     * After a committed change that ends or alters a user's sessions (logout, password, role, unit, deletion,
     * settings; `*`: unit renames): every node forgets the cached sessions (src/server/session-cache.ts).
     */
    authChanged: (userId: string) => Promise<void>;
    /** This node's session cache (null: every request looks its session up). */
    sessionCache: SessionCache | null;
  }
  interface FastifyRequest {
    user: SessionUser | null;
    authVia: 'cookie' | null;
    csrfToken: string | null;
  }
}

/** The package root (holds package.json), from src/server or dist/src/server. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

export function resolveConfig(config: ServerConfig): ResolvedConfig {
  const rl = Object.fromEntries(Object.entries(config.rateLimit ?? {}).filter(([, v]) => v !== undefined));
  return {
    ...config,
    rateLimit: { ...DEFAULT_RATE_LIMIT, ...rl },
    bodyLimit: config.bodyLimit ?? 256 * 1024,
    sessionHours: config.sessionHours ?? 12,
    sessionCacheMs: config.sessionCacheMs ?? 5000,
    loginMaxFailures: config.loginMaxFailures ?? 5,
    loginLockMs: config.loginLockMs ?? 15 * 60_000,
    argon2: config.argon2 ?? DEFAULT_ARGON2,
  };
}

/** Builds the app: opens the database, runs migrations, seeds the demo when empty, registers every route. */
export async function buildApp(config: ServerConfig = {}): Promise<FastifyInstance> {
  const cfg = resolveConfig(config);
  const database = await initDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir, sqliteFile: cfg.sqliteFile, pgSchema: cfg.pgSchema });
  let demoLogins: DemoLogin[] | null = null;
  try {
    if (cfg.demo !== false) demoLogins = await database.withStartupLock(() => seedDemo(database.db, { password: cfg.demoPassword, argon2: cfg.argon2 }));
  } catch (e) {
    await database.close();
    throw e;
  }

  const app = Fastify({
    logger: cfg.logger ?? false,
    bodyLimit: cfg.bodyLimit,
    trustProxy: cfg.trustProxy ?? false,
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.addHook('onClose', async () => {
    await database.close();
  });

  // ONE place scopes every query by organisation: the request's tenant context, set by the session hook
  const db = scopedDb(database.db);
  const store = new PolicyStore(db);
  app.decorate('db', db);
  app.decorate('systemDb', database.db);
  app.decorate('dbDialect', database.dialect);
  app.decorate('bijakConfig', cfg);
  app.decorate('policyStore', store);
  app.decorate('demoLogins', demoLogins);
  // anonymous requests (the public /check) use the default organisation's policy and KB
  const inOrg = <T>(fn: () => Promise<T>): Promise<T> => (currentOrgId() ? fn() : runAsTenant(DEFAULT_ORG_ID, fn));
  app.decorate('getPolicy', () => inOrg(() => store.active()));
  const kbStore = new KbStore(db);
  app.decorate('kbStore', kbStore);
  // the checker of the active policy, with the organisation's KB in hoax/known when it has entries
  app.decorate('getChecker', () => inOrg(async () => getChecker((await store.active()).policy, await kbStore.index())));
  app.decorate('audit', async (e: AuditEntryInput) => {
    await db
      .insertInto('audit_log')
      .values({
        at: new Date().toISOString(),
        actor_id: e.actor?.id ?? null,
        actor_name: e.actor?.name ?? 'system',
        action: e.action,
        subject_user_id: e.subjectUserId ?? null,
        detail_json: JSON.stringify(e.detail ?? {}),
      })
      .execute();
  });
  app.decorate('requireUser', async (req: FastifyRequest) => {
    enforceAccess(req, 'user');
    checkCsrf(req);
  });
  app.decorate('requireRoles', (...roles: Role[]) => async (req: FastifyRequest) => {
    enforceAccess(req, roles);
    checkCsrf(req);
  });

  installErrorHandlers(app);
  // strict UTF-8 for JSON, CSV and text bodies (400 instead of silent replacement characters)
  installBodyParsers(app);

  // each request runs in its own tenant context; the session hook fills in the organisation
  app.addHook('onRequest', (_req, _reply, done) => tenantContext.run({ orgId: null }, done));
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        connectSrc: ["'self'"],
      },
    },
  });
  // PostgreSQL: resolved sessions are cached for a few seconds and forgotten on every node when they change
  const sessionCache = database.dialect === 'postgres' && cfg.databaseUrl && cfg.sessionCacheMs > 0 ? new SessionCache(cfg.sessionCacheMs) : null;
  if (sessionCache && cfg.databaseUrl) {
    const listener = listenForAuthChanges(cfg.databaseUrl, cfg.pgSchema, sessionCache);
    app.addHook('onClose', () => listener.stop());
  }
  app.decorate('sessionCache', sessionCache);
  const channel = authChannel(cfg.pgSchema);
  app.decorate('authChanged', async (userId: string) => {
    sessionCache?.forget(userId);
    if (database.dialect === 'postgres') await sql`SELECT pg_notify(${channel}, ${userId})`.execute(database.db);
  });
  installSessionHook(app, sessionCache);
  const rl = cfg.rateLimit;
  // PostgreSQL: counted in the database, so several nodes enforce one limit; SQLite (one node): in memory
  const rateStore = database.dialect === 'postgres' ? pgRateLimitStore(database.db, cfg.rateLimit.leaseBlock) : null;
  if (rateStore) app.addHook('onClose', async () => rateStore.stop());
  await app.register(rateLimit, {
    global: true,
    ...(rateStore ? { store: rateStore.Store } : {}),
    timeWindow: rl.windowMs,
    max: (req: FastifyRequest) => (req.user ? rl.perUser : rl.perIp),
    keyGenerator: (req: FastifyRequest) => (req.user ? `u:${req.user.id}` : `ip:${req.ip}`),
    errorResponseBuilder: () => new ApiError('rate_limited'),
  });

  app.get('/healthz', { config: { rateLimit: false } }, async () => {
    await app.systemDb.selectFrom('organizations').select('id').limit(1).execute(); // proves the database answers
    return { status: 'ok', db: app.dbDialect };
  });
  await app.register(
    async (api) => {
      await publicRoutes(api);
      await authRoutes(api);
      await meRoutes(api);
      await supervisorRoutes(api);
      await adminUserRoutes(api);
      await adminUnitRoutes(api);
      await adminPolicyRoutes(api);
      await adminLogRoutes(api);
      await organizationRoutes(api);
      await policyReadRoutes(api);
      await feedbackRoutes(api);
      await kbRoutes(api);
      await openapiRoutes(api);
    },
    { prefix: '/api/v1' },
  );
  await app.register(auditRoutes, cfg.audit ?? {});
  await app.register(
    async (api) => {
      await libraryRoutes(api);
      // the short-link redirect /s/:code is registered on the root instance
      await libraryShareRoutes(api, app);
    },
    { prefix: '/api/v1' },
  );
  // fallback list of footprint audits, unless the audit module registered its own
  if (!app.hasRoute({ method: 'GET', url: '/api/v1/me/audits' })) {
    app.get('/api/v1/me/audits', { preHandler: app.requireUser }, async (req) => {
      const rows = await app.db
        .selectFrom('audit_reports')
        .select(['id', 'status', 'platform', 'created_at', 'finished_at', 'summary_json', 'shared', 'error'])
        .where('user_id', '=', req.user!.id)
        .orderBy('created_at', 'desc')
        .limit(200)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        status: r.status,
        platform: r.platform,
        createdAt: r.created_at,
        finishedAt: r.finished_at,
        summary: r.summary_json ? JSON.parse(r.summary_json) : null,
        shared: Number(r.shared) === 1,
        error: r.error,
      }));
    });
  }

  const webDir = cfg.webDir ?? join(packageRoot(), 'dist', 'web');
  const hasWeb = existsSync(join(webDir, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: resolve(webDir), wildcard: true, index: ['index.html'] });

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0];
    if (hasWeb && (req.method === 'GET' || req.method === 'HEAD') && !path.startsWith('/api/') && path !== '/healthz') {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send(errorBody('not_found'));
  });
  return app;
}

/** Migrates the database and seeds the demo when empty, then closes it (the cluster primary does this once before forking). */
export async function prepareDatabase(config: ServerConfig = {}): Promise<{ dialect: DialectName; demoLogins: DemoLogin[] | null }> {
  const cfg = resolveConfig(config);
  const database = await initDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir, sqliteFile: cfg.sqliteFile, pgSchema: cfg.pgSchema });
  try {
    const demoLogins =
      cfg.demo !== false ? await database.withStartupLock(() => seedDemo(database.db, { password: cfg.demoPassword, argon2: cfg.argon2 })) : null;
    return { dialect: database.dialect, demoLogins };
  } finally {
    await database.close();
  }
}

/** Builds the app and listens on host:port. */
export async function startServer(config: ServerConfig & { port?: number; host?: string } = {}): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildApp(config);
  const port = config.port ?? 3000;
  const host = config.host ?? '127.0.0.1';
  await app.listen({ port, host });
  const addr = app.server.address();
  const actualPort = typeof addr === 'object' && addr ? addr.port : port;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return { app, url: `http://${shown}:${actualPort}` };
}
