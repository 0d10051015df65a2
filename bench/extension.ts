/**
 * Browser-extension benchmark: the built extension in Debian's Chromium on the fixture editors.
 *
 * - keystroke -> drawn underlines: from a key's keydown (page, main world) to the overlay frame that draws the
 *   findings of the text including that key with no check in flight (the content script marks each frame on its
 *   overlay host as `data-rev="frame:characters:checks-in-flight"`; a MutationObserver in the page takes the time).
 *   One key every 80 ms at the end of a post of 280 and of 5,000 characters; p50/p95/max per editor kind.
 * - long tasks (> 50 ms) on the page's main thread while typing (PerformanceObserver 'longtask'), which covers the
 *   content script and the fixture editor together.
 * - package size: the unpacked folder and the zip.
 *
 *   npm run bench:extension            (CHROMIUM_PATH overrides /usr/bin/chromium)
 */
import type { Page } from 'playwright-core';
import { buildExtension } from '../extension/build.js';
import { chromiumPath, editorLocator, launchWithExtension } from '../tests/extension/helpers.js';

const KEYS = Number(process.env.BENCH_KEYS ?? 40);
const GAP_MS = 80;
const TARGET = { 280: 30, 5000: 100 } as Record<number, number>;

const SENTENCES = [
  'Hari ini rapat koordinasi anggaran berjalan lancar bersama rekan-rekan di kantor wilayah. ',
  'Terima kasih atas kerja kerasnya, semoga laporan keuangan selesai tepat waktu 😀. ',
  'Dasar goblok lu, kerjaan begini aja nggak beres. ',
  'Jangan lupa ikut webinar literasi digital minggu depan ya.\n',
];

function post(n: number): string {
  let s = '';
  for (let i = 0; s.length < n; i++) s += SENTENCES[i % SENTENCES.length];
  return s.slice(0, n);
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

// Plain JavaScript (a string, so the TypeScript runner's helpers do not leak into the page).
const INSTRUMENT = `(() => {
  const b = (window.__b = { t0: 0, want: -1, lat: [], long: [], missed: 0, draw: [] });
  const model = () => window.fixtureModel();
  document.addEventListener('keydown', () => {
    if (b.want >= 0) b.missed++;
    b.t0 = performance.now();
    b.want = model().length + 1;
  }, true);
  const host = document.querySelector('bijak-overlay');
  if (!host) throw new Error('no overlay: the extension did not draw on this page');
  new MutationObserver(() => {
    const [, chars, pending] = (host.getAttribute('data-rev') || '').split(':').map(Number);
    b.draw.push(Number(host.getAttribute('data-draw-ms')));
    if (b.want >= 0 && pending === 0 && chars === b.want) {
      b.lat.push(performance.now() - b.t0);
      b.want = -1;
    }
  }).observe(host, { attributes: true, attributeFilter: ['data-rev'] });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) b.long.push(e.duration); }).observe({ type: 'longtask' });
})()`;

async function instrument(page: Page): Promise<void> {
  await page.evaluate(INSTRUMENT);
}

async function run(h: Awaited<ReturnType<typeof launchWithExtension>>, kind: string, size: number) {
  const page = await h.open(kind);
  const ed = editorLocator(page, kind);
  await ed.click();
  const base = post(size - KEYS);
  await page.keyboard.insertText(base);
  await page.waitForFunction(`window.fixtureModel().length === ${base.length}`);
  // the first check of the whole text (model warm-up included) is not a keystroke; wait for it
  await page.waitForFunction(`/:${base.length}:0$/.test(document.querySelector('bijak-overlay')?.getAttribute('data-rev') ?? '')`, undefined, {
    timeout: 30_000,
  });
  const underlines = await page.evaluate(`document.querySelector('bijak-overlay').getAttribute('data-underlines')`);
  await instrument(page);
  const typed = ' goblok sekali kau ini'.repeat(Math.ceil(KEYS / 22)).slice(0, KEYS);
  for (const ch of typed) {
    const t = Date.now();
    await page.keyboard.type(ch);
    await page.waitForFunction('window.__b.want < 0', undefined, { timeout: 5000 }).catch(() => {});
    const left = GAP_MS - (Date.now() - t);
    if (left > 0) await page.waitForTimeout(left);
  }
  const r = (await page.evaluate('window.__b')) as { lat: number[]; long: number[]; missed: number; draw: number[] };
  await page.close();
  return { ...r, underlines };
}

async function main(): Promise<void> {
  const exe = chromiumPath();
  if (!exe) {
    console.error('No Chromium found (set CHROMIUM_PATH or install Debian\'s "chromium")');
    process.exit(1);
  }
  const pkg = await buildExtension();
  console.log(
    `package: unpacked ${(pkg.bytes / 1024).toFixed(0)} KiB, zip ${(pkg.zipBytes / 1024).toFixed(0)} KiB (target < 3 MB: ratio ${(pkg.zipBytes / (3 * 1024 * 1024)).toFixed(3)} zip, ${(pkg.bytes / (3 * 1024 * 1024)).toFixed(3)} unpacked)`,
  );
  const h = await launchWithExtension(exe);
  try {
    console.log(`\nkeystroke -> drawn underlines, ${KEYS} keys per case, one key every ${GAP_MS} ms`);
    console.log('editor     chars  underlines   p50 ms   p95 ms   max ms  target  p95/target  long tasks (>50 ms, max ms)  draw p95 ms  unmatched keys');
    const kinds = (process.env.BENCH_KINDS ?? 'textarea,plain,draft,lexical,quill,shadow').split(',');
    for (const size of [280, 5000]) {
      for (const kind of kinds) {
        const r = await run(h, kind, size);
        const p95 = pct(r.lat, 95);
        console.log(
          `${kind.padEnd(10)} ${String(size).padStart(5)}  ${String(r.underlines).padStart(10)}  ${pct(r.lat, 50).toFixed(1).padStart(7)}  ${p95.toFixed(1).padStart(7)}  ${Math.max(
            ...r.lat,
          )
            .toFixed(1)
            .padStart(
              7,
            )}  ${String(TARGET[size]).padStart(6)}  ${(p95 / TARGET[size]).toFixed(2).padStart(10)}  ${String(r.long.length).padStart(4)} (${r.long.length ? Math.max(...r.long).toFixed(0) : '-'})`.padEnd(
            120,
          ) + `  ${pct(r.draw, 95).toFixed(2).padStart(11)}  ${KEYS - r.lat.length}`,
        );
      }
    }
  } finally {
    await h.close();
  }
}

await main();
