/**
 * A small pool of worker threads that check batches of posts, so reading and
 * parsing the archive (main thread) overlaps with checking (workers), and a
 * server stays responsive while an audit runs. Bounded: at most `maxInFlight`
 * batches wait per worker, so memory stays flat whatever the archive size.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { KbEntry } from '../core/kb/index.js';
import type { Policy, PolicyInput } from '../core/policy.js';
import type { Finding } from '../core/types.js';
import type { AuditPost } from './types.js';

export interface CheckPool {
  /** Number of worker threads. */
  readonly size: number;
  /** Checks a batch; resolves with [index, findings] of the flagged posts. */
  check(posts: AuditPost[]): Promise<Array<[number, Finding[]]>>;
  close(): Promise<void>;
}

/** A batch as the worker gets it: all texts in one string (one copy instead of one object per post). */
export interface EncodedBatch {
  id: number;
  text: string;
  ends: Uint32Array;
  from: Uint32Array;
  /** Kind and platform of each post, comma-separated "kind:platform". */
  meta: string;
}

export function encodeBatch(id: number, posts: AuditPost[]): EncodedBatch {
  const ends = new Uint32Array(posts.length);
  const from = new Uint32Array(posts.length);
  const meta: string[] = [];
  let end = 0;
  posts.forEach((p, i) => {
    end += p.text.length;
    ends[i] = end;
    from[i] = p.checkFrom ?? 0;
    meta.push(`${p.kind}:${p.platform}`);
  });
  return { id, text: posts.map((p) => p.text).join(''), ends, from, meta: meta.join(',') };
}

export function decodeBatch(b: EncodedBatch): AuditPost[] {
  const meta = b.meta.split(',');
  const out: AuditPost[] = [];
  let start = 0;
  for (let i = 0; i < b.ends.length; i++) {
    const [kind, platform] = meta[i].split(':') as [AuditPost['kind'], AuditPost['platform']];
    out.push({ platform, kind, id: '', date: null, url: null, text: b.text.slice(start, b.ends[i]), checkFrom: b.from[i] || undefined });
    start = b.ends[i];
  }
  return out;
}

/** How to start the worker: the compiled .js (or a bundle's .mjs) next to this module, or the .ts source through tsx (development, tests). */
function workerScript(): { url: URL | string; eval?: boolean } | null {
  for (const name of ['./check-worker.js', './check-worker.mjs']) {
    const url = new URL(name, import.meta.url);
    if (existsSync(fileURLToPath(url))) return { url };
  }
  const ts = new URL('./check-worker.ts', import.meta.url);
  if (!existsSync(fileURLToPath(ts))) return null;
  // a worker does not inherit --import loaders on Node 20: register tsx inside it, then load the source
  let api: string;
  try {
    api = createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs');
  } catch {
    return null;
  }
  const code = `import(${JSON.stringify(pathToFileURL(api).href)}).then((m) => { m.register(); return import(${JSON.stringify(ts.href)}); }).catch((e) => { require('node:worker_threads').parentPort.postMessage({ ready: false, error: String(e) }); })`;
  return { url: code, eval: true };
}

/** Starts `n` workers for a policy; resolves once every checker is built, or null when workers are unavailable. */
export async function startPool(policy: Policy | PolicyInput, n: number, kb?: readonly KbEntry[]): Promise<CheckPool | null> {
  const script = workerScript();
  if (!script || n < 1) return null;
  const workers: Worker[] = [];
  const pending = new Map<number, { resolve: (v: Array<[number, Finding[]]>) => void; reject: (e: Error) => void; worker: Worker }>();
  const load = new Map<Worker, number>();
  let seq = 0;
  let failure: Error | null = null;
  try {
    await Promise.all(
      Array.from({ length: n }, async () => {
        const w = new Worker(script.url, { workerData: { policy, kb }, eval: script.eval ?? false, stdout: false, stderr: false });
        workers.push(w);
        load.set(w, 0);
        await new Promise<void>((resolve, reject) => {
          const onMsg = (m: { ready?: boolean; error?: string }) => {
            if (m.ready === undefined) return;
            w.off('message', onMsg);
            if (m.ready) resolve();
            else reject(new Error(m.error ?? 'worker failed'));
          };
          w.on('message', onMsg);
          w.once('error', reject);
          w.once('exit', (code) => reject(new Error(`worker exited (${code})`)));
        });
        w.removeAllListeners('error');
        w.removeAllListeners('exit');
        w.on('message', (m: { id?: number; out?: Array<[number, Finding[]]>; error?: string }) => {
          if (m.id === undefined) return;
          const p = pending.get(m.id);
          if (!p) return;
          pending.delete(m.id);
          load.set(w, (load.get(w) ?? 1) - 1);
          if (m.error) p.reject(new Error(m.error));
          else p.resolve(m.out ?? []);
        });
        const fail = (e: Error) => {
          failure ??= e;
          for (const [id, p] of pending)
            if (p.worker === w) {
              pending.delete(id);
              p.reject(e);
            }
        };
        w.on('error', fail);
        w.on('exit', (code) => fail(new Error(`worker exited (${code})`)));
      }),
    );
  } catch (e) {
    if (process.env.BIJAK_DEBUG) console.error('audit workers unavailable:', String(e));
    await Promise.all(workers.map((w) => w.terminate()));
    return null;
  }
  return {
    size: workers.length,
    check(posts) {
      if (failure) return Promise.reject(failure);
      let best = workers[0];
      for (const w of workers) if ((load.get(w) ?? 0) < (load.get(best) ?? 0)) best = w;
      load.set(best, (load.get(best) ?? 0) + 1);
      const id = ++seq;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, worker: best });
        const msg = encodeBatch(id, posts);
        best.postMessage(msg, [msg.ends.buffer as ArrayBuffer, msg.from.buffer as ArrayBuffer]);
      });
    },
    async close() {
      for (const w of workers) w.removeAllListeners('exit');
      await Promise.all(workers.map((w) => w.terminate()));
      for (const p of pending.values()) p.reject(new Error('pool closed'));
      pending.clear();
    },
  };
}
