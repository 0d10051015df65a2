// Editor adapters, one by one, in Chromium (no extension): the text each adapter reads equals the editor's own model,
// and range -> rectangles lands on the right glyphs with emoji (surrogate pairs, a skin-tone sequence) and multi-line
// text. Expected positions come from an independent measure: the editor's content box plus canvas text widths in
// the editor's font, and the line height.
import { join } from 'node:path';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, editorLocator, ROOT, serveFixtures } from './helpers';

const exe = chromiumPath();
if (!exe) console.warn('[extension adapters] SKIPPED: no Chromium binary (set CHROMIUM_PATH or install Debian\'s "chromium").');

const KINDS = ['textarea', 'plain', 'draft', 'lexical', 'quill', 'shadow'] as const;
const LINE1 = 'Halo 😀 dunia';
const LINE2 = 'baris kedua goblok 👍🏽 lagi';
const TEXT = `${LINE1}\n${LINE2}`;

interface B {
  left: number;
  top: number;
  width: number;
  height: number;
}

describe.skipIf(!exe)('editor adapters: range -> rectangles (Chromium)', () => {
  let browser: Browser;
  let fx: { url: string; close: () => Promise<void> };
  let bundle = '';

  beforeAll(async () => {
    const out = await build({
      entryPoints: [join(ROOT, 'extension/src/content/adapters.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'BijakAdapters',
      write: false,
      target: 'chrome111',
    });
    bundle = out.outputFiles[0].text;
    fx = await serveFixtures();
    browser = await chromium.launch({
      executablePath: exe!,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await fx?.close();
  });

  async function open(kind: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 900, height: 600 } });
    await page.goto(`${fx.url}/${kind}.html`);
    await page.waitForFunction(() => typeof (window as unknown as { fixtureModel?: unknown }).fixtureModel === 'function');
    await page.addScriptTag({ content: bundle });
    return page;
  }

  /** Runs the adapter of the fixture's editor in the page. */
  function boxes(page: Page, kind: string, start: number, end: number): Promise<B[]> {
    return page.evaluate(
      ({ kind, start, end }) => {
        const A = (window as unknown as { BijakAdapters: typeof import('../../extension/src/content/adapters') }).BijakAdapters;
        const host = document.getElementById('editor')!;
        const el = kind === 'shadow' ? (host.shadowRoot!.getElementById('inner') as HTMLElement) : host;
        return A.adapterFor(A.editableRoot(el)!).boxes(start, end);
      },
      { kind, start, end },
    );
  }

  /** Content-box origin of the editor, its line height, and canvas widths of the given strings in its font. */
  function measure(page: Page, kind: string, strings: string[]): Promise<{ left: number; top: number; line: number; w: number[] }> {
    return page.evaluate(
      ({ kind, strings }) => {
        const host = document.getElementById('editor')!;
        const el = kind === 'shadow' ? (host.shadowRoot!.getElementById('inner') as HTMLElement) : host;
        const cs = getComputedStyle(el);
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
        const r = el.getBoundingClientRect();
        return {
          left: r.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft),
          top: r.top + parseFloat(cs.borderTopWidth) + parseFloat(cs.paddingTop),
          line: parseFloat(cs.lineHeight),
          w: strings.map((s) => ctx.measureText(s).width),
        };
      },
      { kind, strings },
    );
  }

  for (const kind of KINDS) {
    it(`${kind}: text equals the editor's model; boxes of emoji, words after emoji, second-line words and a two-line range`, async () => {
      const page = await open(kind);
      await editorLocator(page, kind).click();
      await page.keyboard.type(LINE1);
      await page.keyboard.press('Enter');
      await page.keyboard.type(LINE2);
      expect(await page.evaluate(() => (window as unknown as { fixtureModel: () => string }).fixtureModel())).toBe(TEXT);
      const text = await page.evaluate((kind) => {
        const A = (window as unknown as { BijakAdapters: typeof import('../../extension/src/content/adapters') }).BijakAdapters;
        const host = document.getElementById('editor')!;
        const el = kind === 'shadow' ? (host.shadowRoot!.getElementById('inner') as HTMLElement) : host;
        return A.adapterFor(A.editableRoot(el)!).text();
      }, kind);
      expect(text).toBe(TEXT);

      const m = await measure(page, kind, ['Halo ', '😀', 'Halo 😀 ', 'dunia', 'baris kedua ', 'goblok', 'baris kedua goblok ', '👍🏽']);
      const near = (a: number, b: number, tol = 2.5) => expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThan(tol);

      // the emoji itself (a surrogate pair, UTF-16 [5, 7))
      const emoji = await boxes(page, kind, 5, 7);
      expect(emoji).toHaveLength(1);
      near(emoji[0].left, m.left + m.w[0]);
      near(emoji[0].width, m.w[1]);

      // a word after the emoji on line 1
      const s1 = TEXT.indexOf('dunia');
      const dunia = await boxes(page, kind, s1, s1 + 5);
      expect(dunia).toHaveLength(1);
      near(dunia[0].left, m.left + m.w[2]);
      near(dunia[0].width, m.w[3]);
      near(dunia[0].top, m.top, 4);

      // a word on line 2
      const s2 = TEXT.indexOf('goblok');
      const gob = await boxes(page, kind, s2, s2 + 6);
      expect(gob).toHaveLength(1);
      near(gob[0].left, m.left + m.w[4]);
      near(gob[0].width, m.w[5]);
      near(gob[0].top - dunia[0].top, m.line);

      // an emoji with a skin-tone modifier (two surrogate pairs) on line 2
      const s3 = TEXT.indexOf('👍🏽');
      const thumb = await boxes(page, kind, s3, s3 + 4);
      expect(thumb).toHaveLength(1);
      near(thumb[0].left, m.left + m.w[6]);

      // a range over the line break: one box per line
      const two = await boxes(page, kind, s1, s2 + 6);
      expect(two).toHaveLength(2);
      near(two[0].left, m.left + m.w[2]);
      near(two[1].left, m.left);
      near(two[1].left + two[1].width, m.left + m.w[4] + m.w[5]);
      near(two[1].top - two[0].top, m.line);
      await page.close();
    });
  }

  it('textarea: words scrolled out of view get no box, and boxes follow the scroll', async () => {
    const page = await open('textarea');
    const long = Array.from({ length: 30 }, (_, i) => `baris ${i} kata`).join('\n');
    await page.locator('#editor').fill(long);
    await page.locator('#editor').evaluate((el) => (el.scrollTop = 0));
    const s = long.indexOf('baris 0');
    expect(await boxes(page, 'textarea', s, s + 5)).toHaveLength(1);
    const last = long.indexOf('baris 29');
    expect(await boxes(page, 'textarea', last, last + 5)).toHaveLength(0);
    await page.locator('#editor').evaluate((el) => (el.scrollTop = el.scrollHeight));
    expect(await boxes(page, 'textarea', s, s + 5)).toHaveLength(0);
    const after = await boxes(page, 'textarea', last, last + 5);
    expect(after).toHaveLength(1);
    const edBox = (await page.locator('#editor').boundingBox())!;
    expect(after[0].top + after[0].height).toBeLessThanOrEqual(edBox.y + edBox.height);
    await page.close();
  });

  it('contenteditable text: <br>, empty paragraphs (Lexical, Quill), empty Draft blocks and nested blocks become newlines', async () => {
    const page = await open('plain');
    const cases: Array<[string, string]> = [
      ['<p>a</p><p><br></p><p>b</p>', 'a\n\nb'],
      ['<div>a<br>b</div>', 'a\nb'],
      ['a<br>b<br>', 'a\nb'],
      [
        '<div data-contents="true"><div data-block="true"><div><span><span data-text="true">a</span></span></div></div><div data-block="true"><div><span><br data-text="true"></span></div></div><div data-block="true"><div><span><span data-text="true">b 😀</span></span></div></div></div>',
        'a\n\nb 😀',
      ],
      ['<ul><li>satu</li><li>dua</li></ul><p>tiga</p>', 'satu\ndua\ntiga'],
      ['<p><span>Da</span><b>sar</b> goblok</p>', 'Dasar goblok'],
    ];
    for (const [html, want] of cases) {
      const got = await page.evaluate((html) => {
        const A = (window as unknown as { BijakAdapters: typeof import('../../extension/src/content/adapters') }).BijakAdapters;
        const d = document.createElement('div');
        d.contentEditable = 'true';
        d.innerHTML = html;
        document.body.append(d);
        const t = A.readText(d).text;
        d.remove();
        return t;
      }, html);
      expect(got, html).toBe(want);
    }
    await page.close();
  });
});
