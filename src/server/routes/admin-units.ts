/** Administration of units (admin only): list, create, change (no cycles), delete an empty unit. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ApiError, notFound } from '../errors.js';
import { subtree, unitExists } from '../queries.js';
import { idParams, route } from '../route.js';
import { newUnitBody, updateUnitBody } from '../schemas.js';
import * as S from '../serialize.js';

const isUniqueViolation = (e: unknown) => /unique|duplicate key/i.test(String((e as Error)?.message ?? ''));

export async function adminUnitRoutes(app: FastifyInstance): Promise<void> {
  const db = app.db;
  const admin = ['admin'] as const;

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
      if (body.parentId && !(await unitExists(db, body.parentId))) throw badParent();
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
        await app.authChanged('*'); // unit names are part of the sessions' users
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
      await app.authChanged('*');
      await app.audit({ actor: user, action: 'admin_delete_unit', detail: { unitId: unit.id, code: unit.code } });
      return { ok: true };
    },
  );
}
