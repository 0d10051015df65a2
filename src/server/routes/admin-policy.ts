/**
 * The versioned policy (admin and humas read it; humas may change only its official accounts and election
 * file): the active version, a new version (400 naming the bad field; the old one stays active), the versions.
 */
import type { FastifyInstance } from 'fastify';
import { type Policy, PolicyError, parsePolicy } from '../../core/index.js';
import { ApiError } from '../errors.js';
import { changedKeys } from '../policy.js';
import { HUMAS_POLICY_KEYS } from '../queries.js';
import { route } from '../route.js';
import { policyBody } from '../schemas.js';

export { HUMAS_POLICY_KEYS };

const isUniqueViolation = (e: unknown) => /unique|duplicate key/i.test(String((e as Error)?.message ?? ''));

export async function adminPolicyRoutes(app: FastifyInstance): Promise<void> {
  const db = app.db;

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
}
