/** Configuration is read once (issue 12): `bijak serve` passes its environment to `configFromEnv`; nothing under src/server or src/db reads process.env. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAuditSettings } from '../../src/server/audit/options.js';
import { configFromEnv } from '../../src/server/config.js';

const ROOT = join(__dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('server configuration', () => {
  it('no module of src/server or src/db reads process.env', () => {
    const readers = [...files(join(ROOT, 'src/server')), ...files(join(ROOT, 'src/db'))]
      .filter((f) => /process\.env/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(readers).toEqual([]);
  });

  it('reads the AUDIT_* variables into the resolved config', () => {
    const cfg = configFromEnv({
      AUDIT_MAX_UPLOAD_BYTES: '2000',
      AUDIT_CONCURRENCY: '3',
      AUDIT_MAX_FLAGGED: '50',
      AUDIT_RETRY_LIMIT: '0',
      AUDIT_RETRY_DELAY_SECONDS: '2',
      AUDIT_HEARTBEAT_SECONDS: '20',
      AUDIT_SUPERVISE_SECONDS: '4',
      AUDIT_POLL_SECONDS: '0.5',
      AUDIT_RUN_JOBS: '0',
    });
    expect(cfg.audit).toEqual({
      maxUploadBytes: 2000,
      concurrency: 3,
      limits: { maxFlagged: 50 },
      jobs: { retryLimit: 0, retryDelaySeconds: 2, heartbeatSeconds: 20, superviseSeconds: 4, pollSeconds: 0.5, runJobs: false },
    });
    const app = { bijakConfig: { dataDir: '/tmp/x' } } as never;
    expect(resolveAuditSettings(app, cfg.audit ?? {})).toMatchObject({ maxUpload: 2000, concurrency: 3, limits: { maxFlagged: 50 } });
    // unset variables keep the defaults
    const dflt = resolveAuditSettings(app, configFromEnv({}).audit ?? {});
    expect(dflt).toMatchObject({ maxUpload: 512 * 1024 * 1024, concurrency: 2, limits: { maxFlagged: 100_000 } });
    expect(configFromEnv({}).audit?.jobs).toEqual({
      retryLimit: undefined,
      retryDelaySeconds: undefined,
      heartbeatSeconds: undefined,
      superviseSeconds: undefined,
      pollSeconds: undefined,
      runJobs: undefined,
    });
  });
});
