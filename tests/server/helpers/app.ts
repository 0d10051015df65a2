/**
 * Test helpers: build the app in-process on SQLite (always) and PostgreSQL (when DATABASE_URL_PG is set,
 * one fresh schema per app), log in demo users, and make requests with cookie + CSRF.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { describe } from 'vitest';
import { DEFAULT_ORG_ID, tenantDb } from '../../../src/db/tenant.js';
import type { Database } from '../../../src/db/types.js';
import { buildApp, type ServerConfig } from '../../../src/server/app.js';

export const DEMO_PASSWORD = 'demo-password-123';
export const PG_URL = process.env.DATABASE_URL_PG;

export interface DbVariant {
  name: 'sqlite' | 'postgres';
  enabled: boolean;
}

export const VARIANTS: DbVariant[] = [
  { name: 'sqlite', enabled: true },
  { name: 'postgres', enabled: !!PG_URL },
];

let warned = false;
/** Runs a suite once per database; the PostgreSQL suite is skipped with a message when DATABASE_URL_PG is unset. */
export function describeEachDb(title: string, fn: (v: DbVariant) => void): void {
  for (const v of VARIANTS) {
    if (!v.enabled) {
      if (!warned) {
        warned = true;
        console.warn('PostgreSQL tests skipped: set DATABASE_URL_PG=postgres://user:pass@host/db to run them (.ci/run does).');
      }
      describe.skip(`${title} [postgres: skipped, DATABASE_URL_PG not set]`, () => fn(v));
    } else describe(`${title} [${v.name}]`, () => fn(v));
  }
}

const schemas = new WeakMap<FastifyInstance, string>();

/** Database part of the config for a variant (fresh database each call). */
export function dbConfig(v: DbVariant): ServerConfig {
  if (v.name === 'sqlite') return { sqliteFile: ':memory:' };
  return { databaseUrl: PG_URL, pgSchema: `t_${randomBytes(6).toString('hex')}` };
}

export async function makeApp(v: DbVariant, extra: ServerConfig = {}): Promise<FastifyInstance> {
  const config: ServerConfig = { ...dbConfig(v), demo: true, demoPassword: DEMO_PASSWORD, logger: false, ...extra };
  const app = await buildApp(config);
  if (config.pgSchema) schemas.set(app, config.pgSchema);
  return app;
}

/** Closes the app and drops its PostgreSQL schema. */
export async function closeApp(app: FastifyInstance | undefined): Promise<void> {
  if (!app) return;
  const schema = schemas.get(app);
  await app.close();
  if (schema && PG_URL) await dropSchema(schema);
}

export async function dropSchema(schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    // the pg-boss tables of its audit queue (src/server/audit/pg-queue.ts)
    await c.query(`DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`);
  } finally {
    await c.end();
  }
}

export interface Session {
  cookie: string;
  csrf: string;
  user: { id: string; username: string; role: string; unitId: string; name: string };
  req(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    opts?: { csrf?: string | null; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
}

export async function login(app: FastifyInstance, username: string, password = DEMO_PASSWORD, ip = '127.0.0.1'): Promise<Session> {
  const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });
  if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`);
  const setCookie = r.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : String(setCookie);
  const cookie = raw.split(';')[0];
  const { user, csrfToken } = r.json();
  return {
    cookie,
    csrf: csrfToken,
    user,
    req(method, url, body, opts = {}) {
      const headers: Record<string, string> = { cookie, ...(opts.headers ?? {}) };
      const csrf = opts.csrf === undefined ? csrfToken : opts.csrf;
      if (csrf !== null) headers['x-csrf-token'] = csrf;
      return app.inject({
        method,
        url,
        headers,
        remoteAddress: ip,
        ...(body === undefined ? {} : typeof body === 'string' ? { payload: body } : { payload: body as object }),
      });
    },
  };
}

/** Asserts the one error format and returns the error object. */
export function apiError(r: LightMyRequestResponse): { code: string; message: string; messageEn: string; details?: Array<{ path: string; message: string }> } {
  const b = r.json();
  if (!b?.error?.code || typeof b.error.message !== 'string' || typeof b.error.messageEn !== 'string') throw new Error(`not the error format: ${r.body}`);
  return b.error;
}

/** The demo organisation's data, for tests that read or write the database directly (scoped like a request). */
export function demoDb(app: FastifyInstance): Kysely<Database> {
  return tenantDb(app.systemDb, DEFAULT_ORG_ID);
}
