/**
 * The only queries that cross organisations (issue 12). Everything else goes through the tenant-scoped
 * `app.db` (src/db/tenant.ts). These take the unscoped `app.systemDb` and name the organisation explicitly
 * where it matters:
 * - login: a username is looked up in every organisation (or the one whose code was typed in);
 * - the public short link `/s/<code>`: the code names no organisation;
 * - the organisations themselves (super-admin), and the health check.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { tenantDb } from '../db/tenant.js';
import type { Database, OrganizationsTable } from '../db/types.js';
import { type Argon2Params, hashPassword } from './auth.js';
import { ApiError } from './errors.js';

/** Most organisations one username is tried in at login. */
export const MAX_LOGIN_CANDIDATES = 5;

/** Users with this username (in the organisation with this code, when given), with their password hashes. */
export async function loginCandidates(sys: Kysely<Database>, username: string, orgCode?: string) {
  let q = sys
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.org_id', 'u.password_hash'])
    .where('u.username', '=', username);
  if (orgCode) q = q.where('o.code', '=', orgCode.toLowerCase());
  return q.orderBy('o.created_at').limit(MAX_LOGIN_CANDIDATES).execute();
}

/** The item URL and organisation behind a short-link code, or undefined. */
export async function shortLinkTarget(sys: Kysely<Database>, code: string) {
  return sys
    .selectFrom('library_links as l')
    .innerJoin('library_items as i', (j) => j.onRef('i.org_id', '=', 'l.org_id').onRef('i.id', '=', 'l.item_id'))
    .select(['l.org_id', 'i.link', 'i.id', 'l.platform'])
    .where('l.code', '=', code)
    .executeTakeFirst();
}

export function organizationOut(r: OrganizationsTable & { users?: number | string | bigint }) {
  return { id: r.id, code: r.code, name: r.name, createdAt: r.created_at, ...(r.users !== undefined ? { users: Number(r.users) } : {}) };
}

export async function listOrganizations(sys: Kysely<Database>) {
  const rows = await sys
    .selectFrom('organizations as o')
    .leftJoin('users as u', 'u.org_id', 'o.id')
    .select(['o.id', 'o.code', 'o.name', 'o.created_at', (eb) => eb.fn.count<number>('u.id').as('users')])
    .groupBy(['o.id', 'o.code', 'o.name', 'o.created_at'])
    .orderBy('o.created_at')
    .execute();
  return rows.map(organizationOut);
}

export async function getOrganization(sys: Kysely<Database>, id: string) {
  return sys.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface NewOrganization {
  code: string;
  name: string;
  /** The organisation's root unit. */
  unit: { code: string; name: string };
  /** Its first admin. */
  admin: { username: string; name: string; password: string };
}

const isUniqueViolation = (e: unknown) => /unique|duplicate key/i.test(String((e as Error)?.message ?? ''));

/**
 * Creates an organisation with its root unit and first admin, in one transaction. The organisation starts
 * with the default policy (no stored version) and an empty KB and library.
 */
export async function createOrganization(sys: Kysely<Database>, o: NewOrganization, argon2: Argon2Params, actorName: string) {
  const id = randomUUID();
  const now = new Date().toISOString();
  const hash = await hashPassword(o.admin.password, argon2);
  try {
    await sys.transaction().execute(async (trx) => {
      await trx.insertInto('organizations').values({ id, code: o.code, name: o.name, created_at: now }).execute();
      const t = tenantDb<Database>(trx, id);
      const unitId = randomUUID();
      await t.insertInto('units').values({ id: unitId, code: o.unit.code, name: o.unit.name, parent_id: null, created_at: now }).execute();
      const adminId = randomUUID();
      await t
        .insertInto('users')
        .values({
          id: adminId,
          username: o.admin.username,
          name: o.admin.name,
          role: 'admin',
          unit_id: unitId,
          password_hash: hash,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await t
        .insertInto('audit_log')
        .values({
          at: now,
          actor_id: null,
          actor_name: `${actorName} (super-admin)`,
          action: 'org_create',
          subject_user_id: adminId,
          detail_json: JSON.stringify({ code: o.code, name: o.name }),
        })
        .execute();
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new ApiError('conflict', `Kode organisasi "${o.code}" sudah dipakai.`, `Organisation code "${o.code}" is already taken.`, [
        { path: 'body.code', message: 'taken' },
      ]);
    throw e;
  }
  return id;
}
