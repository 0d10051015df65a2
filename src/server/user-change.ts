/**
 * The one code path for creating and changing users: PUT /admin/users/:id,
 * POST /admin/users, the CSV import and any future bulk tool go through here,
 * so every safeguard holds whatever the entry point:
 * - the unit must exist and the username be free (400 / 409);
 * - an admin cannot remove their own admin role, and the last admin cannot be
 *   demoted (409), checked inside the transaction that changes the role;
 * - a new password or role ends the user's sessions (not the acting admin's own);
 * - one audit-log entry per created or changed user, written in the same
 *   transaction, saying what changed (old and new values; never the password,
 *   only that it changed). A change that changes nothing writes nothing.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Database, Role } from '../db/types.js';
import { hashPassword } from './auth.js';
import { ApiError, notFound } from './errors.js';
import type { SessionUser } from './types.js';

/** Where a change comes from (recorded in the audit log). */
export type ChangeSource = 'api' | 'csv' | 'bulk';

/** Fields a change may set; absent fields stay as they are. */
export interface UserChange {
  username?: string;
  name?: string;
  role?: Role;
  unitId?: string;
  /** A new password (hashed here, never logged). */
  password?: string;
}

/** A new user. */
export interface NewUser {
  username: string;
  name: string;
  role: Role;
  unitId: string;
  password: string;
}

/** Who acts: a logged-in admin, or null for the system (e.g. a maintenance tool). */
export type Actor = Pick<SessionUser, 'id' | 'name'> | null;

/** What a change did. */
export interface ChangeResult {
  /** Changed fields (`password` when the password changed); empty when nothing changed. */
  changed: string[];
  /** Whether the user's sessions were ended. */
  sessionsEnded: boolean;
}

const isUniqueViolation = (e: unknown) => /unique|duplicate key/i.test(String((e as Error)?.message ?? ''));

export const badUnit = () => new ApiError('validation_error', 'Unit tidak ada.', 'Unknown unit.', [{ path: 'body.unitId', message: 'unknown unit' }]);
export const usernameTaken = () => new ApiError('conflict', 'Nama pengguna sudah dipakai.', 'Username already taken.');
export const ownAdminRole = () => new ApiError('conflict', 'Anda tidak dapat mencabut peran admin Anda sendiri.', 'You cannot remove your own admin role.');
export const lastAdmin = () =>
  new ApiError(
    'conflict',
    'Admin terakhir tidak dapat diturunkan perannya: tetapkan admin lain terlebih dahulu.',
    'The last admin cannot be demoted: make someone else admin first.',
  );

async function writeLog(trx: Transaction<Database>, actor: Actor, action: string, subjectUserId: string, detail: unknown): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      at: new Date().toISOString(),
      actor_id: actor?.id ?? null,
      actor_name: actor?.name ?? 'system',
      action,
      subject_user_id: subjectUserId,
      detail_json: JSON.stringify(detail),
    })
    .execute();
}

async function unitExists(db: Kysely<Database> | Transaction<Database>, id: string): Promise<boolean> {
  return !!(await db.selectFrom('units').select('id').where('id', '=', id).executeTakeFirst());
}

/** Creates a user (unit check, unique username, one audit entry). Returns the new id. */
export async function createUser(app: FastifyInstance, actor: Actor, u: NewUser, source: ChangeSource): Promise<string> {
  const db = app.db;
  if (!(await unitExists(db, u.unitId))) throw badUnit();
  const hash = await hashPassword(u.password, app.bijakConfig.argon2);
  const now = new Date().toISOString();
  const id = randomUUID();
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('users')
        .values({ id, username: u.username, name: u.name, role: u.role, unit_id: u.unitId, password_hash: hash, created_at: now, updated_at: now })
        .execute();
      await writeLog(trx, actor, 'admin_create_user', id, { source, username: u.username, name: u.name, role: u.role, unitId: u.unitId });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw usernameTaken();
    throw e;
  }
  return id;
}

/**
 * Changes a user with every safeguard (see the module comment). Throws an
 * {@link ApiError} (404, 400, 409) and changes nothing when a safeguard refuses.
 */
export async function changeUser(app: FastifyInstance, actor: Actor, userId: string, change: UserChange, source: ChangeSource): Promise<ChangeResult> {
  const db = app.db;
  const current = await db.selectFrom('users').select(['id', 'username', 'name', 'role', 'unit_id']).where('id', '=', userId).executeTakeFirst();
  if (!current) throw notFound('Pengguna tidak ditemukan.', 'User not found.');
  const changes: Record<string, { from: string; to: string }> = {};
  const set: Record<string, string> = {};
  if (change.username !== undefined && change.username !== current.username) {
    changes.username = { from: current.username, to: change.username };
    set.username = change.username;
  }
  if (change.name !== undefined && change.name !== current.name) {
    changes.name = { from: current.name, to: change.name };
    set.name = change.name;
  }
  if (change.role !== undefined && change.role !== current.role) {
    changes.role = { from: current.role, to: change.role };
    set.role = change.role;
  }
  if (change.unitId !== undefined && change.unitId !== current.unit_id) {
    if (!(await unitExists(db, change.unitId))) throw badUnit();
    changes.unitId = { from: current.unit_id, to: change.unitId };
    set.unit_id = change.unitId;
  }
  const demotes = current.role === 'admin' && set.role !== undefined;
  if (demotes && actor?.id === userId) throw ownAdminRole();
  const passwordChanged = !!change.password;
  if (passwordChanged) set.password_hash = await hashPassword(change.password as string, app.bijakConfig.argon2);
  const changed = [...Object.keys(changes), ...(passwordChanged ? ['password'] : [])];
  if (changed.length === 0) return { changed, sessionsEnded: false };
  set.updated_at = new Date().toISOString();
  // the acting admin keeps their own session (they are using it)
  const sessionsEnded = (passwordChanged || set.role !== undefined) && actor?.id !== userId;
  try {
    await db.transaction().execute(async (trx) => {
      if (demotes) {
        // counted inside the transaction; on PostgreSQL the admin rows are locked so two concurrent demotions cannot both pass
        let q = trx.selectFrom('users').select('id').where('role', '=', 'admin').where('id', '!=', userId);
        if (app.dbDialect === 'postgres') q = q.forUpdate();
        if ((await q.execute()).length === 0) throw lastAdmin();
      }
      await trx.updateTable('users').set(set).where('id', '=', userId).execute();
      if (sessionsEnded) await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
      await writeLog(trx, actor, 'admin_update_user', userId, { source, username: current.username, changes, passwordChanged, sessionsEnded });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw usernameTaken();
    throw e;
  }
  // every node forgets the user's cached sessions (ended, or showing the old name, role or unit)
  await app.authChanged(userId);
  return { changed, sessionsEnded };
}
