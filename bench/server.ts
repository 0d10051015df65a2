/**
 * Server benchmark (not a timed test): starts `bijak serve` as a child process on loopback and runs
 * autocannon against POST /api/v1/check with a mix of realistic posts and account checks.
 *
 *   npx tsx bench/server.ts
 *   BENCH_SECONDS=30 BENCH_CONNECTIONS=32 BENCH_WORKERS=2 npx tsx bench/server.ts
 *
 * BENCH_WORKERS sets BIJAK_WORKERS of the server (Node cluster; 1 = one process).
 * The rate limits are raised for the run (one client IP sends everything); the limiter still runs.
 * Target: >= 3,000 req/s with p99 < 20 ms on a 2-core machine.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error autocannon ships no type declarations
import autocannon from 'autocannon';

const here = dirname(fileURLToPath(import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const workers = process.env.BENCH_WORKERS ?? '1';
const TARGET_RPS = 3000;
const TARGET_P99 = 20;

const POSTS = [
  { text: 'Alhamdulillah, pelaporan SPT Tahunan sekarang bisa lewat DJP Online. Yuk lapor sebelum 31 Maret! #PajakKuatIndonesiaMaju', platform: 'x' },
  { text: 'SEBARKAN!!! Info dari orang dalam, tarif PPN naik jadi 15% bulan depan, sebelum dihapus!!', platform: 'facebook' },
  { text: 'Ayo coblos no. 2 biar Indonesia maju! Jangan lupa ajak keluarga ke TPS ya #menangkan02', platform: 'instagram' },
  { text: 'Dinas rasa liburan, makasih APBN 😎 hotel bintang lima, kolam renang pribadi', platform: 'instagram' },
  { text: 'Selamat pagi rekan-rekan. Hari ini kami melayani konsultasi perpajakan di KPP Pratama Kebayoran Baru mulai pukul 08.00.', platform: 'threads' },
  { text: 'Bangsat lu semua, kerja gak becus!!', platform: 'x' },
  { text: 'Wajib pajak atas nama Budi, NIK 3174091203850004, omzetnya 5 miliar tapi SPT nihil. Parah.', platform: 'x' },
  {
    text: 'Terima kasih untuk seluruh tim yang sudah bekerja keras menyelesaikan laporan keuangan semester ini. Semoga kita semua sehat selalu dan terus memberikan pelayanan terbaik bagi masyarakat. Jangan lupa istirahat yang cukup di akhir pekan!',
    platform: 'linkedin',
  },
  { text: 'Gunakan hak pilih Anda pada 14 Februari. Cek DPT di situs KPU.', platform: 'x' },
  { handle: 'kemenkeu_ri_official', displayName: 'Kemenkeu RI', bio: 'Akun pribadi', platform: 'instagram' },
  { handle: 'siti.rahma', displayName: 'Siti Rahmawati', bio: 'Ibu dua anak, suka masak', platform: 'instagram' },
];

/** CPU time (ms) used so far by a process and its descendants (Linux /proc; 0 elsewhere). */
function treeCpuMs(pid: number): number {
  const statFile = `/proc/${pid}/stat`;
  if (!existsSync(statFile)) return 0;
  const fields = readFileSync(statFile, 'utf8').split(') ')[1].split(' ');
  let ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime in clock ticks (100 Hz)
  const children = `/proc/${pid}/task/${pid}/children`;
  if (existsSync(children)) for (const c of readFileSync(children, 'utf8').trim().split(/\s+/).filter(Boolean)) ms += treeCpuMs(Number(c));
  return ms;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

async function main(): Promise<void> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'bijak-bench-'));
  // the compiled server (bin/bijak.js runs dist/), as `npm start` does: esbuild-based runners add per-closure overhead
  let root = here;
  while (!existsSync(join(root, 'package.json'))) root = dirname(root);
  const bin = join(root, 'bin', 'bijak.js');
  if (!existsSync(join(root, 'dist', 'src', 'cli', 'main.js'))) throw new Error('build first: npm run build');
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
      BIJAK_DEMO: '0',
      BIJAK_LOG: '0',
      BIJAK_WORKERS: workers,
      RATE_LIMIT_IP: '100000000',
      RATE_LIMIT_CHECK: '100000000',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stopServer = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch {
        // starting
      }
      if (Date.now() > deadline || child.exitCode !== null) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    // warm-up (JIT, caches)
    await autocannon({
      url: base,
      connections,
      duration: 3,
      requests: POSTS.map((p) => ({ method: 'POST', path: '/api/v1/check', headers: { 'content-type': 'application/json' }, body: JSON.stringify(p) })),
    });
    console.log(`POST /api/v1/check, ${seconds} s, ${connections} connections, ${workers} server process(es), ${POSTS.length} different inputs`);
    const load0 = loadavg()[0];
    const serverCpu0 = treeCpuMs(child.pid ?? 0);
    const clientCpu0 = process.cpuUsage();
    const result = await autocannon({
      url: base,
      connections,
      duration: seconds,
      requests: POSTS.map((p) => ({ method: 'POST', path: '/api/v1/check', headers: { 'content-type': 'application/json' }, body: JSON.stringify(p) })),
    });
    const rps = result.requests.average;
    const p99 = result.latency.p99;
    console.log(`requests: ${result.requests.total} total, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
    console.log(`req/s: ${rps.toFixed(0)} (mean), p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${p99} ms, max ${result.latency.max} ms`);
    const serverCpuMs = treeCpuMs(child.pid ?? 0) - serverCpu0;
    const c = process.cpuUsage(clientCpu0);
    const clientCpuMs = (c.user + c.system) / 1000;
    const total = result.requests.total || 1;
    const serverUs = (serverCpuMs * 1000) / total;
    const clientUs = (clientCpuMs * 1000) / total;
    const cores = availableParallelism();
    console.log(
      `CPU per request: server ${serverUs.toFixed(0)} µs, autocannon ${clientUs.toFixed(0)} µs; load average ${load0.toFixed(1)} -> ${loadavg()[0].toFixed(1)} on ${cores} cores`,
    );
    if (serverUs > 0)
      console.log(`projected on ${cores} otherwise idle cores (server + client CPU only): ~${Math.floor((cores * 1e6) / (serverUs + clientUs))} req/s`);
    const ok = rps >= TARGET_RPS && p99 < TARGET_P99 && result.non2xx === 0 && result.errors === 0;
    console.log(`target: >= ${TARGET_RPS} req/s with p99 < ${TARGET_P99} ms: ${ok ? 'MET' : 'NOT MET'}`);
  } finally {
    stopServer();
  }
}

await main();
