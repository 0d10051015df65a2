// Helpers of the extension tests: the fixture pages from a local HTTP server, the built extension loaded into
// Debian's Chromium (persistent context, --headless=new), and the platform hosts routed to the fixture server so the
// content script's host matching is the shipped one.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { buildExtension } from '../../extension/build.js';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const FIXTURES = join(ROOT, 'tests/extension/fixtures');

export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  return candidates.find((p) => existsSync(p)) ?? null;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves tests/extension/fixtures on 127.0.0.1 at a free port. */
export async function serveFixtures(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '');
    const file = join(FIXTURES, path);
    if (!file.startsWith(FIXTURES)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** Which platform host each fixture is opened at (content scripts only run on the listed sites). */
export const FIXTURE_HOSTS: Record<string, string> = {
  textarea: 'https://twitter.com',
  draft: 'https://x.com',
  lexical: 'https://www.facebook.com',
  quill: 'https://www.linkedin.com',
  plain: 'https://web.whatsapp.com',
  shadow: 'https://www.threads.net',
  profile: 'https://www.instagram.com',
};

export interface Harness {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  fixtures: string;
  open(kind: string): Promise<Page>;
  close(): Promise<void>;
}

/** Builds the extension into a temporary folder and launches Chromium with it loaded. */
export async function launchWithExtension(executablePath: string, opts: { grantHosts?: string[] } = {}): Promise<Harness> {
  const extDir = mkdtempSync(join(tmpdir(), 'bijak-ext-'));
  const profile = mkdtempSync(join(tmpdir(), 'bijak-ext-profile-'));
  await buildExtension({ out: extDir, zip: false, grantHosts: opts.grantHosts });
  const fx = await serveFixtures();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: false, // --headless=new below: the new headless mode runs extensions
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--headless=new',
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: { width: 1000, height: 700 },
    locale: 'id-ID',
  });
  // the platform hosts are answered by the fixture server, nothing goes to the real sites
  await context.route(/^https:\/\/([a-z0-9-]+\.)*(x|twitter|facebook|instagram|linkedin|threads|whatsapp)\.(com|net)\//, async (route) => {
    const u = new URL(route.request().url());
    const response = await route.fetch({ url: `${fx.url}${u.pathname}` });
    await route.fulfill({ response });
  });
  let worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  worker ??= await context.waitForEvent('serviceworker', { timeout: 20_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    fixtures: fx.url,
    async open(kind: string) {
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      page.on('pageerror', (e) => console.error(`[${kind} page error]`, e.message));
      await page.goto(`${FIXTURE_HOSTS[kind]}/${kind}.html`);
      await page.waitForFunction(() => typeof (window as unknown as { fixtureModel?: unknown }).fixtureModel === 'function');
      return page;
    },
    async close() {
      await context.close().catch(() => {});
      await fx.close();
      rmSync(extDir, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The editable element of a fixture (inside the shadow root for the shadow-DOM editor). */
export function editorLocator(page: Page, kind: string) {
  return kind === 'shadow' ? page.locator('shadow-editor #inner') : page.locator('#editor');
}

/** Underlines currently drawn by the extension: their boxes and finding ranges. */
export async function underlines(
  page: Page,
): Promise<Array<{ rule: string; severity: string; start: number; end: number; left: number; top: number; width: number }>> {
  return page.evaluate(() => {
    const host = document.querySelector('bijak-overlay');
    if (!host?.shadowRoot) return [];
    return Array.from(host.shadowRoot.querySelectorAll<HTMLElement>('.u'))
      .filter((d) => d.style.display !== 'none')
      .map((d) => {
        const r = d.getBoundingClientRect();
        return {
          rule: d.dataset.rule ?? '',
          severity: d.classList[1] ?? '',
          start: Number(d.dataset.start),
          end: Number(d.dataset.end),
          left: r.left,
          top: r.top,
          width: r.width,
        };
      });
  });
}
