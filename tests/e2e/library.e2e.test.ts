// End-to-end, official-content library (issue 11): humas writes an item whose X variant is held by a finding, fixes
// it and submits; a second humas user publishes; an employee (390 px phone) edits and shares it — the X intent opens
// with the edited text and the short link; a click on the short link is counted and the charts show it; the
// supervisor sees unit totals only. Screenshots at 1280 and 390 px land in test-results/e2e/.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, ensureBuilt, launchBrowser, login, type RunningServer, shot, startServer } from './helpers';

const chromium = chromiumPath();
if (!chromium) console.warn('[e2e library] SKIPPED: no Chromium binary found (set CHROMIUM_PATH or install Debian\'s "chromium" package).');

const LINK = 'https://www.kemenkeu.go.id/informasi-publik/apbn-kita-e2e';
const TITLE = 'APBN KiTa edisi uji e2e';
const BAD_X = 'APBN KiTa sudah terbit, yang bilang APBN bangkrut itu goblok.';
const GOOD_X = 'APBN KiTa sudah terbit: pendapatan negara Rp1.201,8 triliun hingga akhir Juni 2025.';
const EDITED = 'Baru terbit! Pendapatan negara Rp1.201,8 triliun hingga akhir Juni 2025. Simak APBN KiTa.';

describe.skipIf(!chromium)('official-content library end to end (headless Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let shortUrl = '';

  async function newPage(width = 1280, height = 900): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width, height }, locale: 'id-ID', timezoneId: 'Asia/Jakarta', reducedMotion: 'reduce' });
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    // the platforms and the official site are not reachable from the test machine: answer for them
    await ctx.route(/^https:\/\/(x\.com|www\.kemenkeu\.go\.id)\//, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>stub</h1>' }));
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
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

  it('humas creates an item; the X variant is held by a finding until fixed; then it is submitted', async () => {
    const page = await newPage();
    await login(page, server.url, 'humas');
    await page.locator('#mainnav').getByRole('link', { name: 'Pustaka humas' }).click();
    await page.getByTestId('lib-new').click();
    await page.getByTestId('lib-title').fill(TITLE);
    await page.getByTestId('lib-body').fill('Pendapatan negara hingga akhir Juni 2025 terealisasi Rp1.201,8 triliun atau 40,0% dari target.');
    await page.getByTestId('lib-link').fill(LINK);
    await page.getByTestId('lib-tags').fill('APBN, fiskal');
    await page.getByTestId('target-DJP').check();
    await page.getByTestId('variant-text-x').fill(BAD_X);
    await page.getByTestId('variant-text-whatsapp').fill('APBN KiTa edisi terbaru sudah terbit. Pendapatan negara Rp1.201,8 triliun.');
    await page.getByTestId('lib-save').click();
    await page.getByTestId('variant-status-x').waitFor();
    expect(await page.getByTestId('variant-status-x').textContent()).toMatch(/Tertahan/);
    expect(await page.getByTestId('variant-status-whatsapp').textContent()).toMatch(/Lolos/);
    await page.getByTestId('lib-submit').click();
    await page.locator('.alert.error').waitFor();
    expect(await page.locator('.alert.error').textContent()).toMatch(/x/);
    await shot(page, 'lib-01-humas-variant-blocked');
    await page.getByTestId('variant-text-x').fill(GOOD_X);
    await page.getByTestId('lib-save').click();
    await expect.poll(() => page.getByTestId('variant-status-x').textContent()).toMatch(/Lolos/);
    await page.getByTestId('lib-submit').click();
    await expect.poll(() => page.locator('.intro').textContent()).toMatch(/Menunggu tinjauan/);
    expect(await page.getByTestId('lib-approve').count()).toBe(0); // the author cannot review
    await shot(page, 'lib-02-humas-submitted');
  });

  it('a second humas user reviews and publishes it', async () => {
    const page = await newPage();
    await login(page, server.url, 'humas2');
    await page.goto(`${server.url}/#/pustaka`);
    await page.getByTestId('tab-review').click();
    await page.getByTestId('lib-item').filter({ hasText: TITLE }).click();
    await page.getByTestId('lib-approve').click();
    await expect.poll(() => page.locator('.intro').textContent()).toMatch(/Terbit/);
    await shot(page, 'lib-03-humas2-published');
  });

  it('an employee on a phone edits the text, it is checked live, and the X intent opens with that text and the short link', async () => {
    const page = await newPage(390, 844);
    await login(page, server.url, 'pegawai');
    await page.goto(`${server.url}/#/konten`);
    const card = page.getByTestId('feed-item').filter({ hasText: TITLE });
    await card.getByTestId('share-toggle').click();
    await card.getByTestId('pick-x').click();
    expect(await card.getByTestId('share-text').inputValue()).toBe(GOOD_X);
    // an edit that breaks the rules is flagged live
    await card.getByTestId('share-text').fill(BAD_X);
    await expect.poll(() => card.getByTestId('finding').count()).toBeGreaterThan(0);
    await card.getByTestId('share-text').fill(EDITED);
    await card.getByTestId('share-clean').waitFor();
    await shot(page, 'lib-04-pegawai-share-390');
    const popupPromise = page.context().waitForEvent('page');
    await card.getByTestId('share-go').click();
    const popup = await popupPromise;
    await expect.poll(() => popup.url()).toMatch(/^https:\/\/x\.com\/intent\/tweet/);
    const intent = new URL(popup.url());
    expect(intent.searchParams.get('text')).toBe(EDITED);
    shortUrl = intent.searchParams.get('url') ?? '';
    expect(shortUrl).toMatch(/\/s\/[A-Za-z0-9_-]{12}$/);
    expect(await card.getByTestId('short-link').textContent()).toBe(shortUrl);
    await popup.close();
    await shot(page, 'lib-05-pegawai-shared-390');
  });

  it('a click on the short link lands on the official page with UTM parameters and is counted', async () => {
    const visitor = await newPage(390, 844);
    // Playwright routes only the first request of a redirect chain: let the browser's request reach the server,
    // read the redirect it answers, and stand in for the official site.
    let location = '';
    await visitor.route('**/s/*', async (route) => {
      const res = await route.fetch({ maxRedirects: 0 });
      location = res.headers().location ?? '';
      await route.fulfill({ status: 200, contentType: 'text/html', body: `<p>redirect ${res.status()}</p>` });
    });
    await visitor.goto(shortUrl);
    expect(location).toMatch(/^https:\/\/www\.kemenkeu\.go\.id\/informasi-publik\/apbn-kita-e2e\?utm_source=x&utm_medium=social/);
    expect(await visitor.locator('p').textContent()).toBe('redirect 302');
    const page = await newPage();
    await login(page, server.url, 'pegawai');
    await page.goto(`${server.url}/#/konten`);
    await expect.poll(() => page.getByTestId('feed-item').filter({ hasText: TITLE }).getByTestId('feed-mine').textContent()).toMatch(/1× · 1 klik/);
  });

  it('humas sees the share and the click in the charts and the tables, and can export CSV', async () => {
    for (const width of [1280, 390]) {
      const page = await newPage(width, 900);
      await login(page, server.url, 'humas');
      await page.goto(`${server.url}/#/statistik-konten`);
      const row = page.getByTestId('table-items').locator('tr').filter({ hasText: TITLE });
      await expect.poll(() => row.locator('td').allTextContents()).toEqual([TITLE, '1', '1', '1']);
      await page.getByTestId('chart-day').waitFor();
      await page.getByTestId('chart-platform').waitFor();
      await shot(page, `lib-06-humas-stats-${width}`);
      if (width === 1280) {
        const csv = await page.request.get(`${server.url}/api/v1/library/stats.csv`);
        expect(await csv.text()).toContain(TITLE);
      }
    }
  });

  it('the supervisor sees only their unit subtree’s totals; the summariser works for everyone', async () => {
    const page = await newPage();
    await login(page, server.url, 'atasan');
    await page.goto(`${server.url}/#/statistik-konten`);
    await page.getByTestId('table-units').waitFor();
    const units = await page.getByTestId('table-units').locator('tbody td:first-child').allTextContents();
    expect(units).toEqual(['Kanwil DJP Jakarta Selatan']);
    await shot(page, 'lib-07-atasan-stats');
    await page.goto(`${server.url}/#/ringkas`);
    await page
      .getByTestId('sum-text')
      .fill(
        'APBN 2025 ditetapkan.\nBelanja negara ditetapkan sebesar Rp3.621,3 triliun, sementara pendapatan negara ditargetkan Rp3.005,1 triliun. Defisit dijaga pada 2,53% terhadap PDB. Anggaran pendidikan mencapai Rp724,3 triliun atau 20% dari belanja negara.',
      );
    await page.getByTestId('sum-link').fill(LINK);
    await page.getByTestId('sum-run').click();
    await expect.poll(() => page.getByTestId('sum-post').textContent()).toContain('Rp3.621,3 triliun');
    expect(await page.getByTestId('sum-thread').locator('li').count()).toBeGreaterThan(0);
    await shot(page, 'lib-08-summarize');
    // the same pages in English
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('APBN in one post');
    await page.goto(`${server.url}/#/konten`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Official content to share');
    await shot(page, 'lib-09-feed-en');
  });
});
