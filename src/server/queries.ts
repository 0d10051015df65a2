/**
 * Queries shared by several route modules (issue 12 part 4: route modules import no other route module).
 * Every query here goes through the tenant-scoped `app.db`, so it sees only the request's organisation.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database, UnitRow } from '../db/types.js';
import * as S from './serialize.js';
import type { SessionUser } from './types.js';

export async function settingsOf(db: Kysely<Database>, userId: string): Promise<{ saveHistory: boolean; locale: 'id' | 'en' }> {
  const r = await db.selectFrom('user_settings').select(['save_history', 'locale']).where('user_id', '=', userId).executeTakeFirst();
  return { saveHistory: Number(r?.save_history ?? 0) === 1, locale: r?.locale ?? 'id' };
}

/** Self-check status of a user under the active policy. */
export async function selfCheckStatusOf(app: FastifyInstance, userId: string) {
  const [user, last, pol] = await Promise.all([
    app.db.selectFrom('users').select('created_at').where('id', '=', userId).executeTakeFirstOrThrow(),
    app.db.selectFrom('self_checks').select('created_at').where('user_id', '=', userId).orderBy('created_at', 'desc').limit(1).executeTakeFirst(),
    app.getPolicy(),
  ]);
  return S.selfCheckStatus(last?.created_at ?? null, user.created_at, pol.policy.selfCheckIntervalDays);
}

/** Ids of a unit and all units below it. */
export function subtree(units: UnitRow[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of units) if (u.parent_id) children.set(u.parent_id, [...(children.get(u.parent_id) ?? []), u.id]);
  const out = new Set<string>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/** Whether a user may see a unit's data: admin all, atasan their own subtree, others none. */
export async function canSeeUnit(db: Kysely<Database>, viewer: SessionUser, unitId: string, units?: UnitRow[]): Promise<boolean> {
  if (viewer.role === 'admin') return true;
  if (viewer.role !== 'atasan') return false;
  const all = units ?? (await db.selectFrom('units').selectAll().execute());
  return subtree(all, viewer.unitId).has(unitId);
}

/** All users of the organisation with their unit names, by username (the `User` shape). */
export async function listUsers(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('units as n', 'n.id', 'u.unit_id')
    .leftJoin('user_settings as st', 'st.user_id', 'u.id')
    .select(['u.id', 'u.username', 'u.name', 'u.role', 'u.unit_id', 'n.name as unit_name', 'st.locale'])
    .orderBy('u.username')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    name: r.name,
    role: r.role,
    unitId: r.unit_id,
    unitName: r.unit_name,
    locale: r.locale ?? 'id',
  }));
}

/** Whether a unit of the organisation exists. */
export async function unitExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return !!(await db.selectFrom('units').select('id').where('id', '=', id).executeTakeFirst());
}

/** Policy keys humas may change (PUT /admin/policy). */
export const HUMAS_POLICY_KEYS = ['officialAccounts', 'election'];
