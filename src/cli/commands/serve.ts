/**
 * `bijak serve`: the organisation workspace and the HTTP API.
 * Environment: PORT (3000), HOST (0.0.0.0), DATA_DIR (./data, SQLite), DATABASE_URL (postgres://... for
 * PostgreSQL), BIJAK_DEMO (1; 0 disables the demo organisation), BIJAK_DEMO_PASSWORD, CHECK_REQUIRES_LOGIN,
 * RATE_LIMIT_IP / RATE_LIMIT_USER / RATE_LIMIT_CHECK / RATE_LIMIT_WINDOW_MS, COOKIE_SECURE, TRUST_PROXY, BIJAK_LOG.
 */
import type { CliIO, Command } from '../main.js';

const HELP = `Pemakaian / usage: bijak serve [--port N] [--host H]

Menjalankan ruang kerja organisasi dan API HTTP / runs the organisation workspace and the HTTP API.
Lingkungan / environment:
  PORT (3000), HOST (0.0.0.0), DATA_DIR (./data: SQLite), DATABASE_URL (postgres://...: PostgreSQL)
  BIJAK_DEMO=0 tanpa organisasi demo / no demo organisation; BIJAK_DEMO_PASSWORD sandi semua pengguna demo / password of every demo user
  CHECK_REQUIRES_LOGIN=1 /api/v1/check hanya untuk pengguna yang masuk / only for logged-in users
`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

export const command: Command = {
  summary: { id: 'jalankan server ruang kerja dan API', en: 'run the workspace server and API' },
  async run(args: string[], io: CliIO): Promise<number> {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout.write(HELP);
      return 0;
    }
    const portText = option(args, '--port') ?? io.env.PORT ?? '3000';
    const port = Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      io.stderr.write(`bijak serve: port tidak valid / invalid port: ${portText}\n`);
      return 2;
    }
    const host = option(args, '--host') ?? io.env.HOST ?? '0.0.0.0';
    const { configFromEnv } = await import('../../server/config.js');
    const { startServer } = await import('../../server/app.js');
    const config = configFromEnv(io.env);
    let started: Awaited<ReturnType<typeof startServer>>;
    try {
      started = await startServer({ ...config, port, host });
    } catch (e) {
      io.stderr.write(`bijak serve: gagal memulai / failed to start: ${(e as Error).message}\n`);
      return 1;
    }
    const { app, url } = started;
    const where = app.dbDialect === 'postgres' ? 'PostgreSQL' : `SQLite (${config.dataDir})`;
    io.stdout.write(`Bijak berjalan di / running at ${url}  [${where}]\n`);
    if (app.demoLogins) {
      io.stdout.write('\nOrganisasi demo dibuat. Login (hanya ditampilkan sekali) / demo organisation created. Logins (shown once):\n');
      for (const l of app.demoLogins) io.stdout.write(`  ${l.username.padEnd(9)} ${l.password.padEnd(18)} ${l.role.padEnd(8)} ${l.unit}\n`);
      io.stdout.write('\n');
    }
    await new Promise<void>((resolveStop) => {
      const stop = () => {
        app.close().finally(() => resolveStop());
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
