// Issue 8 item 6: `bijak users reset-password NAME` on the workspace database (SQLite in DATA_DIR here).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, prepareDatabase } from '../../src/server/app.js';
import { runCli } from './helpers.js';

describe('bijak users reset-password', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bijak-users-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fast = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

  it('sets a new password that logs in, the old one no longer does; unknown user and bad usage fail clearly', async () => {
    await prepareDatabase({ dataDir: dir, demo: true, demoPassword: 'old-password-123', argon2: fast });
    const env = { DATA_DIR: dir };
    const r = await runCli(['users', 'reset-password', 'admin', '--password', 'new-password-456'], undefined, env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('admin');
    const app = await buildApp({ dataDir: dir, demo: false, logger: false, argon2: fast });
    try {
      const login = (password: string) => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password } });
      expect((await login('new-password-456')).statusCode).toBe(200);
      expect((await login('old-password-123')).statusCode).toBe(401);
    } finally {
      await app.close();
    }
    const random = await runCli(['users', 'reset-password', 'humas'], undefined, env);
    expect(random.code).toBe(0);
    expect(random.stdout).toMatch(/humas .*: \S{12,}/);
    const none = await runCli(['users', 'reset-password', 'nobody'], undefined, env);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('nobody');
    expect((await runCli(['users', 'frobnicate'], undefined, env)).code).toBe(2);
    expect((await runCli(['users', 'reset-password', 'admin', '--password', 'short'], undefined, env)).code).toBe(2);
  }, 60_000);
});
