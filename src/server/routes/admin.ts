/**
 * Administration: users (with CSV import), units, the versioned policy and the
 * audit log. Users and units are admin-only; humas may read the policy and
 * change only its official accounts and election file.
 */

import { randomUUID } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type Policy, PolicyError, parsePolicy } from '../../core/index.js';
import type { Role } from '../../db/types.js';
import { namedEntries } from '../audit-names.js';
import { loadUser } from '../auth.js';
import { ApiError, notFound } from '../errors.js';
import { changedKeys } from '../policy.js';
import { idParams, route } from '../route.js';
import { auditLogQuery, newUnitBody, newUserBody, policyBody, role as roleSchema, updateUnitBody, updateUserBody } from '../schemas.js';
import * as S from '../serialize.js';
import { changeUser, createUser } from '../user-change.js';
import { subtree } from './supervisor.js';

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;
/** Policy keys humas may change. */
export const HUMAS_POLICY_KEYS = ['officialAccounts', 'election'];

const isUniqueViolation = (e: unknown) => /unique|duplicate key/i.test(String((e as Error)?.message ?? ''));

export async function adminRoutes(app: FastifyInstance): Promise<void> {
  const db = app.db;
  const admin = ['admin'] as const;

  // --- users ----------------------------------------------------------------------------------
  const listUsers = async () => {
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
  };

  const unitExists = async (id: string) => !!(await db.selectFrom('units').select('id').where('id', '=', id).executeTakeFirst());

  route(app, { method: 'GET', url: '/admin/users', summary: 'All users', tag: 'admin', access: admin, response: 'User[]' }, listUsers);

  route(
    app,
    { method: 'POST', url: '/admin/users', summary: 'Create a user', tag: 'admin', access: admin, body: newUserBody, response: 'User' },
    async ({ user, body }) => {
      const id = await createUser(app, user, { ...body, role: body.role as Role }, 'api');
      return loadUser(db, id);
    },
  );

  route(
    app,
    {
      method: 'PUT',
      url: '/admin/users/:id',
      summary: 'Change a user (409 for your own admin role or the last admin; a new password or role ends their sessions)',
      tag: 'admin',
      access: admin,
      params: idParams,
      body: updateUserBody,
      response: 'User',
    },
    async ({ user, params, body }) => {
      // the shared path of every user change (src/server/user-change.ts): the same safeguards as the CSV import
      await changeUser(app, user, params.id, { ...body, role: body.role as Role | undefined }, 'api');
      return loadUser(db, params.id);
    },
  );

  route(
    app,
    { method: 'DELETE', url: '/admin/users/:id', summary: 'Delete a user and their data', tag: 'admin', access: admin, params: idParams },
    async ({ user, params }) => {
      if (params.id === user.id) throw new ApiError('conflict', 'Anda tidak dapat menghapus akun Anda sendiri.', 'You cannot delete your own account.');
      const target = await loadUser(db, params.id);
      if (!target) throw notFound('Pengguna tidak ditemukan.', 'User not found.');
      await db.deleteFrom('users').where('id', '=', params.id).execute();
      await app.audit({ actor: user, action: 'admin_delete_user', subjectUserId: params.id, detail: { username: target.username } });
      return { ok: true };
    },
  );

  route(
    app,
    {
      method: 'POST',
      url: '/admin/users/import',
      summary: 'Import employees from CSV (username,name,role,unit_code,password?)',
      tag: 'admin',
      access: admin,
      body: z.string().max(MAX_IMPORT_BYTES),
      bodyLimit: MAX_IMPORT_BYTES,
      contentType: 'text/csv',
      response: '{created, updated, unchanged, errors: [{line, message}]}',
    },
    async ({ user, body }) => {
      let records: Array<{ record: string[]; info: { lines: number } }>;
      try {
        // the header plus MAX_IMPORT_ROWS data rows plus one, so that one row too many is seen (and refused)
        records = parseCsv(body, { info: true, skip_empty_lines: true, trim: true, relax_column_count: true, bom: true, to: MAX_IMPORT_ROWS + 2 }) as never;
      } catch (e) {
        throw new ApiError('validation_error', `CSV tidak dapat dibaca: ${(e as Error).message}`, `Unreadable CSV: ${(e as Error).message}`);
      }
      const header = records.shift()?.record.map((h) => h.toLowerCase());
      const need = ['username', 'name', 'role', 'unit_code'];
      if (!header || need.some((h) => !header.includes(h)))
        throw new ApiError(
          'validation_error',
          'Baris judul harus: username,name,role,unit_code,password',
          'Header row must be: username,name,role,unit_code,password',
          [{ path: 'body', line: 1, message: 'missing header columns' }],
        );
      // the limit counts data rows (not the header); a file over it is refused whole, before anything changes
      if (records.length > MAX_IMPORT_ROWS) {
        const line = (records[MAX_IMPORT_ROWS] as { info: { lines: number } }).info.lines;
        throw new ApiError(
          'validation_error',
          `CSV memuat lebih dari ${MAX_IMPORT_ROWS.toLocaleString('id-ID')} baris data (baris data ke-${(MAX_IMPORT_ROWS + 1).toLocaleString('id-ID')} ada di baris ${line}); tidak ada yang diubah. Bagi berkasnya.`,
          `The CSV has more than ${MAX_IMPORT_ROWS.toLocaleString('en-US')} data rows (data row ${(MAX_IMPORT_ROWS + 1).toLocaleString('en-US')} is on line ${line}); nothing was changed. Split the file.`,
          [{ path: 'body', line, message: `more than ${MAX_IMPORT_ROWS} data rows` }],
        );
      }
      const col = (r: string[], name: string) => {
        const i = header.indexOf(name);
        return i >= 0 ? (r[i] ?? '').trim() : '';
      };
      const units = new Map((await db.selectFrom('units').select(['id', 'code']).execute()).map((u) => [u.code, u.id]));
      const rowSchema = z.object({
        username: z
          .string()
          .min(2)
          .max(64)
          .regex(/^[a-z0-9._-]+$/, 'username: lowercase letters, digits, dot, underscore or hyphen'),
        name: z.string().min(1, 'name is empty').max(200),
        role: roleSchema,
        password: z.string().min(8, 'password shorter than 8 characters').max(200).optional(),
      });
      let created = 0;
      let updated = 0;
      let unchanged = 0;
      const errors: Array<{ line: number; message: string }> = [];
      for (const { record, info } of records) {
        const line = info.lines;
        const r = rowSchema.safeParse({
          username: col(record, 'username').toLowerCase(),
          name: col(record, 'name'),
          role: col(record, 'role'),
          password: col(record, 'password') || undefined,
        });
        if (!r.success) {
          errors.push({ line, message: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
          continue;
        }
        const unitId = units.get(col(record, 'unit_code'));
        if (!unitId) {
          errors.push({ line, message: `unit_code tidak dikenal / unknown unit_code: ${col(record, 'unit_code').slice(0, 100)}` });
          continue;
        }
        const role = r.data.role as Role;
        try {
          // the same code path as PUT /admin/users/:id and POST /admin/users: last admin, own role, sessions, audit log
          const existing = await db.selectFrom('users').select('id').where('username', '=', r.data.username).executeTakeFirst();
          if (existing) {
            const res = await changeUser(app, user, existing.id, { name: r.data.name, role, unitId, password: r.data.password }, 'csv');
            if (res.changed.length > 0) updated++;
            else unchanged++;
          } else {
            if (!r.data.password) {
              errors.push({ line, message: 'kata sandi wajib untuk pengguna baru / password required for a new user' });
              continue;
            }
            await createUser(app, user, { username: r.data.username, name: r.data.name, role, unitId, password: r.data.password }, 'csv');
            created++;
          }
        } catch (e) {
          const message = e instanceof ApiError ? `${e.message} / ${e.messageEn ?? ''}` : (e as Error).message;
          errors.push({ line, message: message.slice(0, 300) });
        }
      }
      await app.audit({ actor: user, action: 'admin_import_users', detail: { created, updated, unchanged, errors: errors.length } });
      return { created, updated, unchanged, errors };
    },
  );

  // --- units ----------------------------------------------------------------------------------
  route(app, { method: 'GET', url: '/admin/units', summary: 'All units', tag: 'admin', access: admin, response: 'Unit[]' }, async () => {
    const rows = await db.selectFrom('units').selectAll().orderBy('code').execute();
    return rows.map(S.unit);
  });

  const badParent = () =>
    new ApiError('validation_error', 'Unit induk tidak valid.', 'Invalid parent unit.', [{ path: 'body.parentId', message: 'unknown unit or a cycle' }]);
  const codeTaken = () => new ApiError('conflict', 'Kode unit sudah dipakai.', 'Unit code already taken.');

  route(
    app,
    { method: 'POST', url: '/admin/units', summary: 'Create a unit', tag: 'admin', access: admin, body: newUnitBody, response: 'Unit' },
    async ({ user, body }) => {
      if (body.parentId && !(await unitExists(body.parentId))) throw badParent();
      const row = { id: randomUUID(), code: body.code, name: body.name, parent_id: body.parentId, created_at: new Date().toISOString() };
      try {
        await db.insertInto('units').values(row).execute();
      } catch (e) {
        if (isUniqueViolation(e)) throw codeTaken();
        throw e;
      }
      await app.audit({ actor: user, action: 'admin_create_unit', detail: { unitId: row.id, code: row.code } });
      return S.unit(row);
    },
  );

  route(
    app,
    { method: 'PUT', url: '/admin/units/:id', summary: 'Change a unit', tag: 'admin', access: admin, params: idParams, body: updateUnitBody, response: 'Unit' },
    async ({ user, params, body }) => {
      const units = await db.selectFrom('units').selectAll().execute();
      const current = units.find((u) => u.id === params.id);
      if (!current) throw notFound('Unit tidak ditemukan.', 'Unit not found.');
      if (body.parentId && (!units.some((u) => u.id === body.parentId) || subtree(units, params.id).has(body.parentId))) throw badParent();
      const set: Record<string, string | null> = {};
      if (body.code) set.code = body.code;
      if (body.name) set.name = body.name;
      if (body.parentId !== undefined) set.parent_id = body.parentId;
      if (Object.keys(set).length) {
        try {
          await db.updateTable('units').set(set).where('id', '=', params.id).execute();
        } catch (e) {
          if (isUniqueViolation(e)) throw codeTaken();
          throw e;
        }
      }
      await app.audit({ actor: user, action: 'admin_update_unit', detail: { unitId: params.id, ...body } });
      return S.unit(await db.selectFrom('units').selectAll().where('id', '=', params.id).executeTakeFirstOrThrow());
    },
  );

  route(
    app,
    { method: 'DELETE', url: '/admin/units/:id', summary: 'Delete an empty unit', tag: 'admin', access: admin, params: idParams },
    async ({ user, params }) => {
      const unit = await db.selectFrom('units').selectAll().where('id', '=', params.id).executeTakeFirst();
      if (!unit) throw notFound('Unit tidak ditemukan.', 'Unit not found.');
      const child = await db.selectFrom('units').select('id').where('parent_id', '=', params.id).executeTakeFirst();
      const member = await db.selectFrom('users').select('id').where('unit_id', '=', params.id).executeTakeFirst();
      if (child || member) throw new ApiError('conflict', 'Unit masih memiliki sub-unit atau pegawai.', 'The unit still has sub-units or users.');
      await db.deleteFrom('units').where('id', '=', params.id).execute();
      await app.audit({ actor: user, action: 'admin_delete_unit', detail: { unitId: unit.id, code: unit.code } });
      return { ok: true };
    },
  );

  // --- policy ---------------------------------------------------------------------------------
  const policyReaders = ['admin', 'humas'] as const;

  route(
    app,
    {
      method: 'GET',
      url: '/admin/policy',
      summary: 'The active policy',
      tag: 'policy',
      access: policyReaders,
      response: '{version, policy, updatedBy, updatedAt}',
    },
    () => app.getPolicy(),
  );

  route(
    app,
    {
      method: 'PUT',
      url: '/admin/policy',
      summary: 'Save a new policy version (400 naming the bad field; the old version stays active)',
      tag: 'policy',
      access: policyReaders,
      body: policyBody,
      bodyLimit: 2 * 1024 * 1024,
    },
    async ({ user, body }) => {
      let next: Policy;
      try {
        next = parsePolicy(body.policy);
      } catch (e) {
        if (!(e instanceof PolicyError)) throw e;
        const details = e.issues.slice(0, 50).map((i) => ({ path: i.path ? `policy.${i.path}` : 'policy', message: i.message }));
        const first = details[0];
        throw new ApiError(
          'validation_error',
          `Kebijakan tidak valid: ${first.path}: ${first.message}`,
          `Invalid policy: ${first.path}: ${first.message}`,
          details,
        );
      }
      const current = await app.getPolicy();
      const changed = changedKeys(current.policy, next);
      if (user.role === 'humas') {
        const outside = changed.filter((k) => !HUMAS_POLICY_KEYS.includes(k));
        if (outside.length)
          throw new ApiError(
            'forbidden',
            `Humas hanya boleh mengubah akun resmi dan berkas pemilu (bukan: ${outside.join(', ')}).`,
            `Humas may change only the official accounts and the election file (not: ${outside.join(', ')}).`,
            outside.map((k) => ({ path: `policy.${k}`, message: 'not editable by humas' })),
          );
      }
      const summary = body.summary?.trim() || (changed.length ? `Diubah / changed: ${changed.join(', ')}` : 'Tanpa perubahan / no changes');
      const at = new Date().toISOString();
      let version = 0;
      try {
        version = await db.transaction().execute(async (trx) => {
          const latest = await trx
            .selectFrom('policy_versions')
            .select((eb) => eb.fn.max('version').as('v'))
            .executeTakeFirst();
          const v = (latest?.v == null ? 0 : Number(latest.v)) + 1;
          await trx
            .insertInto('policy_versions')
            .values({ version: v, policy_json: JSON.stringify(next), updated_by: user.id, updated_by_name: user.name, updated_at: at, summary })
            .execute();
          return v;
        });
      } catch (e) {
        if (isUniqueViolation(e))
          throw new ApiError('conflict', 'Kebijakan baru saja diubah orang lain; muat ulang.', 'The policy was just changed by someone else; reload.');
        throw e;
      }
      app.policyStore.invalidate();
      await app.audit({ actor: user, action: 'policy_update', detail: { version, changed } });
      return { version, policy: next, updatedBy: user.name, updatedAt: at };
    },
  );

  route(
    app,
    {
      method: 'GET',
      url: '/admin/policy/versions',
      summary: 'Policy versions, newest first',
      tag: 'policy',
      access: policyReaders,
      response: '[{version, updatedBy, updatedAt, summary}]',
    },
    async () => {
      const rows = await db
        .selectFrom('policy_versions')
        .select(['version', 'updated_by_name', 'updated_at', 'summary'])
        .orderBy('version', 'desc')
        .limit(500)
        .execute();
      return rows.map((r) => ({ version: Number(r.version), updatedBy: r.updated_by_name, updatedAt: r.updated_at, summary: r.summary }));
    },
  );

  // --- audit log ------------------------------------------------------------------------------
  route(
    app,
    {
      method: 'GET',
      url: '/admin/audit-log',
      summary: 'The audit log, newest first (?userId: as actor or subject; ?before: entry id)',
      tag: 'admin',
      access: admin,
      query: auditLogQuery,
      response: 'AuditEntry[]',
    },
    async ({ query }) => {
      let q = db.selectFrom('audit_log').selectAll();
      if (query.userId) {
        const uid = query.userId;
        q = q.where((eb) => eb.or([eb('subject_user_id', '=', uid), eb('actor_id', '=', uid)]));
      }
      if (query.before) q = q.where('id', '<', query.before);
      const rows = await q
        .orderBy('id', 'desc')
        .limit(query.limit ?? 100)
        .execute();
      return namedEntries(db, rows);
    },
  );
}
