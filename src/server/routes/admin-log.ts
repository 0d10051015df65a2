/** The audit log for admins, newest first (?userId: as actor or subject; ?before: entry id). */
import type { FastifyInstance } from 'fastify';
import { namedEntries } from '../audit-names.js';
import { route } from '../route.js';
import { auditLogQuery } from '../schemas.js';

export async function adminLogRoutes(app: FastifyInstance): Promise<void> {
  const db = app.db;
  const admin = ['admin'] as const;

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
