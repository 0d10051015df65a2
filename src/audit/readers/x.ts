/**
 * X / Twitter archive reader. data/*.js files are `window.YTD.<name>.partN =
 * [ ... ]`: the assignment is checked and skipped, and the array is streamed
 * as JSON data (never executed). Long posts come from note-tweet.js, joined on
 * the creation time to the second; texts are HTML-unescaped; "RT @user: " marks
 * a reshare (checked for what it spreads); like.js gives likes (reported apart).
 */
import { readSmallJson } from '../json-scan.js';
import { decodeText, unescapeHtml } from '../text.js';
import type { AuditPost } from '../types.js';
import { get, parseDate, type Reader, scanFile, str } from './common.js';

const YTD_PREFIX = /^\s*window\.YTD\.[A-Za-z0-9_]+\.part\d+\s*=$/;
const THAR_PREFIX = /^\s*window\.__THAR_CONFIG\s*=$/;
const X_FILE = { id: 'berkas data arsip X', en: 'X archive data file' };
const RT = /^RT @([A-Za-z0-9_]{1,50}): /;
const HANDLE = /^[A-Za-z0-9_]{1,50}$/;

/** Whitespace-folded text without a trailing t.co link or ellipsis, for comparing a truncated post with its note. */
function core(s: string): string {
  return s
    .replace(/\s*https:\/\/t\.co\/\w+\s*$/, '')
    .replace(/[…\s]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export const readX: Reader = async function* (ctx, files) {
  let username: string | null = null;
  const notes = new Map<string, string[]>();
  for (const f of files) {
    if (f.role === 'manifest' || f.role === 'account') {
      try {
        const data = await readSmallJson(
          decodeText(ctx.source.read(f.entry), f.entry.name),
          f.entry.name,
          8 * 1024 * 1024,
          f.role === 'manifest' ? THAR_PREFIX : YTD_PREFIX,
        );
        const u =
          f.role === 'manifest' ? str(get(get(data, 'userInfo'), 'userName')) : str(get(get(Array.isArray(data) ? data[0] : undefined, 'account'), 'username'));
        if (u && HANDLE.test(u) && !username) username = u;
      } catch {
        ctx.warn({ id: `${f.entry.name} tidak terbaca; tautan memakai x.com/i/web`, en: `${f.entry.name} is unreadable; links use x.com/i/web` });
      }
      continue;
    }
    if (f.role === 'note') {
      for await (const batch of scanFile(ctx, f, (p) => p === '', { prefix: YTD_PREFIX, prefixName: X_FILE, allowSemicolon: true }))
        for (const { value } of batch) {
          const n = get(value, 'noteTweet') ?? value;
          const created = parseDate(get(n, 'createdAt'));
          const text = str(get(get(n, 'core'), 'text'));
          if (!created || !text) continue;
          const key = created.slice(0, 19);
          const l = notes.get(key);
          if (l) l.push(text);
          else notes.set(key, [text]);
        }
      continue;
    }
    const like = f.role === 'likes';
    for await (const batch of scanFile(ctx, f, (p) => p === '', { prefix: YTD_PREFIX, prefixName: X_FILE, allowSemicolon: true }))
      for (const { value } of batch) {
        if (like) {
          const l = get(value, 'like') ?? value;
          const id = str(get(l, 'tweetId'));
          const text = unescapeHtml(str(get(l, 'fullText')));
          const expanded = str(get(l, 'expandedUrl'));
          const post: AuditPost = {
            platform: 'x',
            kind: 'like',
            id,
            date: null,
            url: /^https:\/\/(twitter|x)\.com\//.test(expanded) ? expanded : id ? `https://x.com/i/web/status/${id}` : null,
            text,
          };
          yield post;
          continue;
        }
        const t = get(value, 'tweet') ?? value; // early archives lack the {"tweet": ...} wrapper
        const id = str(get(t, 'id_str')) || str(get(t, 'id'));
        let text = unescapeHtml(str(get(t, 'full_text')) || str(get(t, 'text')));
        const date = parseDate(get(t, 'created_at'));
        if (date && notes.size > 0) {
          const key = date.slice(0, 19);
          const cands = notes.get(key);
          if (cands) {
            const c = core(text);
            const probe = c.slice(0, 40);
            let idx = cands.findIndex((n) => core(unescapeHtml(n)).startsWith(probe));
            if (idx < 0 && cands.length === 1 && c.length >= 200) idx = 0; // a long post whose start differs only by entities
            if (idx >= 0) {
              text = unescapeHtml(cands[idx]);
              cands.splice(idx, 1);
              if (cands.length === 0) notes.delete(key);
            }
          }
        }
        const rt = RT.exec(text);
        const reply = str(get(t, 'in_reply_to_status_id_str')) || str(get(t, 'in_reply_to_status_id'));
        const post: AuditPost = {
          platform: 'x',
          kind: rt ? 'share' : reply ? 'reply' : 'post',
          id,
          date,
          url: id ? (username ? `https://x.com/${username}/status/${id}` : `https://x.com/i/web/status/${id}`) : null,
          text,
        };
        if (rt) post.checkFrom = rt[0].length;
        yield post;
      }
  }
};
