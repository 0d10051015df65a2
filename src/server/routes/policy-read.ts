/**
 * The active policy for any signed-in user: the browser extension (extension/)
 * fetches it after the user signs in from its options page, and refreshes it
 * daily, so drafts are checked against the organisation's policy in the
 * compose box too. Who last edited it is left out (admins read that under
 * /admin/policy).
 */
import type { FastifyInstance } from 'fastify';
import { route } from '../route.js';

export async function policyReadRoutes(app: FastifyInstance): Promise<void> {
  route(
    app,
    {
      method: 'GET',
      url: '/policy',
      summary: 'The active policy, for checking elsewhere (browser extension)',
      tag: 'policy',
      access: 'user',
      response: '{version, policy, updatedAt}',
    },
    async () => {
      const p = await app.getPolicy();
      return { version: p.version, policy: p.policy, updatedAt: p.updatedAt };
    },
  );
}
