/**
 * The two builds an A/B benchmark compares (bench/ab.ts, bench/ab-kb.ts): each root's compiled core, host checker and
 * KB modules, loaded into one process from `<root>/dist/src`, so both are timed on the same tweets in turn.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// biome-ignore lint/suspicious/noExplicitAny: modules of another build, loaded at run time
type Module = Record<string, any>;

export interface Build {
  name: 'A' | 'B';
  core: Module;
  host: Module;
  kb: Module;
}

/** Loads the builds at BENCH_A and BENCH_B (callers check that both are set). */
export async function loadBuilds(): Promise<Build[]> {
  const out: Build[] = [];
  for (const [name, dir] of [
    ['A', process.env.BENCH_A as string],
    ['B', process.env.BENCH_B as string],
  ] as const) {
    const at = (p: string) => pathToFileURL(resolve(dir, 'dist/src', p)).href;
    out.push({ name, core: await import(at('core/index.js')), host: await import(at('host/checker.js')), kb: await import(at('core/kb/index.js')) });
  }
  return out;
}
