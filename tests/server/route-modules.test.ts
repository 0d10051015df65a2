/**
 * Shape of the server (issue 12 part 4): the admin routes are split by concern; no route module imports another
 * (shared queries live in src/server/queries.ts, src/server/system-queries.ts and src/server/audit/; the library's
 * shared helpers in routes/library-common.ts declare no route); no route module reads process.env (configuration
 * is read once into the app's resolved config).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROUTES = join(__dirname, '../../src/server/routes');
const files = readdirSync(ROUTES).filter((f) => f.endsWith('.ts'));
const SHARED = new Set(['library-common.ts']);

describe('route modules', () => {
  it('split the administration into users, units, policy and log', () => {
    expect(files.filter((f) => f.startsWith('admin')).sort()).toEqual(['admin-log.ts', 'admin-policy.ts', 'admin-units.ts', 'admin-users.ts']);
  });

  it('library-common.ts holds helpers only (no route)', () => {
    expect(readFileSync(join(ROUTES, 'library-common.ts'), 'utf8')).not.toMatch(/\broute\(/);
  });

  it.each(files.filter((f) => !SHARED.has(f)))('%s imports no other route module and reads no environment variable', (f) => {
    const src = readFileSync(join(ROUTES, f), 'utf8');
    const local = [...src.matchAll(/from '\.\/([^']+)'/g)].map((m) => m[1]).filter((m) => !SHARED.has(m.replace(/\.js$/, '.ts')));
    expect(local).toEqual([]);
    expect(src).not.toMatch(/process\.env/);
  });
});
