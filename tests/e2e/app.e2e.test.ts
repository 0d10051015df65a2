// End-to-end: the real server (`bijak serve`) and the real web app in headless Chromium. Each role signs in and goes
// through its main pages; screenshots land in test-results/e2e/ (CI artefacts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeZip, xArchive } from '../audit/fixtures';
import { chromiumPath, ensureBuilt, launchBrowser, login, nav, type RunningServer, shot, startServer } from './helpers';

const chromium = chromiumPath();
if (!chromium) {
  console.warn('[e2e] SKIPPED: no Chromium binary found (set CHROMIUM_PATH or install Debian\'s "chromium" package; .ci/run installs it).');
}

const ABUSIVE_PARTISAN = 'Dasar anjing kalian semua, goblok! Ayo coblos nomor 2, menangkan paslon kita! #2024GantiPresiden';
const CLEAN = 'Selamat pagi! Hari ini saya belajar menyusun laporan keuangan bersama rekan kerja. Semangat!';

describe.skipIf(!chromium)('web app end to end (headless Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let pegawai: Page;
  let supervisorName = '';

  async function newPage(width = 1280, height = 900): Promise<Page> {
    // Reduced motion also switches chart animations off, so screenshots show the final bars.
    const ctx = await browser.newContext({ viewport: { width, height }, locale: 'id-ID', timezoneId: 'Asia/Jakarta', reducedMotion: 'reduce' });
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
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

  it('pegawai signs in and sees the home page in Indonesian', async () => {
    pegawai = await newPage();
    await login(pegawai, server.url, 'pegawai');
    await expect.poll(() => pegawai.locator('h1').textContent()).toMatch(/Halo/);
    await expect.poll(() => pegawai.locator('.stats .stat').count()).toBeGreaterThan(0);
    expect(await pegawai.locator('html').getAttribute('lang')).toBe('id');
    await shot(pegawai, '01-pegawai-home');
  });

  it('pegawai checks an abusive, partisan draft: highlights in place, explanations, copy blocked', async () => {
    await nav(pegawai, 'Cek sebelum unggah');
    await pegawai.locator('#draft').fill(ABUSIVE_PARTISAN);
    const findings = pegawai.getByTestId('finding');
    await expect.poll(() => findings.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => pegawai.locator('[data-testid=highlights] mark').count()).toBeGreaterThan(0);
    const marked = await pegawai.locator('[data-testid=highlights] mark').allTextContents();
    for (const m of marked) expect(ABUSIVE_PARTISAN).toContain(m);
    const categories = await findings.evaluateAll((els) => els.map((e) => e.getAttribute('data-category')));
    expect(categories.some((c) => c === 'abusive' || c === 'partisanship')).toBe(true);
    // Each card explains itself: an Indonesian message and its guideline reference.
    expect((await findings.first().locator('.finding-msg').textContent())?.trim().length).toBeGreaterThan(0);
    await expect.poll(() => pegawai.locator('.finding-refs').count()).toBeGreaterThan(0);
    expect(await pegawai.getByTestId('check-status').textContent()).toMatch(/temuan/);
    expect(await pegawai.getByTestId('copy').isDisabled()).toBe(true);
    expect(await pegawai.getByTestId('counter').textContent()).toMatch(/\/ 280/);
    await shot(pegawai, '02-pegawai-check-findings');
    // Share it with the supervisor (voluntary), so the dashboard has something to show.
    await pegawai.getByRole('button', { name: 'Bagikan temuan ke atasan' }).click();
    await pegawai.getByText('Temuan dibagikan ke atasan.').waitFor();
  });

  it('pegawai clears the draft, writes a clean one and can copy it', async () => {
    await pegawai.getByRole('button', { name: 'Kosongkan' }).click();
    await pegawai.locator('#draft').fill(CLEAN);
    await expect.poll(() => pegawai.getByTestId('check-status').textContent()).toMatch(/Tidak ada temuan/);
    expect(await pegawai.locator('[data-testid=highlights] mark').count()).toBe(0);
    const copy = pegawai.getByTestId('copy');
    await expect.poll(() => copy.isEnabled()).toBe(true);
    await copy.click();
    await expect.poll(() => copy.textContent()).toMatch(/Tersalin/);
    await shot(pegawai, '03-pegawai-check-clean');
  });

  it('pegawai registers an account named after the ministry and sees the account-name finding', async () => {
    await nav(pegawai, 'Akun saya');
    const form = pegawai.getByTestId('account-form');
    await form.locator('select[name=platform]').selectOption('instagram');
    await form.locator('input[name=handle]').fill('kemenkeu_budi');
    await form.locator('input[name=displayName]').fill('Budi Santoso');
    await form.getByRole('button', { name: 'Daftarkan' }).click();
    const item = pegawai.locator('[data-testid=accounts] li.account', { hasText: 'kemenkeu_budi' });
    await item.waitFor();
    await expect.poll(() => item.locator('[data-testid=finding][data-category=account-name]').count()).toBeGreaterThan(0);
    await item.scrollIntoViewIfNeeded();
    await shot(pegawai, '04-pegawai-accounts');
  });

  it('pegawai records a self-check', async () => {
    const form = pegawai.getByTestId('selfcheck-form');
    for (const name of ['twoFactor', 'passwordChanged', 'displayNameOk', 'postsReviewed']) await form.locator(`input[name=${name}]`).check();
    await form.getByRole('button', { name: 'Catat cek mandiri' }).click();
    await pegawai.getByText('Cek mandiri tercatat.').waitFor();
    await expect.poll(() => pegawai.locator('#selfcheck table tbody tr').count()).toBeGreaterThan(0);
    await pegawai.locator('#selfcheck').scrollIntoViewIfNeeded();
    await shot(pegawai, '05-pegawai-selfcheck');
  });

  it('pegawai sees what the supervisor can see and the access log', async () => {
    await nav(pegawai, 'Yang dilihat atasan');
    await expect.poll(() => pegawai.locator('.checklist-view li').count()).toBeGreaterThan(0);
    await pegawai.getByRole('heading', { name: 'Log akses ke data saya' }).waitFor();
    await shot(pegawai, '06-pegawai-privacy');
  });

  it('pegawai audits an X archive: live progress, report with chart and filters, CSV link, share the summary', async (ctx) => {
    await nav(pegawai, 'Jejak digital');
    await pegawai.getByTestId('audit-upload').waitFor();
    // The upload route answers 400/403 to an empty POST once the audit backend is there, 404 before.
    const probe = await pegawai.evaluate(async () => (await fetch('/api/v1/me/audits', { method: 'POST' })).status);
    if (probe === 404) {
      console.warn('[e2e] footprint-audit routes are not registered: audit scenario skipped');
      ctx.skip();
    }
    const dir = mkdtempSync(join(tmpdir(), 'bijak-e2e-archive-'));
    try {
      const texts = ['Dasar bangsat semua pejabat itu', 'Selamat pagi, semoga harimu menyenangkan', 'Ayo coblos nomor 2 pada pemilu nanti, kampanye bersama!'];
      const tweets = texts.map((text, i) => ({ id: String(1_770_000_000_000_000_000n + BigInt(i)), text, date: `202${i + 3}-0${i + 3}-1${i}T10:00:00Z` }));
      const zip = writeZip(join(dir, 'twitter-arsip.zip'), xArchive({ username: 'pegawai_e2e', tweets }));
      await pegawai.getByTestId('audit-upload').locator('input[type=file]').setInputFiles(zip);
      await pegawai.getByTestId('audit-upload').getByRole('button', { name: 'Unggah dan mulai audit' }).click();
      const progress = pegawai.getByTestId('audit-progress');
      await progress.getByText(/Selesai/).waitFor({ timeout: 30_000 });
      await shot(pegawai, '07-pegawai-footprint');
      await progress.getByRole('link', { name: 'Buka laporan' }).click();
      await pegawai.getByRole('heading', { level: 1, name: 'Laporan jejak digital' }).waitFor();
      const rows = pegawai.locator('table.posts tbody tr');
      await expect.poll(() => rows.count()).toBeGreaterThan(0);
      expect(await pegawai.locator('.chart-box canvas').count()).toBeGreaterThan(0);
      expect(await pegawai.getByRole('link', { name: 'Unduh CSV' }).getAttribute('href')).toMatch(/\/report\.csv$/);
      const all = await rows.count();
      await pegawai.getByTestId('filter-category').selectOption('partisanship');
      await expect.poll(() => rows.count()).toBeLessThanOrEqual(all);
      await pegawai.getByTestId('filter-category').selectOption('');
      await pegawai.getByTestId('audit-share').check();
      await expect.poll(() => pegawai.getByTestId('audit-share').isChecked()).toBe(true);
      await shot(pegawai, '07b-pegawai-footprint-report');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('atasan sees the dashboard of their unit with charts and opens an employee', async () => {
    const page = await newPage();
    await login(page, server.url, 'atasan');
    supervisorName = (await page.evaluate(async () => (await (await fetch('/api/v1/auth/me')).json()).user.name)) as string;
    await nav(page, 'Dasbor unit');
    await page.getByTestId('dash-stats').waitFor();
    await page.getByTestId('chart-time').waitFor();
    await page.getByTestId('chart-category').waitFor();
    const employees = page.getByTestId('employees');
    await employees.waitFor();
    const names = await employees.locator('tbody tr td:first-child').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    // Nothing of other units: pegawai2 works at Bea dan Cukai, outside the supervisor's tree.
    expect(await employees.textContent()).not.toContain('Bea dan Cukai');
    await shot(page, '08-atasan-dashboard');
    // The employee we signed in as works in a sub-unit of the supervisor's unit.
    const me = await pegawai.evaluate(async () => (await (await fetch('/api/v1/auth/me')).json()).user);
    expect(names).toContain(me.name);
    await employees.getByRole('link', { name: me.name }).click();
    await page.getByRole('heading', { level: 1, name: me.name }).waitFor();
    await page.locator('.alert.info').waitFor();
    await shot(page, '09-atasan-employee');
  });

  it("the employee's access log shows the supervisor's view", async () => {
    await nav(pegawai, 'Yang dilihat atasan');
    const log = pegawai.getByTestId('access-log');
    await log.waitFor();
    await expect.poll(() => log.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await log.textContent()).toContain(supervisorName);
    expect(await log.textContent()).toContain('melihat rincian pegawai');
    await shot(pegawai, '10-pegawai-access-log');
  });

  it('admin manages users (CSV import) and units', async () => {
    const page = await newPage();
    await login(page, server.url, 'admin');
    await nav(page, 'Pengguna');
    await page.getByTestId('users').waitFor();
    expect(await page.getByTestId('users').textContent()).toContain('pegawai2');
    const units = await page.evaluate(async () => (await (await fetch('/api/v1/admin/units')).json()) as Array<{ code: string }>);
    const csv = `username,name,role,unit_code,password\ne2e.budi,Budi Impor,pegawai,${units[units.length - 1].code},Sandi-Kuat-2026\ne2e.rina,Rina Impor,pegawai,${units[0].code},Sandi-Kuat-2026\n`;
    const form = page.getByTestId('csv-import');
    await form.locator('textarea[name=csv]').fill(csv);
    await form.getByRole('button', { name: 'Impor' }).click();
    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('import-result').textContent()).toMatch(/2 dibuat/);
    await expect.poll(() => page.getByTestId('users').textContent()).toContain('e2e.budi');
    await shot(page, '11-admin-users');
    await nav(page, 'Unit organisasi');
    await expect.poll(() => page.locator('[data-testid=units] .tree-row').count()).toBeGreaterThan(1);
    await shot(page, '12-admin-units');
  });

  it('admin edits the policy: an invalid value names the field, a valid change makes a new version; then the audit log', async () => {
    const page = contexts[contexts.length - 1].pages()[0];
    await nav(page, 'Kebijakan');
    const versionText = page.getByTestId('policy-version');
    await versionText.waitFor();
    const before = Number((await versionText.textContent())?.match(/v(\d+)/)?.[1]);
    const interval = page.locator('input[name=selfCheckIntervalDays]');
    await interval.fill('0');
    await page.getByTestId('policy-save').click();
    const alert = page.locator('.sticky-actions [role=alert]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('selfCheckIntervalDays');
    expect(await interval.getAttribute('aria-invalid')).toBe('true');
    await shot(page, '13-admin-policy-invalid');
    await interval.fill('60');
    await page.getByTestId('policy-save').click();
    await page.getByTestId('policy-saved').waitFor();
    await expect.poll(() => versionText.textContent()).toContain(`v${before + 1}`);
    await expect.poll(() => page.locator('[data-testid=policy-versions] tbody tr').first().textContent()).toContain(`v${before + 1}`);
    await shot(page, '14-admin-policy-saved');
    await nav(page, 'Log audit');
    const log = page.getByTestId('audit-log');
    await log.waitFor();
    await expect.poll(() => log.locator('tbody tr').count()).toBeGreaterThan(0);
    await shot(page, '15-admin-audit-log');
  });

  it('humas sees the policy page and may edit only the official accounts and the election file', async () => {
    const page = await newPage();
    await login(page, server.url, 'humas');
    expect(await page.locator('#mainnav').getByRole('link', { name: 'Pengguna' }).count()).toBe(0);
    await nav(page, 'Kebijakan');
    await page.getByTestId('official-accounts').waitFor();
    expect(await page.locator('input[name=selfCheckIntervalDays]').isDisabled()).toBe(true);
    expect(
      await page
        .getByTestId('official-accounts')
        .getByRole('button', { name: /Tambah baris/ })
        .isEnabled(),
    ).toBe(true);
    await shot(page, '16-humas-policy');
  });

  it('the English switch translates the interface and the findings', async () => {
    await nav(pegawai, 'Cek sebelum unggah');
    await pegawai.getByTestId('lang-en').click();
    await pegawai.getByRole('heading', { level: 1, name: 'Check before posting' }).waitFor();
    expect(await pegawai.locator('html').getAttribute('lang')).toBe('en');
    await pegawai.locator('#draft').fill(ABUSIVE_PARTISAN);
    await expect.poll(() => pegawai.getByTestId('finding').count()).toBeGreaterThan(0);
    expect(await pegawai.getByTestId('check-status').textContent()).toMatch(/findings?/);
    await shot(pegawai, '17-pegawai-check-english');
    await pegawai.getByRole('button', { name: 'ID', exact: true }).click();
    await pegawai.getByRole('heading', { level: 1, name: 'Cek sebelum unggah' }).waitFor();
  });

  it('the check page works on a phone-sized screen', async () => {
    const page = await newPage(390, 844);
    await login(page, server.url, 'pegawai2');
    await page.getByRole('button', { name: 'Menu' }).click();
    await nav(page, 'Cek sebelum unggah');
    await page.locator('#draft').fill(ABUSIVE_PARTISAN);
    await expect.poll(() => page.getByTestId('finding').count()).toBeGreaterThan(0);
    await shot(page, '18-mobile-check');
  });
});
