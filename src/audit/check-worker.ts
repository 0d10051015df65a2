/**
 * Worker thread of the audit: builds the host checker for the policy it is
 * given (built-in rules and shipped models, like the main thread) and checks
 * batches of posts, answering with the findings of the flagged ones.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parsePolicy } from '../core/index.js';
import { buildKbIndex, type KbEntry } from '../core/kb/index.js';
import { getChecker } from '../host/checker.js';
import { checkPost } from './check.js';
import { decodeBatch, type EncodedBatch } from './parallel.js';

const port = parentPort!;
try {
  const data = workerData as { policy: unknown; kb?: KbEntry[] };
  // the organisation's KB (issue 9): old posts that spread a now-clarified hoax are flagged by hoax/known
  const kb = data.kb?.length ? buildKbIndex(data.kb, { asOf: new Date().toISOString().slice(0, 10) }) : undefined;
  const checker = getChecker(parsePolicy(data.policy), kb);
  port.on('message', (msg: EncodedBatch) => {
    try {
      const out: Array<[number, ReturnType<typeof checkPost>]> = [];
      decodeBatch(msg).forEach((p, i) => {
        const f = checkPost(checker, p);
        if (f.length > 0) out.push([i, f]);
      });
      port.postMessage({ id: msg.id, out });
    } catch (e) {
      port.postMessage({ id: msg.id, error: String((e as Error)?.stack ?? e) });
    }
  });
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ ready: false, error: String((e as Error)?.message ?? e) });
}
