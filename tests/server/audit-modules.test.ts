/** Shape of the audit HTTP side (issue 12): the route modules never import another route module. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROUTES = join(__dirname, '../../src/server/routes');

describe('audit route modules', () => {
  const files = readdirSync(ROUTES).filter((f) => f.startsWith('audit-') && f.endsWith('.ts'));

  it('are split into upload, jobs, progress and report', () => {
    expect(files.sort()).toEqual(['audit-jobs.ts', 'audit-progress.ts', 'audit-report.ts', 'audit-upload.ts']);
  });

  it.each(files)('%s imports no other route module (shared code lives in src/server/audit/)', (f) => {
    const src = readFileSync(join(ROUTES, f), 'utf8');
    const local = [...src.matchAll(/from '(\.\/[^']+)'/g)].map((m) => m[1]);
    expect(local).toEqual([]);
  });
});
