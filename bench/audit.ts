/**
 * Footprint-audit benchmark (issue #5): generates an X archive of 200,000
 * posts in the real format (zip with data/tweets.js, note-tweet.js, like.js,
 * account.js, manifest.js), then audits it end to end through the real
 * checker in a fresh child process and prints seconds, posts/s and peak RSS
 * against the targets (< 20 s, < 300 MB).
 *
 *   npx tsx bench/audit.ts [--posts 200000] [--keep] [--tsx]
 *
 * The audit child runs as an esbuild bundle of the TypeScript sources (like
 * the compiled bin; --tsx runs it through tsx instead).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FakeTweet, tweetRecord, writeZipStream, xEscape, ytdStringify } from '../tests/audit/fixtures.js';

const TARGET_SECONDS = 20;
const TARGET_RSS_MB = 300;

const WORDS =
  'hari ini kantor pelayanan pajak rapat koordinasi warga terima kasih semangat kerja sama bersama kita semua program pemerintah desa kota jalan baru selesai dibangun alhamdulillah selamat pagi siang malam libur keluarga makan enak kopi hujan macet banjir pelatihan pegawai anggaran laporan tahunan sosialisasi aplikasi layanan daring antre cepat mudah'.split(
    ' ',
  );
const RISKY = [
  'dasar bangsat, pelayanannya lambat sekali',
  'NIK saya 3174015505900003 tolong dicek',
  'ayo coblos nomor 2 pada pemilu nanti',
  'pejabat itu anjing semua',
  'dasar goblok, antrean tidak diatur',
];

/** Deterministic pseudo-random numbers (no real data, same archive every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function* tweetsJs(n: number, notes: Array<{ text: string; date: string }>): Generator<string> {
  const r = rng(42);
  yield 'window.YTD.tweets.part0 = [\n';
  const start = Date.parse('2012-01-01T00:00:00Z');
  const step = Math.floor((Date.parse('2025-12-31T00:00:00Z') - start) / n);
  for (let i = 0; i < n; i++) {
    const len = 6 + Math.floor(r() * 30);
    const words: string[] = [];
    for (let k = 0; k < len; k++) words.push(WORDS[Math.floor(r() * WORDS.length)]);
    let text = words.join(' ');
    const x = r();
    if (x < 0.02) text = `${text} ${RISKY[i % RISKY.length]}`;
    if (x > 0.9) text = `RT @akun_lain_${i % 50}: ${text}`;
    if (x > 0.8 && x <= 0.85) text = `${text} & <3 https://t.co/abc${i}`;
    const date = new Date(start + i * step).toISOString();
    const t: FakeTweet = { id: String(1_000_000_000_000_000_000n + BigInt(i)), text, date };
    if (x > 0.6 && x <= 0.7) t.replyTo = String(900_000_000_000_000_000n + BigInt(i));
    if (i % 1000 === 7) {
      const full = `${text} ${'lanjutan tulisan panjang tentang pelayanan publik yang terus membaik '.repeat(5)}${RISKY[0]}`;
      t.text = `${full.slice(0, 270)}… https://t.co/note${i}`;
      notes.push({ text: full, date });
    }
    yield `${i === 0 ? '' : ',\n'}  ${ytdStringify(tweetRecord(t), '  ')}`;
  }
  yield '\n]';
}

async function generate(path: string, n: number): Promise<void> {
  const notes: Array<{ text: string; date: string }> = [];
  const tweets = [...tweetsJs(n, notes)]; // strings are built lazily below; materialise only to know the notes first
  const likes = Math.floor(n / 10);
  await writeZipStream(path, [
    {
      name: 'data/manifest.js',
      chunks: [
        `window.__THAR_CONFIG = ${ytdStringify({ userInfo: { accountId: '1000001', userName: 'pegawai_bench', displayName: 'Pegawai Bench' }, dataTypes: { tweets: { files: [{ fileName: 'data/tweets.js', globalName: 'YTD.tweets.part0', count: String(n) }] } } })}`,
      ],
    },
    { name: 'data/account.js', chunks: [`window.YTD.account.part0 = ${ytdStringify([{ account: { username: 'pegawai_bench', accountId: '1000001' } }])}`] },
    {
      name: 'data/note-tweet.js',
      chunks: [
        `window.YTD.note_tweet.part0 = ${ytdStringify(notes.map((nt, i) => ({ noteTweet: { noteTweetId: String(8_000_000 + i), updatedAt: nt.date, createdAt: nt.date, core: { styletags: [], urls: [], text: nt.text, mentions: [], cashtags: [], hashtags: [] } } })))}`,
      ],
    },
    { name: 'data/tweets.js', chunks: tweets },
    {
      name: 'data/like.js',
      chunks: (function* () {
        yield 'window.YTD.like.part0 = [\n';
        for (let i = 0; i < likes; i++)
          yield `${i === 0 ? '' : ',\n'}  ${ytdStringify({ like: { tweetId: String(500_000 + i), fullText: xEscape(i % 97 === 0 ? RISKY[3] : 'tulisan orang lain yang saya sukai & bagikan'), expandedUrl: `https://twitter.com/i/web/status/${500_000 + i}` } }, '  ')}`;
        yield '\n]';
      })(),
    },
  ]);
}

/** Child: audit the archive and print one JSON line of measurements. */
async function child(zip: string): Promise<void> {
  const { audit } = await import('../src/audit/index.js');
  const { getChecker } = await import('../src/host/checker.js');
  const { DEFAULT_POLICY } = await import('../src/core/index.js');
  const checker = getChecker();
  const workers = process.env.BENCH_WORKERS === undefined ? undefined : Number(process.env.BENCH_WORKERS);
  checker.check({ kind: 'post', text: 'pemanasan' }); // build the checker before timing
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  // as the CLI runs it: checks in worker threads (BENCH_WORKERS=0 for one thread)
  const report = await audit(zip, { checker, parallel: workers === 0 ? undefined : { policy: DEFAULT_POLICY, workers } });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${JSON.stringify({ seconds, cpuSeconds, scanned: report.scanned, likes: report.likes.scanned, flagged: report.summary.flagged, kept: report.flagged.length, maxRssMb, workers: workers ?? (await import('../src/audit/pipeline.js')).defaultWorkers(), heapMb: process.memoryUsage().heapUsed / 1024 / 1024 })}\n`,
  );
}

async function mainBench(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1]);
  const n = Number(args[args.indexOf('--posts') + 1]) || 200_000;
  const dir = mkdtempSync(join(tmpdir(), 'bijak-bench-audit-'));
  const zip = join(dir, 'twitter-archive.zip');
  try {
    const g0 = performance.now();
    await generate(zip, n);
    console.log(
      `generated ${n.toLocaleString('en')} posts: ${(statSync(zip).size / 1024 ** 2).toFixed(1)} MB zip in ${((performance.now() - g0) / 1000).toFixed(1)} s`,
    );
    const self = fileURLToPath(import.meta.url);
    // the audit runs compiled like the bin (tsx adds keepNames wrappers that cost ~20%): one esbuild bundle next to node_modules
    let cmd = ['--import', 'tsx', self, '--child', zip];
    if (!args.includes('--tsx')) {
      const { build } = await import('esbuild');
      const out = join(dirname(self), '..', 'node_modules', '.cache', 'bijak-bench', 'audit-child.mjs');
      const worker = join(dirname(self), '..', 'src', 'audit', 'check-worker.ts');
      await build({
        entryPoints: { 'audit-child': self, 'check-worker': worker },
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        outdir: dirname(out),
        outExtension: { '.js': '.mjs' },
        logLevel: 'warning',
      });
      cmd = [out, '--child', zip];
    }
    const r = spawnSync(process.execPath, cmd, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (r.status !== 0) throw new Error(`audit child failed (${r.status})`);
    const m = JSON.parse(r.stdout.trim().split('\n').pop()!);
    const rate = m.scanned / m.seconds;
    console.log(`audited ${m.scanned.toLocaleString('en')} posts (+${m.likes.toLocaleString('en')} likes), ${m.flagged.toLocaleString('en')} flagged`);
    console.log(`time      ${m.seconds.toFixed(2)} s   (target < ${TARGET_SECONDS} s)  ${m.seconds < TARGET_SECONDS ? 'OK' : 'OVER'}`);
    console.log(`cpu       ${m.cpuSeconds.toFixed(2)} s over all threads (the machine's other load shows as wall time above cpu/threads)`);
    console.log(`rate      ${Math.round(rate).toLocaleString('en')} posts/s   (${m.workers} worker threads)`);
    console.log(`peak RSS  ${m.maxRssMb.toFixed(0)} MB   (target < ${TARGET_RSS_MB} MB)  ${m.maxRssMb < TARGET_RSS_MB ? 'OK' : 'OVER'}`);
  } finally {
    if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${zip}`);
  }
}

await mainBench();
