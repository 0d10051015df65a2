/**
 * Builds the extension: bundles the service worker, the content script and the
 * options page with esbuild (the core, its data and the default policy go in
 * the bundles; the model file is copied next to them), writes the manifest
 * with the package version into extension/dist (load it with "Load unpacked"),
 * and zips that folder with yazl into extension/bijak-extension-<version>.zip.
 *
 *   npm run build:extension            # minified
 *   npm run build:extension -- --dev   # readable bundles with inline source maps
 */
import { copyFileSync, createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import yazl from 'yazl';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const DIST = join(HERE, 'dist');
const dev = process.argv.includes('--dev');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/**
 * Builds into `out` (extension/dist by default) and, unless `zip` is false, the zip beside it.
 * `grantHosts` is for tests only: host permissions granted at install, standing in for the user's "allow" on the
 * workspace's optional permission (a browser prompt that automation cannot answer).
 */
export async function buildExtension(
  opts: { out?: string; zip?: boolean; grantHosts?: string[] } = {},
): Promise<{ dir: string; zip: string | null; bytes: number; zipBytes: number }> {
  const OUT = opts.out ?? DIST;
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const common = {
    bundle: true,
    minify: !dev,
    sourcemap: dev ? ('inline' as const) : false,
    target: 'chrome111',
    legalComments: 'none' as const,
    logLevel: 'warning' as const,
    // the core is pure; make sure nothing Node-only sneaks in
    platform: 'browser' as const,
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  await build({ ...common, entryPoints: { background: join(HERE, 'src/background.ts') }, format: 'esm', outdir: OUT });
  await build({ ...common, entryPoints: { content: join(HERE, 'src/content/index.ts') }, format: 'iife', outdir: OUT });
  await build({ ...common, entryPoints: { options: join(HERE, 'src/options/options.ts') }, format: 'esm', outdir: OUT });
  copyFileSync(join(HERE, 'src/options/options.html'), join(OUT, 'options.html'));
  copyFileSync(join(HERE, 'src/options/options.css'), join(OUT, 'options.css'));
  mkdirSync(join(OUT, 'models'));
  for (const f of ['bijak-text.model', 'README.md']) copyFileSync(join(ROOT, 'models', f), join(OUT, 'models', f));
  copyFileSync(join(ROOT, 'LICENSE'), join(OUT, 'LICENSE'));
  const manifest = JSON.parse(readFileSync(join(HERE, 'manifest.json'), 'utf8'));
  manifest.version = pkg.version;
  if (opts.grantHosts?.length) manifest.host_permissions = [...manifest.host_permissions, ...opts.grantHosts];
  writeFileSync(join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const all = files(OUT).sort();
  const bytes = all.reduce((n, f) => n + statSync(f).size, 0);
  if (opts.zip === false) return { dir: OUT, zip: null, bytes, zipBytes: 0 };
  const zip = join(HERE, `bijak-extension-${pkg.version}.zip`);
  await new Promise<void>((res, rej) => {
    const z = new yazl.ZipFile();
    // fixed dates so the same sources give the same zip
    for (const f of all) z.addFile(f, relative(OUT, f).split('\\').join('/'), { mtime: new Date(Date.UTC(2026, 0, 1)) });
    z.outputStream.pipe(createWriteStream(zip)).on('close', res).on('error', rej);
    z.end();
  });
  return { dir: OUT, zip, bytes, zipBytes: statSync(zip).size };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await buildExtension();
  console.log(
    `extension: ${relative(ROOT, r.dir)} (${(r.bytes / 1024).toFixed(0)} KiB), ${relative(ROOT, r.zip ?? '')} (${(r.zipBytes / 1024).toFixed(0)} KiB)`,
  );
}
