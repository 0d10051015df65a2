/**
 * Administration of users (admin only): list, create, change, delete and the CSV import. Every change goes
 * through src/server/user-change.ts (one code path with every safeguard).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Role } from '../../db/types.js';
import { loadUser } from '../auth.js';
import { ApiError, notFound } from '../errors.js';
import { listUsers } from '../queries.js';
import { idParams, route } from '../route.js';
import { newUserBody, role as roleSchema, updateUserBody } from '../schemas.js';
import { changeUser, createUser } from '../user-change.js';

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

export async function adminUserRoutes(app: FastifyInstance): Promise<void> {
  const db = app.db;
  const admin = ['admin'] as const;

  route(app, { method: 'GET', url: '/admin/users', summary: 'All users', tag: 'admin', access: admin, response: 'User[]' }, () => listUsers(db));

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
      await app.authChanged(params.id); // its sessions are gone on every node
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
}
