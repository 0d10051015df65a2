/**
 * Instagram, Threads and Facebook JSON exports. Every string is repaired from
 * Meta's mojibake. Instagram and Threads posts carry title and time on the
 * post (carousels) or only on media[0] (single media): fall back from one to
 * the other. The exports give no public link of a post, so url is null.
 */
import { repairMojibake as fix } from '../text.js';
import type { AuditPlatform, AuditPost } from '../types.js';
import { arr, fromUnix, get, type Reader, scanFile, str } from './common.js';

/** Caption and time of an Instagram/Threads post, with the single-media fallback. */
function igPost(v: unknown): { text: string; ts: unknown; uri: string } {
  const media = arr(get(v, 'media'));
  const m0 = media[0];
  const top = str(get(v, 'title'));
  const text = top || str(get(m0, 'title'));
  const ts = get(v, 'creation_timestamp') ?? get(m0, 'creation_timestamp');
  return { text: fix(text), ts, uri: str(get(m0, 'uri')) };
}

function synthId(prefix: string, ts: unknown, n: number, uri = ''): string {
  const u = /([A-Za-z0-9_-]{6,})\.\w+$/.exec(uri);
  return u ? `${prefix}:${u[1]}` : `${prefix}:${str(ts) || 'x'}:${n}`;
}

export const readInstagram: Reader = async function* (ctx, files) {
  let n = 0;
  for (const f of files) {
    if (f.role === 'posts') {
      for await (const batch of scanFile(ctx, f, (p) => p === '' || p === 'ig_posts'))
        for (const { value } of batch) {
          const p = igPost(value);
          n++;
          yield { platform: 'instagram', kind: 'post', id: synthId('ig', p.ts, n, p.uri), date: fromUnix(p.ts), url: null, text: p.text } satisfies AuditPost;
        }
    } else if (f.role === 'comments') {
      for await (const batch of scanFile(ctx, f, (p) => p === '' || p === 'comments_media_comments' || p === 'comments_reels_comments'))
        for (const { value } of batch) {
          n++;
          const sm = get(value, 'string_map_data');
          let text = '';
          let ts: unknown;
          if (sm && typeof sm === 'object') {
            const c = get(sm, 'Comment') ?? get(sm, 'Komentar');
            text = str(get(c, 'value'));
            ts = get(get(sm, 'Time') ?? get(sm, 'Waktu'), 'timestamp');
          } else {
            const sl = arr(get(value, 'string_list_data'))[0];
            text = str(get(sl, 'value'));
            ts = get(sl, 'timestamp');
          }
          yield {
            platform: 'instagram',
            kind: 'comment',
            id: synthId('ig-comment', ts, n),
            date: fromUnix(ts),
            url: null,
            text: fix(text),
          } satisfies AuditPost;
        }
    }
  }
};

export const readThreads: Reader = async function* (ctx, files) {
  let n = 0;
  for (const f of files) {
    for await (const batch of scanFile(ctx, f, (p) => p === 'text_post_app_text_posts' || p === ''))
      for (const { value } of batch) {
        const p = igPost(value);
        n++;
        yield {
          platform: 'threads' as AuditPlatform,
          kind: 'post',
          id: synthId('threads', p.ts, n, p.uri),
          date: fromUnix(p.ts),
          url: null,
          text: p.text,
        } satisfies AuditPost;
      }
  }
};

export const readFacebook: Reader = async function* (ctx, files) {
  let n = 0;
  for (const f of files) {
    if (f.role === 'posts') {
      for await (const batch of scanFile(ctx, f, (p) => p === '' || p === 'status_updates_v2' || p === 'status_updates'))
        for (const { value } of batch) {
          n++;
          const ts = get(value, 'timestamp');
          const parts: string[] = [];
          let link = '';
          for (const d of arr(get(value, 'data'))) {
            const post = fix(str(get(d, 'post')));
            if (post && !parts.includes(post)) parts.push(post);
          }
          for (const a of arr(get(value, 'attachments')))
            for (const d of arr(get(a, 'data'))) {
              const desc = fix(str(get(get(d, 'media'), 'description')));
              if (desc && !parts.includes(desc)) parts.push(desc);
              const url = str(get(get(d, 'external_context'), 'url'));
              if (url && !link) link = fix(url);
            }
          const own = parts.join('\n\n');
          // a share without own words: check the link it spreads
          const post: AuditPost = own
            ? { platform: 'facebook', kind: 'post', id: `fb:${str(ts) || 'x'}:${n}`, date: fromUnix(ts), url: null, text: own }
            : { platform: 'facebook', kind: 'share', id: `fb:${str(ts) || 'x'}:${n}`, date: fromUnix(ts), url: null, text: link };
          yield post;
        }
    } else if (f.role === 'comments') {
      for await (const batch of scanFile(ctx, f, (p) => p === 'comments_v2' || p === 'comments' || p === ''))
        for (const { value } of batch) {
          n++;
          let ts = get(value, 'timestamp');
          const parts: string[] = [];
          for (const d of arr(get(value, 'data'))) {
            const c = get(d, 'comment');
            const t = fix(str(get(c, 'comment')));
            if (t) parts.push(t);
            ts ??= get(c, 'timestamp');
          }
          yield {
            platform: 'facebook',
            kind: 'comment',
            id: `fb-comment:${str(ts) || 'x'}:${n}`,
            date: fromUnix(ts),
            url: null,
            text: parts.join('\n'),
          } satisfies AuditPost;
        }
    }
  }
};
