/**
 * Local accounts and server-side sessions: argon2id password hashes, an
 * httpOnly SameSite=Lax cookie holding a random token (the database keeps only
 * its SHA-256), a CSRF token bound to the session, and login throttling per
 * username+IP kept in the database so every app node sees it.
 */
import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { runAsTenant, tenantContext } from '../db/tenant.js';
import type { Database } from '../db/types.js';
import type { SessionCache } from './session-cache.js';
import type { SessionUser } from './types.js';

export const SESSION_COOKIE = 'bijak_session';

export interface Argon2Params {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}
export const DEFAULT_ARGON2: Argon2Params = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string, p: Argon2Params = DEFAULT_ARGON2): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, ...p });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** A readable random password for new demo users. */
export function randomPassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * The organisation a session token names: tokens are `<org id>.<random>` (issue 12), so the session is
 * looked up in its own organisation (one shard on Citus). The whole token is hashed, so the prefix cannot
 * be changed without losing the session.
 */
export function orgOfToken(token: string): string | null {
  const dot = token.indexOf('.');
  if (dot <= 0) return null;
  const org = token.slice(0, dot);
  return /^[A-Za-z0-9-]{1,64}$/.test(org) ? org : null;
}

/** Starts a session of a user of the organisation in context (db is the tenant-scoped database). */
export async function createSession(
  db: Kysely<Database>,
  orgId: string,
  userId: string,
  hours: number,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = `${orgId}.${randomToken()}`;
  const csrfToken = randomToken(24);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + hours * 3600_000);
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('expires_at', '<', now.toISOString()).execute();
  await db
    .insertInto('sessions')
    .values({ token_hash: sha256(token), user_id: userId, csrf_token: csrfToken, created_at: now.toISOString(), expires_at: expiresAt.toISOString() })
    .execute();
  return { token, csrfToken, expiresAt };
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  const org = orgOfToken(token);
  if (!org) return;
  await runAsTenant(org, () => db.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute());
}

const userColumns = [
  'u.id',
  'u.username',
  'u.name',
  'u.role',
  'u.unit_id',
  'u.org_id',
  'u.super_admin',
  'n.name as unit_name',
  'o.name as org_name',
  'st.locale',
] as const;

function sessionUser(row: {
  id: string;
  username: string;
  name: string;
  role: SessionUser['role'];
  unit_id: string;
  org_id: string;
  super_admin: number;
  unit_name: string;
  org_name: string;
  locale: 'id' | 'en' | null;
}): SessionUser {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    role: row.role,
    unitId: row.unit_id,
    unitName: row.unit_name,
    locale: row.locale ?? 'id',
    orgId: row.org_id,
    orgName: row.org_name,
    superAdmin: Number(row.super_admin) === 1,
  };
}

/** Loads the user of a session token, or null when unknown or expired. */
export async function resolveSession(db: Kysely<Database>, token: string): Promise<{ user: SessionUser; csrfToken: string; expiresAt: number } | null> {
  if (token.length < 20 || token.length > 120) return null;
  const org = orgOfToken(token);
  if (!org) return null;
  const row = await runAsTenant(org, () =>
    db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .innerJoin('units as n', 'n.id', 'u.unit_id')
      .innerJoin('organizations as o', 'o.id', 'u.org_id')
      .leftJoin('user_settings as st', 'st.user_id', 'u.id')
      .select([...userColumns, 's.csrf_token', 's.expires_at'])
      .where('s.token_hash', '=', sha256(token))
      .executeTakeFirst(),
  );
  if (!row || row.expires_at <= new Date().toISOString()) return null;
  return { user: sessionUser(row), csrfToken: row.csrf_token, expiresAt: Date.parse(row.expires_at) };
}

/** Loads a user in the `User` shape of the API. */
export async function loadUser(db: Kysely<Database>, id: string): Promise<SessionUser | null> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('units as n', 'n.id', 'u.unit_id')
    .innerJoin('organizations as o', 'o.id', 'u.org_id')
    .leftJoin('user_settings as st', 'st.user_id', 'u.id')
    .select(userColumns)
    .where('u.id', '=', id)
    .executeTakeFirst();
  return row ? sessionUser(row) : null;
}

/** A session from the node's cache (src/server/session-cache.ts), else from the database (then cached). */
async function cachedSession(db: Kysely<Database>, cache: SessionCache, token: string): Promise<{ user: SessionUser; csrfToken: string } | null> {
  if (token.length < 20 || token.length > 120) return null;
  const hash = sha256(token);
  const hit = cache.get(hash);
  if (hit) return hit;
  const generation = cache.generation();
  const s = await resolveSession(db, token);
  if (s) cache.put(hash, { user: Object.freeze(s.user), csrfToken: s.csrfToken, expiresAt: s.expiresAt, at: Date.now() }, generation);
  return s;
}

/** Adds the hook that resolves the session cookie into `req.user` before anything else runs. */
export function installSessionHook(app: FastifyInstance, cache: SessionCache | null = null): void {
  app.decorateRequest('user', null);
  app.decorateRequest('authVia', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const token = req.cookies?.[SESSION_COOKIE];
    if (!token) return;
    const s = cache ? await cachedSession(app.db, cache, token) : await resolveSession(app.db, token);
    if (!s) return;
    // every query of this request (and the work it starts) is now scoped to the user's organisation
    const store = tenantContext.getStore();
    if (store) store.orgId = s.user.orgId;
    req.user = s.user;
    req.authVia = 'cookie';
    req.csrfToken = s.csrfToken;
  });
}

/** Login throttling: returns the ISO time until which the key is locked, or null. */
export async function throttleLockedUntil(db: Kysely<Database>, key: string): Promise<string | null> {
  const row = await db.selectFrom('login_throttle').select(['locked_until']).where('key', '=', key).executeTakeFirst();
  const now = new Date().toISOString();
  return row?.locked_until && row.locked_until > now ? row.locked_until : null;
}

/**
 * Counts a failed login of `key` in one atomic upsert (no read-then-write), so concurrent failures on several
 * nodes of one database are all counted (issue 12): a window older than `lockMs` restarts at 1, and the key is
 * locked for `lockMs` once it reaches `maxFailures`.
 */
export async function recordLoginFailure(db: Kysely<Database>, key: string, maxFailures: number, lockMs: number): Promise<void> {
  const now = new Date();
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - lockMs).toISOString();
  const lockUntil = new Date(now.getTime() + lockMs).toISOString();
  const restart = sql<boolean>`login_throttle.first_at < ${windowStart}`;
  const failures = sql<number>`CASE WHEN ${restart} THEN 1 ELSE login_throttle.failures + 1 END`;
  await sql`
    INSERT INTO login_throttle (key, failures, first_at, locked_until) VALUES (${key}, 1, ${at}, NULL)
    ON CONFLICT (key) DO UPDATE SET
      failures = ${failures},
      first_at = CASE WHEN ${restart} THEN ${at} ELSE login_throttle.first_at END,
      locked_until = CASE WHEN ${restart} THEN NULL WHEN ${failures} >= ${maxFailures} THEN ${lockUntil} ELSE NULL END`.execute(db);
}

export async function clearLoginFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
