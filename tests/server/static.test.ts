import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiError, closeApp, makeApp, VARIANTS } from './helpers/app.js';

describe('serving the built front end', () => {
  let app: FastifyInstance;
  const dir = mkdtempSync(join(tmpdir(), 'bijak-web-'));
  beforeAll(async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Bijak</title><div id="app"></div>');
    writeFileSync(join(dir, 'app.js'), 'console.log(1)');
    app = await makeApp(VARIANTS[0], { webDir: dir, demo: false });
  });
  afterAll(async () => {
    await closeApp(app);
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves files, falls back to index.html for app paths, and keeps JSON 404s under /api', async () => {
    const root = await app.inject('/');
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('<title>Bijak</title>');
    expect((await app.inject('/app.js')).body).toBe('console.log(1)');
    const deep = await app.inject('/atasan/dashboard');
    expect(deep.statusCode).toBe(200);
    expect(deep.headers['content-type']).toMatch(/text\/html/);
    expect(deep.body).toContain('<title>Bijak</title>');
    const api = await app.inject('/api/v1/nothing-here');
    expect(api.statusCode).toBe(404);
    expect(apiError(api).code).toBe('not_found');
    expect((await app.inject({ method: 'POST', url: '/somewhere' })).statusCode).toBe(404);
  });
});
