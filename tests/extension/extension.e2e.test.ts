// The built extension in Debian's Chromium on fixture pages of every editor kind: a breach gets an underline under
// the right words and a tooltip with the reason; "apply" fixes the text through the editor's input path so the
// editor's own model has the fix; clean text shows nothing; switching the site off in the options page stops it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../src/core/index';
import { chromiumPath, editorLocator, type Harness, launchWithExtension, underlines } from './helpers';

const chromium = chromiumPath();
if (!chromium) console.warn('[extension] SKIPPED: no Chromium binary (set CHROMIUM_PATH or install Debian\'s "chromium"; .ci/run installs it).');

const KINDS = ['textarea', 'plain', 'draft', 'lexical', 'quill', 'shadow'] as const;
const BREACH = 'Dasar goblok lu';
const CLEAN = 'Selamat pagi rekan-rekan, semangat bekerja hari ini 😀';

/** Where the words [start, end) of the editor's first line should be: content-box left + canvas text widths. */
async function expectedBox(page: Page, kind: string, text: string, start: number, end: number): Promise<{ left: number; width: number }> {
  return page.evaluate(
    ({ kind, text, start, end }) => {
      const host = document.getElementById('editor')!;
      const el = kind === 'shadow' ? (host.shadowRoot!.getElementById('inner') as HTMLElement) : host;
      const cs = getComputedStyle(el);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const r = el.getBoundingClientRect();
      const left = r.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft) + ctx.measureText(text.slice(0, start)).width;
      return { left, width: ctx.measureText(text.slice(start, end)).width };
    },
    { kind, text, start, end },
  );
}

async function editorText(page: Page, kind: string): Promise<string> {
  return editorLocator(page, kind).evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : (el as HTMLElement).innerText.replace(/\n$/, '')));
}

async function model(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { fixtureModel: () => string }).fixtureModel());
}

describe.skipIf(!chromium)('browser extension on fixture editors (Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launchWithExtension(chromium!);
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const kind of KINDS) {
    it(`${kind}: underline at the right words, tooltip, apply through the editor, clean text shows nothing`, async () => {
      const page = await h.open(kind);
      const ed = editorLocator(page, kind);
      await ed.click();
      await page.keyboard.type(BREACH, { delay: 10 });
      await expect.poll(() => model(page)).toBe(BREACH);

      await expect.poll(async () => (await underlines(page)).map((u) => `${u.rule}@${u.start}-${u.end}`)).toEqual(['abusive/profanity@6-12']);
      const [u] = await underlines(page);
      const want = await expectedBox(page, kind, BREACH, 6, 12);
      expect(Math.abs(u.left - want.left)).toBeLessThan(3);
      expect(Math.abs(u.width - want.width)).toBeLessThan(3);
      const edBox = (await ed.boundingBox())!;
      expect(u.top).toBeGreaterThan(edBox.y);
      expect(u.top).toBeLessThan(edBox.y + 40); // first line

      // the badge counts the findings
      const badge = page.locator('bijak-overlay .badge');
      await expect.poll(() => badge.textContent()).toBe('1');

      // hovering the word shows the reason in Indonesian (the browser is id-ID), the reference and the suggestion
      await page.mouse.move(u.left + u.width / 2, u.top - 6);
      const tip = page.locator('bijak-overlay .tip');
      await expect.poll(() => tip.locator('.msg').textContent()).toContain('"goblok" termasuk kata kasar');
      expect(await tip.locator('.ref').textContent()).toContain('SE-16/MK.01/2018');
      expect(await tip.locator('.sug').first().textContent()).toMatch(/^Saran: /);

      // apply: the editor's own model sees the fix
      await tip.locator('button.apply').click();
      await expect.poll(() => model(page)).toBe('Dasar lu');
      expect(await editorText(page, kind)).toBe('Dasar lu');
      await expect.poll(async () => (await underlines(page)).length).toBe(0);
      await expect.poll(() => badge.isVisible()).toBe(false);

      // clean text: nothing drawn
      await page.keyboard.press('Control+A');
      await page.keyboard.type(CLEAN, { delay: 5 });
      await expect.poll(() => model(page)).toBe(CLEAN);
      // drawn for the whole clean text with no check in flight
      await expect.poll(() => page.locator('bijak-overlay').getAttribute('data-rev')).toMatch(new RegExp(`:${CLEAN.length}:0$`));
      expect(await underlines(page)).toEqual([]);
      await page.close();
    });
  }

  it('keyboard: Alt+Shift+B opens the finding at the caret with the focus on "apply", Enter applies it', async () => {
    const page = await h.open('draft');
    await editorLocator(page, 'draft').click();
    await page.keyboard.type('Pagi semua. Dasar goblok lu', { delay: 5 });
    await expect.poll(async () => (await underlines(page)).length).toBe(1);
    await page.keyboard.press('Alt+Shift+B');
    const focused = () => page.evaluate(() => document.querySelector('bijak-overlay')?.shadowRoot?.activeElement?.className ?? '');
    await expect.poll(focused).toContain('apply');
    await page.keyboard.press('Enter');
    await expect.poll(() => model(page)).toBe('Pagi semua. Dasar lu');
    await page.close();
  });

  it('profile fields get the account checks (display name, bio); a search box is not checked', async () => {
    const page = await h.open('profile');
    await page.locator('#search').click();
    await page.keyboard.type('Dasar goblok lu', { delay: 5 });
    await page.locator('#editor').click();
    await page.keyboard.type('Kemenkeu RI Official', { delay: 5 });
    await expect.poll(async () => (await underlines(page)).map((u) => `${u.rule}@${u.start}-${u.end}`)).toEqual(['account-name/institution@0-11']);
    await page.locator('#bio').click();
    await page.keyboard.type('Pegawai DJP. Dasar goblok', { delay: 5 });
    await expect
      .poll(async () => (await underlines(page)).map((u) => `${u.rule}@${u.start}-${u.end}`).sort())
      .toEqual(['abusive/profanity@19-25', 'account-name/institution@0-11']);
    await page.close();
  });

  it('the caret inside flagged words shows the reason (focus, not only hover)', async () => {
    const page = await h.open('textarea');
    await editorLocator(page, 'textarea').click();
    await page.keyboard.type(BREACH, { delay: 5 });
    await expect.poll(async () => (await underlines(page)).length).toBe(1);
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft'); // caret inside "goblok"
    await expect.poll(() => page.locator('bijak-overlay .tip .msg').textContent()).toContain('goblok');
    await page.close();
  });

  it("the organisation's policy, once fetched, is what the worker checks with (here: coarse words become errors)", async () => {
    const page = await h.open('lexical');
    await editorLocator(page, 'lexical').click();
    await page.keyboard.type(BREACH, { delay: 5 });
    await expect.poll(async () => (await underlines(page)).map((u) => u.severity)).toEqual(['warning']);
    // what a sign-in stores: the workspace and the policy it served (GET /api/v1/policy)
    const policy = { ...DEFAULT_POLICY, categories: { ...DEFAULT_POLICY.categories, abusive: { enabled: true, severity: 'error' } } };
    await h.worker.evaluate(async (policy) => {
      await chrome.storage.local.set({
        settings: { paused: false, disabledSites: [], workspaceUrl: 'https://bijak.contoh.go.id', lang: 'auto' },
        orgPolicy: { workspaceUrl: 'https://bijak.contoh.go.id', version: 7, policy, fetchedAt: new Date().toISOString() },
      });
    }, policy);
    await page.keyboard.type(' ya', { delay: 5 });
    await expect.poll(async () => (await underlines(page)).map((u) => u.severity)).toEqual(['error']);
    // signed out: back to the default policy
    await h.worker.evaluate(async () => {
      await chrome.storage.local.remove('orgPolicy');
      await chrome.storage.local.set({ settings: { paused: false, disabledSites: [], workspaceUrl: '', lang: 'auto' } });
    });
    await page.keyboard.type('!', { delay: 5 });
    await expect.poll(async () => (await underlines(page)).map((u) => u.severity)).toEqual(['warning']);
    await page.close();
  });

  it('explanations are in English when the language is set to English', async () => {
    await h.worker.evaluate(() => chrome.storage.local.set({ settings: { paused: false, disabledSites: [], workspaceUrl: '', lang: 'en' } }));
    const page = await h.open('quill');
    await editorLocator(page, 'quill').click();
    await page.keyboard.type(BREACH, { delay: 5 });
    await expect.poll(async () => (await underlines(page)).length).toBe(1);
    await page.keyboard.press('Alt+Shift+B');
    await expect.poll(() => page.locator('bijak-overlay .tip .msg').textContent()).toContain('"goblok" is a coarse word');
    expect(await page.locator('bijak-overlay .tip button.apply').textContent()).toBe('Remove «goblok»');
    await h.worker.evaluate(() => chrome.storage.local.set({ settings: { paused: false, disabledSites: [], workspaceUrl: '', lang: 'auto' } }));
    await page.close();
  });

  it('switching a site off in the options page stops checking there, and the other sites keep checking', async () => {
    const opts = await h.context.newPage();
    await opts.goto(`chrome-extension://${h.extensionId}/options.html`);
    const box = opts.locator('#site-x');
    await expect.poll(() => box.isChecked()).toBe(true);
    await box.uncheck();
    await expect
      .poll(() =>
        h.worker.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { disabledSites?: string[] } | undefined)?.disabledSites),
      )
      .toEqual(['x']);

    const page = await h.open('draft'); // x.com
    await editorLocator(page, 'draft').click();
    await page.keyboard.type(BREACH, { delay: 10 });
    await expect.poll(() => model(page)).toBe(BREACH);
    await page.waitForTimeout(500);
    expect(await underlines(page)).toEqual([]);

    const other = await h.open('lexical'); // facebook.com is still on
    await editorLocator(other, 'lexical').click();
    await other.keyboard.type(BREACH, { delay: 10 });
    await expect.poll(async () => (await underlines(other)).length).toBe(1);

    // switching x back on checks the text already there
    await box.check();
    await page.bringToFront();
    await expect.poll(async () => (await underlines(page)).length).toBe(1);
    // pause stops every site at once
    await opts.locator('#paused').check();
    await expect.poll(async () => (await underlines(other)).length).toBe(0);
    await opts.locator('#paused').uncheck();
    await Promise.all([page.close(), other.close(), opts.close()]);
  });
});
