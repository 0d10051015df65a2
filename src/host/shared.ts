/**
 * Locates the shared folder (../shared beside the checkout) that holds the
 * licensed datasets and labelled cases, which are read at run time and never
 * copied into the repository. BIJAK_SHARED overrides.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared folder, or undefined when it is absent. */
export function sharedDir(): string | undefined {
  if (process.env.BIJAK_SHARED) return existsSync(process.env.BIJAK_SHARED) ? resolve(process.env.BIJAK_SHARED) : undefined;
  // walk up from this file (src/host or dist/src/host) and from the cwd until a sibling "shared" folder appears
  for (const start of [dirname(fileURLToPath(import.meta.url)), process.cwd()]) {
    let dir = start;
    for (let i = 0; i < 6; i++) {
      const candidate = join(dir, '..', 'shared');
      if (existsSync(join(candidate, 'docs', 'policy.md')) || existsSync(join(candidate, 'datasets'))) return resolve(candidate);
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  return undefined;
}

/** Path of a file under the shared folder, or undefined when the folder is absent. */
export function sharedPath(...parts: string[]): string | undefined {
  const d = sharedDir();
  return d ? join(d, ...parts) : undefined;
}
