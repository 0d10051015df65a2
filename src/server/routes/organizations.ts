/**
 * Organisations (issue 12), for super-admins: list them and create one with its root unit and first admin.
 * These are the only routes that act across organisations; their queries are in src/server/system-queries.ts.
 * Everything an organisation then holds (units, users, policy, KB, library, audits, logs) is managed by its own
 * admins through the tenant-scoped routes.
 */
import type { FastifyInstance } from 'fastify';
import { route } from '../route.js';
import { newOrganizationBody } from '../schemas.js';
import { createOrganization, getOrganization, listOrganizations, organizationOut } from '../system-queries.js';

export async function organizationRoutes(app: FastifyInstance): Promise<void> {
  route(
    app,
    {
      method: 'GET',
      url: '/organizations',
      summary: 'All organisations with their user counts (super-admin)',
      tag: 'organizations',
      access: 'superadmin',
      response: '[{id, code, name, createdAt, users}]',
    },
    () => listOrganizations(app.systemDb),
  );

  route(
    app,
    {
      method: 'POST',
      url: '/organizations',
      summary: 'Create an organisation with its root unit and first admin (super-admin; 409 when the code is taken)',
      tag: 'organizations',
      access: 'superadmin',
      body: newOrganizationBody,
      status: 201,
      response: '{id, code, name, createdAt}',
    },
    async ({ user, body }) => {
      const id = await createOrganization(app.systemDb, body, app.bijakConfig.argon2, user.name);
      // the creator's own organisation records who created which organisation (by its code; the new
      // organisation's own log has the entry with its first admin)
      await app.audit({ actor: user, action: 'org_create', detail: { code: body.code, name: body.name } });
      const org = await getOrganization(app.systemDb, id);
      return org ? organizationOut(org) : null;
    },
  );
}
