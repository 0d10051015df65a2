/** Public routes: health, platforms and the checker. */
import type { FastifyInstance } from 'fastify';
import { type CheckInput, PLATFORM_INFO } from '../../core/index.js';
import { route } from '../route.js';
import { checkBody } from '../schemas.js';

/** Platforms and their limits: the core contract's list (src/core/contract.ts). */
export const PLATFORM_LIST = PLATFORM_INFO;

export async function publicRoutes(app: FastifyInstance): Promise<void> {
  route(
    app,
    { method: 'GET', url: '/platforms', summary: 'Platforms and their text limits', tag: 'public', access: 'public', response: '[{id, label, limit}]' },
    () => PLATFORM_LIST,
  );

  const rl = app.bijakConfig.rateLimit;
  route(
    app,
    {
      method: 'POST',
      url: '/check',
      summary: 'Check a post ({text}) or an account ({handle}); nothing is stored',
      tag: 'public',
      access: app.bijakConfig.checkRequiresLogin ? 'user' : 'public',
      body: checkBody,
      csrf: false,
      staticSecurityHeaders: true,
      response: '{findings: Finding[]}',
      rateLimit: {
        max: rl.check,
        timeWindow: rl.windowMs,
        keyGenerator: (req: { user: { id: string } | null; ip: string }) => (req.user ? `check:u:${req.user.id}` : `check:ip:${req.ip}`),
      },
    },
    async ({ body }) => {
      const checker = await app.getChecker();
      const input: CheckInput = 'handle' in body ? { kind: 'account', ...body } : body;
      return { findings: checker.check(input) };
    },
  );
}
