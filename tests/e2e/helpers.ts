// End-to-end helpers: build check, the real server as a child process, headless Chromium via playwright-core.
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const SHOTS = join(ROOT, 'test-results', 'e2e');
export const DEMO_PASSWORD = 'e2e-Demo-Sandi-2026';

/** The Chromium binary to drive, or null when none is installed (the tests then skip). */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** Builds the server and the web app when their output is missing (`npm ci` normally did it through `prepare`). */
export function ensureBuilt(): void {
  const serverBuilt = process.env.BIJAK_E2E_FROM_SOURCE === '1' || existsSync(join(ROOT, 'dist/src/cli/main.js'));
  if (existsSync(join(ROOT, 'dist/web/index.html')) && serverBuilt) return;
  execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

export interface RunningServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `node bin/bijak.js serve` on a free port with a fresh data directory and known demo passwords, and waits
 * for /healthz. BIJAK_E2E_FROM_SOURCE=1 runs the TypeScript sources through tsx instead (while developing).
 */
export async function startServer(): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'bijak-e2e-'));
  const fromSource = process.env.BIJAK_E2E_FROM_SOURCE === '1';
  const args = fromSource
    ? [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'tests/e2e/serve-from-source.mts'), 'serve']
    : [join(ROOT, 'bin/bijak.js'), 'serve'];
  let log = '';
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      BIJAK_DEMO_PASSWORD: DEMO_PASSWORD,
      BIJAK_LOG: '0',
      NODE_ENV: 'test',
      // The browser checks as the user types; keep the limiter out of the way of a scripted user.
      RATE_LIMIT_IP: '100000',
      RATE_LIMIT_USER: '100000',
      RATE_LIMIT_CHECK: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise<void>((r) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          r();
        }, 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          r();
        });
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bijak serve exited with ${child.exitCode}:\n${log}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`bijak serve did not answer /healthz within 90 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, output: () => log, stop };
}

export async function launchBrowser(executablePath: string): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Saves a full-page screenshot as test-results/e2e/<name>.png (kept as a CI artefact). */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Signs in through the login form. */
export async function login(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel(/Nama pengguna|Username/).fill(username);
  await page.getByLabel(/Kata sandi|Password/).fill(DEMO_PASSWORD);
  await page.locator('form.login button[type=submit]').click();
  await page.locator('#mainnav').waitFor({ state: 'attached' });
}

/** Follows a link of the main navigation by its visible text. */
export async function nav(page: Page, name: RegExp | string): Promise<void> {
  await page.locator('#mainnav').getByRole('link', { name }).click();
}
