/** Checking one audit post (shared by the pipeline and the worker threads). */
import type { Checker } from '../core/engine.js';
import type { Finding, PostInput } from '../core/types.js';
import type { AuditPost } from './types.js';

const INPUT_KIND: Record<AuditPost['kind'], PostInput['kind']> = { post: 'post', reply: 'comment', comment: 'comment', share: 'share', like: 'share' };

/** Checks one post; findings' ranges point into `post.text` (shifted past an "RT @user: " prefix). */
export function checkPost(checker: Checker, post: AuditPost): Finding[] {
  const from = post.checkFrom ?? 0;
  const text = from ? post.text.slice(from) : post.text;
  if (!text.trim()) return [];
  const findings = checker.check({ kind: INPUT_KIND[post.kind], text, platform: post.platform });
  if (from && findings.length > 0) for (const f of findings) f.range = [f.range[0] + from, f.range[1] + from];
  return findings;
}
