// End-to-end: the "Cek Fakta" page (issue 9) in headless Chromium against the real server. Humas imports the sample
// KB and sees the import report; a pegawai searches in plain words and reads the clarification; the draft checker
// flags the clarified hoax; humas retires an entry and turns a clarification into a library draft ("Jadikan konten
// resmi", issue 11) that opens in the library editor. Screenshots at 1280 px and 390 px go to tests/e2e/screenshots/.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, ensureBuilt, launchBrowser, login, nav, ROOT, type RunningServer, startServer } from './helpers';

const chromium = chromiumPath();
if (!chromium) console.warn('[e2e] SKIPPED: no Chromium binary found (set CHROMIUM_PATH or install Debian\'s "chromium" package).');

const SHOTS = join(ROOT, 'tests', 'e2e', 'screenshots');
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

describe.skipIf(!chromium)('Cek Fakta page end to end (headless Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let humas: Page;
  let pegawai: Page;

  async function newPage(width = 1280, height = 900): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width, height }, locale: 'id-ID', timezoneId: 'Asia/Jakarta', reducedMotion: 'reduce' });
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => console.error('[browser error]', e.message));
    return page;
  }

  beforeAll(async () => {
    ensureBuilt();
    server = await startServer();
    browser = await launchBrowser(chromium!);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.stop();
  });

  it('humas opens Cek Fakta (empty), a bad file shows a clear error, then imports the sample KB with a report', async () => {
    humas = await newPage();
    await login(humas, server.url, 'humas');
    await nav(humas, 'Cek fakta');
    await humas.getByRole('heading', { level: 1, name: 'Cek Fakta' }).waitFor();
    await humas.getByText('Belum ada entri').waitFor();
    const bad = join(mkdtempSync(join(tmpdir(), 'kb-e2e-')), 'catatan.txt');
    writeFileSync(bad, 'ini bukan berkas cek fakta\n');
    const form = humas.getByTestId('kb-import');
    await form.locator('input[type=file]').setInputFiles(bad);
    await form.getByRole('button', { name: 'Impor' }).click();
    await expect.poll(() => form.locator('[role=alert]').textContent()).toMatch(/format tidak dikenali/);
    await form.locator('input[type=file]').setInputFiles(join(ROOT, 'models', 'kb-sample.jsonl'));
    await form.getByRole('button', { name: 'Impor' }).click();
    await expect.poll(() => humas.getByTestId('kb-import-report').textContent()).toMatch(/51 ditambah, 0 digabung, 0 ditolak/);
    await expect.poll(() => humas.locator('[data-testid=kb-table] tbody tr').count()).toBe(51);
    await shot(humas, 'kb-01-humas-import-1280');
  });

  it('a pegawai searches in plain words and reads the clarification; no write controls', async () => {
    pegawai = await newPage();
    await login(pegawai, server.url, 'pegawai');
    await nav(pegawai, 'Cek fakta');
    expect(await pegawai.getByTestId('kb-import').count()).toBe(0);
    expect(await pegawai.getByTestId('kb-form').count()).toBe(0);
    await pegawai.getByTestId('kb-q').fill('benarkah THR PNS tahun ini dihapus?');
    await pegawai.getByTestId('kb-search').getByRole('button', { name: 'Cari' }).click();
    const first = pegawai.locator('[data-testid=kb-hits] > li').first();
    await expect.poll(() => first.textContent()).toMatch(/THR PNS tahun ini ditiadakan/);
    expect(await first.textContent()).toMatch(/THR ASN tetap dibayarkan/);
    expect(await first.textContent()).toMatch(/Kementerian Keuangan/);
    expect(await pegawai.getByTestId('kb-to-library').count()).toBe(0);
    await shot(pegawai, 'kb-02-pegawai-search-1280');
  });

  it('the draft checker flags the clarified hoax with the clarification', async () => {
    await nav(pegawai, 'Cek sebelum unggah');
    await pegawai.locator('#draft').fill('Info grup sebelah: tinta celup di TPS mengandung minyak babi, tidak halal! Sebarkan');
    await expect
      .poll(() => pegawai.getByTestId('finding').allTextContents(), { timeout: 15_000 })
      .toEqual(expect.arrayContaining([expect.stringMatching(/diklarifikasi sebagai hoaks oleh Komisi Pemilihan Umum/)]));
  });

  it('humas retires an entry; it moves to the retired list', async () => {
    const row = humas.locator('[data-testid=kb-table] tbody tr', { hasText: 'Tinta pemilu mengandung minyak babi' });
    await row.getByRole('button', { name: 'Pensiunkan' }).click();
    await expect.poll(() => humas.locator('[data-testid=kb-table] tbody tr').count()).toBe(50);
    await humas.getByTestId('kb-status').selectOption('retired');
    await expect.poll(() => humas.locator('[data-testid=kb-table] tbody tr').allTextContents()).toEqual([expect.stringMatching(/Tinta pemilu/)]);
  });

  it('humas adds an entry through the form', async () => {
    const form = humas.getByTestId('kb-form');
    await form.locator('textarea[name=claims]').fill('Pegawai wajib membayar iuran seragam baru Rp 2 juta ke rekening pribadi panitia');
    await form.locator('textarea[name=summary]').fill('Tidak ada iuran seragam; pengadaan seragam dibiayai DIPA.');
    await form.locator('input[name=sourceName]').fill('Biro Umum (contoh uji)');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.getByText('Entri disimpan.').waitFor();
    await humas.getByTestId('kb-status').selectOption('active');
    await expect.poll(() => humas.locator('[data-testid=kb-table] tbody tr', { hasText: 'iuran seragam' }).count()).toBe(1);
  });

  it('humas turns a clarification into a library draft and finishes it in the library editor', async () => {
    const row = humas.locator('[data-testid=kb-table] tbody tr', { hasText: 'THR PNS tahun ini ditiadakan' });
    await row.getByRole('button', { name: 'Jadikan konten resmi' }).click();
    await expect.poll(() => humas.evaluate(() => location.hash)).toMatch(/^#\/pustaka\/[0-9a-f-]{36}$/);
    await expect.poll(() => humas.getByTestId('lib-title').inputValue()).toBe('[HOAKS] THR PNS tahun ini ditiadakan karena anggaran negara defisit');
    expect(await humas.getByTestId('lib-body').inputValue()).toMatch(/^THR ASN tetap dibayarkan sesuai peraturan pemerintah/);
    expect(await humas.getByTestId('lib-tags').inputValue()).toBe('gaji-asn');
    // the sample clarification has no source URL: the editor says so and the link stays to be filled
    expect(await humas.getByTestId('lib-link').inputValue()).toBe('');
    expect(await humas.getByTestId('lib-from-kb').textContent()).toMatch(/klarifikasi Cek Fakta.*belum punya tautan sumber/);
    expect(await humas.locator('.intro').textContent()).toMatch(/Draf/);
    await shot(humas, 'kb-04-humas-to-library-1280');
    await humas.getByTestId('lib-link').fill('https://www.kemenkeu.go.id/informasi-publik/klarifikasi-thr-asn');
    await humas.getByTestId('variant-text-whatsapp').fill('Hoaks! THR ASN tetap dibayarkan sesuai peraturan pemerintah. Cek penjelasan resmi Kemenkeu.');
    await humas.getByTestId('lib-save').click();
    await expect.poll(() => humas.getByTestId('variant-status-whatsapp').textContent()).toMatch(/Lolos/);
    expect(await humas.getByTestId('lib-from-kb').count()).toBe(0);
    await humas.getByTestId('lib-submit').click();
    await expect.poll(() => humas.locator('.intro').textContent()).toMatch(/Menunggu tinjauan/);
  });

  it('works on a phone-sized screen', async () => {
    const page = await newPage(390, 844);
    await login(page, server.url, 'pegawai2');
    await page.getByRole('button', { name: 'Menu' }).click();
    await nav(page, 'Cek fakta');
    await page.getByTestId('kb-q').fill('saldo tabungan kena pajak');
    await page.getByTestId('kb-search').getByRole('button', { name: 'Cari' }).click();
    await expect.poll(() => page.locator('[data-testid=kb-hits] > li').first().textContent()).toMatch(/Saldo tabungan bukan objek pajak/);
    await shot(page, 'kb-03-mobile-search-390');
  });
});
