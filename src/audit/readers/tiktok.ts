/**
 * TikTok user_data.json (or user_data_tiktok.json): videos at
 * Post.Posts.VideoList (new schema) or Video.Videos.VideoList (old), comments
 * at Comment.Comments.CommentsList ({date, comment} new, {Date, Comment} old).
 * The one big JSON object is streamed; only those arrays' elements are parsed.
 */
import type { AuditPost } from '../types.js';
import { get, parseDate, type Reader, scanFile, str } from './common.js';

const VIDEOS = new Set(['Post.Posts.VideoList', 'Video.Videos.VideoList', 'Your Activity.Post.Posts.VideoList']);
const COMMENTS = new Set(['Comment.Comments.CommentsList', 'Comments.Comments.CommentsList', 'Your Activity.Comment.Comments.CommentsList']);

export const readTikTok: Reader = async function* (ctx, files) {
  let n = 0;
  for (const f of files) {
    for await (const batch of scanFile(ctx, f, (p) => VIDEOS.has(p) || COMMENTS.has(p)))
      for (const { path, value } of batch) {
        n++;
        if (VIDEOS.has(path)) {
          const link = str(get(value, 'Link')) || str(get(value, 'VideoLink'));
          const date = parseDate(str(get(value, 'Date')) || str(get(value, 'date')));
          const vid = /\/video\/(\d+)/.exec(link)?.[1];
          yield {
            platform: 'tiktok',
            kind: 'post',
            id: vid ?? `tiktok:${date ?? 'x'}:${n}`,
            date,
            url: /^https:\/\//.test(link) ? link : null,
            text: str(get(value, 'Title')) || str(get(value, 'Desc')) || str(get(value, 'VideoDesc')) || str(get(value, 'Description')),
          } satisfies AuditPost;
        } else {
          const date = parseDate(str(get(value, 'date')) || str(get(value, 'Date')));
          const url = str(get(value, 'url')) || str(get(value, 'Url'));
          yield {
            platform: 'tiktok',
            kind: 'comment',
            id: `tiktok-comment:${date ?? 'x'}:${n}`,
            date,
            url: /^https:\/\//.test(url) ? url : null,
            text: str(get(value, 'comment')) || str(get(value, 'Comment')),
          } satisfies AuditPost;
        }
      }
  }
};
