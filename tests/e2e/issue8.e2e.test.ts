// End-to-end for issue 8 (false alarms, big audit reports, messages, one contract): the real server and web app in
// headless Chromium. Screenshots of every page touched, at 1280 px and 390 px, go to tests/e2e/screenshots/.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_PLATFORMS } from '../../src/core/contract';
import { writeZip, xArchive } from '../audit/fixtures';
import { chromiumPath, ensureBuilt, launchBrowser, login, nav, ROOT, type RunningServer, startServer } from './helpers';

const chromium = chromiumPath();
if (!chromium) console.warn('[e2e issue 8] SKIPPED: no Chromium binary found (set CHROMIUM_PATH or install Debian\'s "chromium").');

export const SCREENSHOTS = join(ROOT, 'tests/e2e/screenshots');

// a reminder that quotes the rule: flagged as a violation today, the false alarm of the issue
const REMINDER = 'Reminder: jangan tulis coblos nomor 2 ya, ASN harus netral';
const WARNING_ONLY = 'Kata orang, besok hujan deras. Dasar cuaca sialan, bikin macet!';

describe.skipIf(!chromium)('issue 8 end to end (headless Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function newPage(width = 1280, height = 900): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width, height }, locale: 'id-ID', timezoneId: 'Asia/Jakarta', reducedMotion: 'reduce' });
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => console.error('[browser error]', e.message));
    return page;
  }

  /** Full-page screenshot at the page's width and again at 390 px. */
  async function shots(page: Page, name: string, fullPage = true): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const vp = page.viewportSize() ?? { width: 1280, height: 900 };
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-1280.png`), fullPage });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-390.png`), fullPage });
    await page.setViewportSize(vp);
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

  it('item 1: a false alarm can be dismissed with a reason, warnings never block copying, a wrong finding is reported', async () => {
    const page = await newPage();
    await login(page, server.url, 'pegawai');
    await nav(page, 'Cek sebelum unggah');
    await page.locator('#draft').fill(REMINDER);
    const card = page.locator('[data-testid=finding][data-category=partisanship]');
    await card.first().waitFor();
    await expect.poll(() => page.getByTestId('copy').isDisabled()).toBe(true);
    // dismiss the violation with a reason: copying is allowed again, the card shows the reason
    await card.first().getByTestId('dismiss').click();
    await card.first().getByTestId('dismiss-reason').selectOption('quote');
    await card.first().getByTestId('dismiss-confirm').click();
    await expect.poll(() => card.first().getByTestId('dismissed-note').textContent()).toMatch(/mengutip/);
    await expect.poll(() => page.getByTestId('copy').isDisabled()).toBe(false);
    // report it as a wrong finding, with consent to include the text
    await card.first().getByTestId('report').click();
    await card.first().getByTestId('report-comment').fill('Ini pengingat aturan, bukan ajakan.');
    await card.first().getByTestId('report-consent').check();
    await card.first().getByTestId('report-send').click();
    await card.first().getByText('Terima kasih, laporan terkirim ke humas.').waitFor();
    await shots(page, 'i8-01-check-dismissed');
    // warnings only: copy is enabled
    await page.locator('#draft').fill(WARNING_ONLY);
    await expect.poll(() => page.locator('[data-testid=finding]').count()).toBeGreaterThan(0);
    await expect
      .poll(async () => (await page.locator('[data-testid=finding]').evaluateAll((els) => els.map((e) => e.className))).join(' '))
      .not.toMatch(/sev-error/);
    await expect.poll(() => page.getByTestId('copy').isDisabled()).toBe(false);
  });

  it('item 1: humas reviews the report queue and turns a report into a labelled case in one click', async () => {
    const page = await newPage();
    await login(page, server.url, 'humas');
    await nav(page, 'Laporan salah deteksi');
    const item = page.getByTestId('feedback-report').first();
    await item.waitFor();
    expect(await item.textContent()).toContain('coblos nomor 2');
    expect(await item.textContent()).toContain('Siti Rahmawati');
    await shots(page, 'i8-02-feedback-queue');
    await item.getByTestId('label-clean').click();
    await expect.poll(() => page.getByTestId('feedback-report').count()).toBe(0);
    await page.getByTestId('feedback-status').selectOption('labelled');
    await expect.poll(() => page.getByTestId('feedback-report').count()).toBe(1);
    expect(await page.getByTestId('dismissal-counts').textContent()).toContain('partisanship/campaign-call');
    const jsonl = await page.evaluate(async () => (await fetch('/api/v1/feedback/cases.jsonl')).text());
    const line = JSON.parse(jsonl.trim().split('\n')[0]);
    expect(line).toMatchObject({ kind: 'post', text: REMINDER, expect: [] });
  });

  it('items 3 and 8: a big audit report pages, groups, filters and searches on the server; the upload form offers only readable platforms', async () => {
    const page = await newPage();
    await login(page, server.url, 'pegawai');
    await nav(page, 'Jejak digital');
    const form = page.getByTestId('audit-upload');
    await form.waitFor();
    // item 8: the platform choice is the core's audit platform list (no WhatsApp, YouTube or "other")
    const offered = await form.locator('select option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value).filter(Boolean));
    expect(offered).toEqual([...AUDIT_PLATFORMS]);
    const dir = mkdtempSync(join(tmpdir(), 'bijak-e2e-i8-'));
    try {
      // 260 posts over three years: 130 abusive, 78 partisan, 52 clean
      const texts = [
        'Dasar bangsat semua pejabat itu',
        'Ayo coblos nomor 2 pada pemilu nanti, kampanye bersama!',
        'Selamat pagi, semoga harimu menyenangkan',
        'Dasar bangsat, macet lagi',
        'Ayo coblos nomor 2 ya',
      ];
      const tweets = Array.from({ length: 260 }, (_, i) => ({
        id: String(1_770_000_000_000_000_000n + BigInt(i)),
        text: `${texts[i % 5]} #${i}`,
        date: `202${2 + (i % 3)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}T10:00:00Z`,
      }));
      const zip = writeZip(join(dir, 'twitter-arsip.zip'), xArchive({ username: 'pegawai_besar', tweets }));
      await form.locator('input[type=file]').setInputFiles(zip);
      await form.getByRole('button', { name: 'Unggah dan mulai audit' }).click();
      const progress = page.getByTestId('audit-progress');
      await progress.getByText(/Selesai/).waitFor({ timeout: 60_000 });
      await progress.getByRole('link', { name: 'Buka laporan' }).click();
      await page.getByRole('heading', { level: 1, name: 'Laporan jejak digital' }).waitFor();
      const rows = page.getByTestId('post-row');
      await expect.poll(() => rows.count()).toBe(50);
      const flaggedStat = (await page.getByTestId('stat-flagged').textContent()) ?? '';
      const total = Number(flaggedStat.replace(/\D/g, ''));
      expect(total).toBeGreaterThanOrEqual(200);
      // the count under the table agrees with the flagged total (no "5000 of 5000" against "25,061 flagged")
      await expect.poll(() => page.getByTestId('showing').textContent()).toMatch(new RegExp(`1–50 dari ${total}`));
      expect(await page.locator('[data-testid=chart-months]').count()).toBe(1);
      // the top of the page (summary, charts, groups): a full page of 50 rows would be megabytes of PNG
      await shots(page, 'i8-03-audit-report-paged', false);
      await page.getByTestId('next').click();
      await expect.poll(() => page.getByTestId('showing').textContent()).toMatch(/51–100/);
      // group by category: a click filters, and the count matches the group's count
      const partisan = page.getByTestId('group-category').locator('li', { hasText: 'Keberpihakan politik' });
      const groupCount = Number(((await partisan.locator('.count').textContent()) ?? '').replace(/\D/g, ''));
      await partisan.getByRole('button').click();
      await expect.poll(() => page.getByTestId('showing').textContent()).toMatch(new RegExp(`dari ${groupCount} `));
      expect(await page.getByTestId('filter-category').inputValue()).toBe('partisanship');
      // date range from the year/month groups, then search
      await page.getByTestId('group-period').locator('summary').first().click();
      const month = page.getByTestId('group-period').locator('[data-testid^=month-]').first();
      await month.click();
      await expect.poll(async () => (await page.getByTestId('filter-from').inputValue()).length).toBe(10);
      const from = await page.getByTestId('filter-from').inputValue();
      const dates = await rows.locator('td').first().allTextContents();
      expect(dates.length).toBeGreaterThan(0);
      await page.getByTestId('filter-q').fill('#2');
      await expect
        .poll(async () => {
          const texts = await rows.locator('td.post-text').allTextContents();
          return texts.length > 0 && texts.every((t) => /#2\d*\b/.test(t));
        })
        .toBe(true);
      expect(from).toMatch(/^\d{2}\/\d{2}\/202[234]$/); // item 5: dd/mm/yyyy in id-ID, not the browser's format
      await page.getByTestId('sort').selectOption('oldest');
      await shots(page, 'i8-04-audit-report-filtered');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("item 2: a suggestion rewrites the sentence in place; the writer's own donation account is info, masks fit the number", async () => {
    const page = await newPage();
    await login(page, server.url, 'pegawai');
    await nav(page, 'Cek sebelum unggah');
    await page.locator('#draft').fill('Selamat pagi rekan-rekan. Ayo coblos nomor 2! Semangat.');
    const card = page.locator('[data-testid=finding][data-category=partisanship]').first();
    await card.waitFor();
    await card.getByTestId('apply-fix').first().click();
    await expect.poll(() => page.locator('#draft').inputValue()).toBe('Selamat pagi rekan-rekan. Ayo gunakan hak pilih Anda! Semangat.');
    await expect.poll(() => page.getByTestId('check-status').textContent()).toMatch(/Tidak ada temuan/);
    // Siti Rahmawati (the signed-in writer) asks for donations to her own account: info, and copying is allowed
    await page.locator('#draft').fill('Yuk bantu donasi untuk korban banjir, transfer ke rek BCA 1234567890 a.n. Siti Rahmawati. Terima kasih.');
    const pd = page.locator('[data-testid=finding][data-category=personal-data]').first();
    await pd.waitFor();
    await expect.poll(() => pd.getAttribute('class')).toMatch(/sev-info/);
    expect(await pd.locator('.finding-msg').textContent()).toMatch(/atas nama Anda sendiri/);
    await expect.poll(() => page.getByTestId('copy').isDisabled()).toBe(false);
    // someone else's account: an error whose mask looks like an account number, applied in one click
    await page.locator('#draft').fill('Tolong transfer ke rek BCA 1234567890 punya Budi ya');
    const other = page.locator('[data-testid=finding][data-category=personal-data].sev-error').first();
    await other.waitFor();
    expect(await other.locator('.finding-sugg').textContent()).toContain('******7890');
    await shots(page, 'i8-05-check-suggestion-fix');
    await other.getByTestId('apply-fix').first().click();
    await expect.poll(() => page.locator('#draft').inputValue()).toBe('Tolong transfer ke rek BCA ******7890 punya Budi ya');
  });

  it('items 4, 5 and 7: the dashboard shows each shared draft once, stacks its tables as cards at 390 px, numbers and dates in id-ID', async () => {
    const page = await newPage();
    await login(page, server.url, 'atasan');
    await nav(page, 'Dasbor unit');
    const drafts = page.getByTestId('shared-draft');
    await expect.poll(() => drafts.count()).toBeGreaterThan(0);
    // one row per draft: no draft id repeated, and a draft with several findings lists them in one row
    const perRow = await drafts.evaluateAll((els) => els.map((e) => e.querySelectorAll('li').length));
    expect(perRow.some((n) => n > 1)).toBe(true);
    // dates typed as dd/mm/yyyy (the app's language), not the browser's format
    await page.getByTestId('dash-from').fill('01/01/2026');
    await page.getByTestId('dash-from').blur();
    expect(await page.getByTestId('dash-from').getAttribute('aria-invalid')).toBe('false');
    await page.getByTestId('dash-from').fill('');
    await page.getByTestId('dash-from').blur();
    await shots(page, 'i8-06-dashboard');
    await page.setViewportSize({ width: 390, height: 844 });
    // on a phone every cell, the severity badges included, lies within the screen
    const badge = drafts.first().locator('.badge').first();
    await badge.scrollIntoViewIfNeeded();
    const box = await badge.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    const employees = page.getByTestId('employees').locator('tbody tr').first();
    const ebox = await employees.boundingBox();
    expect((ebox?.x ?? 0) + (ebox?.width ?? 0)).toBeLessThanOrEqual(390);
  });
});
