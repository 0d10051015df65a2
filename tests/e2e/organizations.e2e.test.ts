// End-to-end, organisations (issue 12): the demo admin (a super-admin) creates an agency on the organisations page;
// its first admin logs in with the agency's code and sees only their own organisation (one unit, one user), and no
// organisations page. Screenshot in test-results/e2e/.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, DEMO_PASSWORD, ensureBuilt, launchBrowser, login, type RunningServer, shot, startServer } from './helpers';

const chromium = chromiumPath();
if (!chromium) console.warn('[e2e organisations] SKIPPED: no Chromium binary found (set CHROMIUM_PATH or install Debian\'s "chromium" package).');

describe.skipIf(!chromium)('organisations end to end (headless Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function newPage(): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta', reducedMotion: 'reduce' });
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

  it('a super-admin creates an agency; its admin logs in with the agency code and sees only that agency', async () => {
    const page = await newPage();
    await login(page, server.url, 'admin');
    await page.locator('#mainnav').getByRole('link', { name: 'Organisasi', exact: true }).click();
    await expect.poll(() => page.getByTestId('organizations').textContent()).toContain('Kementerian Keuangan');
    const form = page.locator('form.stack');
    await form.locator('input[name=code]').fill('kemendagri');
    await form.locator('input[name=name]').fill('Kementerian Dalam Negeri');
    await form.locator('input[name=unitCode]').fill('KEMENDAGRI');
    await form.locator('input[name=unitName]').fill('Kementerian Dalam Negeri');
    await form.locator('input[name=adminUsername]').fill('admin');
    await form.locator('input[name=adminName]').fill('Admin Dagri');
    await form.locator('input[name=adminPassword]').fill(`${DEMO_PASSWORD}-dagri`);
    await form.locator('button[type=submit]').click();
    await page.getByTestId('org-created').waitFor();
    await expect.poll(() => page.getByTestId('organizations').textContent()).toContain('Kementerian Dalam Negeri');
    await shot(page, 'organizations-1280');

    // the same username in another organisation: the organisation code picks it
    const other = await newPage();
    await other.goto(`${server.url}/`);
    await other.getByLabel(/Nama pengguna|Username/).fill('admin');
    await other.getByLabel(/Kata sandi|Password/).fill(`${DEMO_PASSWORD}-dagri`);
    await other.getByLabel(/Kode organisasi|Organisation code/).fill('kemendagri');
    await other.locator('form.login button[type=submit]').click();
    await other.locator('#mainnav').waitFor({ state: 'attached' });
    expect(await other.locator('#mainnav').getByRole('link', { name: 'Organisasi', exact: true }).count()).toBe(0);
    const seen = await other.evaluate(async () => ({
      units: (await (await fetch('/api/v1/admin/units')).json()) as Array<{ code: string }>,
      users: (await (await fetch('/api/v1/admin/users')).json()) as Array<{ username: string }>,
      orgs: (await fetch('/api/v1/organizations')).status,
    }));
    expect(seen.units.map((u) => u.code)).toEqual(['KEMENDAGRI']);
    expect(seen.users.map((u) => u.username)).toEqual(['admin']);
    expect(seen.orgs).toBe(403);
  });
});
