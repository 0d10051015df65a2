/**
 * `bijak serve`: the organisation workspace and the HTTP API.
 * Environment: PORT (3000), HOST (127.0.0.1; 0.0.0.0 to expose), DATA_DIR (./data, SQLite), DATABASE_URL (postgres://... for
 * PostgreSQL), BIJAK_WORKERS (1; "auto" = one process per CPU, Node cluster sharing the port),
 * BIJAK_DEMO (1; 0 disables the demo organisation), BIJAK_DEMO_PASSWORD, CHECK_REQUIRES_LOGIN,
 * RATE_LIMIT_IP / RATE_LIMIT_USER / RATE_LIMIT_CHECK / RATE_LIMIT_WINDOW_MS, COOKIE_SECURE, TRUST_PROXY, BIJAK_LOG, BIJAK_LOG_FORMAT=json (JSON
 * log lines even on a terminal).
 */
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { CliIO, Command } from '../main.js';

const HELP = `Pemakaian / usage: bijak serve [--port N] [--host H] [--workers N|auto]

Menjalankan ruang kerja organisasi dan API HTTP / runs the organisation workspace and the HTTP API.
Lingkungan / environment:
  PORT (3000), HOST (127.0.0.1; 0.0.0.0 to expose), DATA_DIR (./data: SQLite), DATABASE_URL (postgres://...: PostgreSQL)
  BIJAK_WORKERS (1) jumlah proses / number of processes ("auto": satu per CPU / one per CPU)
  BIJAK_DEMO=0 tanpa organisasi demo / no demo organisation; BIJAK_DEMO_PASSWORD sandi semua pengguna demo / password of every demo user
  CHECK_REQUIRES_LOGIN=1 /api/v1/check hanya untuk pengguna yang masuk / only for logged-in users
  RATE_LIMIT_IP, RATE_LIMIT_USER, RATE_LIMIT_CHECK (per menit / per minute), COOKIE_SECURE=1, TRUST_PROXY=1
`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
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
    const workersText = option(args, '--workers') ?? io.env.BIJAK_WORKERS ?? '1';
    const workers = workersText === 'auto' ? availableParallelism() : Number(workersText);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
      io.stderr.write(`bijak serve: jumlah proses tidak valid / invalid workers: ${workersText}\n`);
      return 2;
    }
    // only this machine by default (issue 8): HOST=0.0.0.0 exposes the server on every interface
    const host = option(args, '--host') ?? io.env.HOST ?? '127.0.0.1';
    const { configFromEnv } = await import('../../server/config.js');
    const { prepareDatabase, startServer } = await import('../../server/app.js');
    const config = configFromEnv(io.env);
    // pretty log lines on a terminal, JSON lines otherwise (files, journald, containers)
    if (config.logger && typeof config.logger === 'object' && (io.stdout as { isTTY?: boolean }).isTTY && io.env.BIJAK_LOG_FORMAT !== 'json') {
      const { prettyStream } = await import('../../server/pretty-log.js');
      config.logger = { ...config.logger, stream: prettyStream(io.stdout) };
    }
    const where = (dialect: string) => (dialect === 'postgres' ? 'PostgreSQL' : `SQLite (${config.dataDir})`);
    const printLogins = (logins: Array<{ username: string; password: string; role: string; unit: string }> | null) => {
      if (!logins) {
        // later starts: the demo logins were printed once; say how to get in again
        if (io.env.BIJAK_DEMO !== '0')
          io.stdout.write(
            'Login demo hanya ditampilkan saat pertama dibuat; lupa sandi? / Demo logins are printed only when created; lost one?\n' +
              '  bijak users reset-password NAMA  (mis. / e.g. admin), atau / or BIJAK_DEMO_PASSWORD=... pada basis data baru / for a new database\n',
          );
        return;
      }
      io.stdout.write('\nOrganisasi demo dibuat. Login (hanya ditampilkan sekali) / demo organisation created. Logins (shown once):\n');
      for (const l of logins) io.stdout.write(`  ${l.username.padEnd(9)} ${l.password.padEnd(18)} ${l.role.padEnd(8)} ${l.unit}\n`);
      io.stdout.write('\n');
    };

    if (workers > 1 && cluster.isPrimary) {
      // the primary migrates and seeds once, then forks workers that share the port
      let prepared: Awaited<ReturnType<typeof prepareDatabase>>;
      try {
        prepared = await prepareDatabase(config);
      } catch (e) {
        io.stderr.write(`bijak serve: gagal memulai / failed to start: ${(e as Error).message}\n`);
        return 1;
      }
      let stopping = false;
      let announced = false;
      const fork = () => cluster.fork({ ...io.env, BIJAK_WORKERS: '1', BIJAK_CLUSTER_WORKER: '1', PORT: String(port), HOST: host });
      cluster.on('listening', (_w, addr) => {
        if (announced) return;
        announced = true;
        const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
        io.stdout.write(`Bijak berjalan di / running at http://${shown}:${addr.port}  [${where(prepared.dialect)}, ${workers} proses / processes]\n`);
        printLogins(prepared.demoLogins);
      });
      cluster.on('exit', (w, code, signal) => {
        if (stopping) return;
        io.stderr.write(`bijak serve: proses ${w.process.pid} berhenti / worker exited (${signal ?? code}); memulai ulang / restarting\n`);
        setTimeout(fork, 500);
      });
      for (let i = 0; i < workers; i++) fork();
      await waitForSignal();
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
      return 0;
    }

    const isWorker = io.env.BIJAK_CLUSTER_WORKER === '1';
    let started: Awaited<ReturnType<typeof startServer>>;
    try {
      started = await startServer({ ...config, ...(isWorker ? { demo: false } : {}), port, host });
    } catch (e) {
      io.stderr.write(`bijak serve: gagal memulai / failed to start: ${(e as Error).message}\n`);
      return 1;
    }
    const { app, url } = started;
    if (!isWorker) {
      io.stdout.write(`Bijak berjalan di / running at ${url}  [${where(app.dbDialect)}]\n`);
      printLogins(app.demoLogins);
    }
    await waitForSignal();
    await app.close();
    return 0;
  },
};
