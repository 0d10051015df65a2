/** Footprint audits as jobs: the user's list with their status, and stopping + deleting one. */
import type { FastifyInstance } from 'fastify';
import type { AuditContext } from '../audit/context.js';
import { LIST_COLUMNS, listItem } from '../audit/reports.js';
import { idParams, route } from '../route.js';

export function auditJobRoutes(app: FastifyInstance, ctx: AuditContext): void {
  const db = app.db;

  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/me/audits',
      summary: 'My footprint audits (newest first)',
      tag: 'audit',
      access: 'user',
      response: 'AuditReport[] without flagged',
    },
    async ({ user }) => {
      const rows = await db.selectFrom('audit_reports').select(LIST_COLUMNS).where('user_id', '=', user.id).orderBy('created_at', 'desc').limit(200).execute();
      return rows.map(listItem);
    },
  );

  route(
    app,
    {
      method: 'DELETE',
      url: '/api/v1/me/audits/:id',
      summary: 'Delete a footprint audit (stops it when running)',
      tag: 'audit',
      access: 'user',
      params: idParams,
    },
    async ({ params, user }) => {
      const row = await ctx.ownRow(params.id, user.id);
      await ctx.queue.cancel(row.id);
      await db.deleteFrom('audit_reports').where('id', '=', row.id).where('user_id', '=', user.id).execute();
      return { ok: true };
    },
  );
}
