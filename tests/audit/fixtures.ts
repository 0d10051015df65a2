/**
 * Fixtures for the audit tests and benchmark, GENERATED in each platform's
 * real export format (no real person's data): a small zip writer (stored or
 * deflated, optionally lying about sizes, or streamed to disk for big
 * archives) and builders for X, Instagram, Threads, Facebook, TikTok and
 * LinkedIn exports.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface ZipItem {
  name: string;
  data: Buffer | string;
  /** 0 stored, 8 deflated (default). */
  method?: 0 | 8;
  /** Declared uncompressed size (to build lying headers). */
  declaredSize?: number;
  /** Unix mode (e.g. 0o120777 for a symlink). */
  mode?: number;
  /** General-purpose flags (bit 0: encrypted). */
  flags?: number;
}

function dosTime(): [number, number] {
  return [(12 << 11) | (30 << 5), ((2024 - 1980) << 9) | (3 << 5) | 19];
}

/** Builds a zip in memory. */
export function makeZip(items: ZipItem[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const [time, date] = dosTime();
  for (const it of items) {
    const raw = typeof it.data === 'string' ? Buffer.from(it.data, 'utf8') : it.data;
    const method = it.method ?? 8;
    const comp = method === 8 ? deflateRawSync(raw) : raw;
    const crc = crc32(raw);
    const size = it.declaredSize ?? raw.length;
    const name = Buffer.from(it.name, 'utf8');
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(it.flags ?? 0x0800, 6);
    lh.writeUInt16LE(method, 8);
    lh.writeUInt16LE(time, 10);
    lh.writeUInt16LE(date, 12);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(comp.length, 18);
    lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(name.length, 26);
    lh.writeUInt16LE(0, 28);
    locals.push(lh, name, comp);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE((3 << 8) | 20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(it.flags ?? 0x0800, 8);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt16LE(time, 12);
    ch.writeUInt16LE(date, 14);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(comp.length, 20);
    ch.writeUInt32LE(size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(((it.mode ?? 0o100644) << 16) >>> 0, 38);
    ch.writeUInt32LE(offset, 42);
    centrals.push(ch, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(items.length, 8);
  eocd.writeUInt16LE(items.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/**
 * Streams a zip to disk: each entry's content comes from an iterable of
 * strings and is deflated on the fly (data-descriptor entries), so a
 * 200,000-post archive is never built in memory.
 */
export async function writeZipStream(path: string, items: Array<{ name: string; chunks: Iterable<string> }>): Promise<void> {
  const out = createWriteStream(path);
  let offset = 0;
  const write = async (b: Buffer) => {
    offset += b.length;
    if (!out.write(b)) await once(out, 'drain');
  };
  const [time, date] = dosTime();
  const central: Buffer[] = [];
  for (const it of items) {
    const name = Buffer.from(it.name, 'utf8');
    const start = offset;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x0808, 6);
    lh.writeUInt16LE(8, 8);
    lh.writeUInt16LE(time, 10);
    lh.writeUInt16LE(date, 12);
    lh.writeUInt16LE(name.length, 26);
    await write(lh);
    await write(name);
    let crc = 0;
    let size = 0;
    let csize = 0;
    const deflate = createDeflateRaw({ level: 6 });
    const pending: Buffer[] = [];
    deflate.on('data', (c: Buffer) => pending.push(c));
    const flush = async () => {
      while (pending.length > 0) {
        const c = pending.shift()!;
        csize += c.length;
        await write(c);
      }
    };
    let batch: string[] = [];
    let batchLen = 0;
    const push = async () => {
      const buf = Buffer.from(batch.join(''), 'utf8');
      batch = [];
      batchLen = 0;
      crc = crc32(buf, crc);
      size += buf.length;
      if (!deflate.write(buf)) await once(deflate, 'drain');
      await flush();
    };
    for (const s of it.chunks) {
      batch.push(s);
      batchLen += s.length;
      if (batchLen > 1 << 20) await push();
    }
    await push();
    deflate.end();
    await once(deflate, 'end');
    await flush();
    const dd = Buffer.alloc(16);
    dd.writeUInt32LE(0x08074b50, 0);
    dd.writeUInt32LE(crc, 4);
    dd.writeUInt32LE(csize, 8);
    dd.writeUInt32LE(size, 12);
    await write(dd);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE((3 << 8) | 20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x0808, 8);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt16LE(time, 12);
    ch.writeUInt16LE(date, 14);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(csize, 20);
    ch.writeUInt32LE(size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    ch.writeUInt32LE(start, 42);
    central.push(ch, name);
  }
  const cd = Buffer.concat(central);
  const cdOffset = offset;
  await write(cd);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(items.length, 8);
  eocd.writeUInt16LE(items.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  await write(eocd);
  out.end();
  await once(out, 'finish');
}

/** An export as files: name -> content. */
export type Files = Record<string, string | Buffer>;

/** Writes files as a zip. */
export function writeZip(path: string, files: Files): string {
  writeFileSync(path, makeZip(Object.entries(files).map(([name, data]) => ({ name, data }))));
  return path;
}

/** Writes files as an unpacked folder. */
export function writeFolder(dir: string, files: Files): string {
  for (const [name, data] of Object.entries(files)) {
    const p = join(dir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, data);
  }
  return dir;
}

// ---------------------------------------------------------------- X / Twitter

/** JSON the way X archives print it: `"key" : value`, two-space indent, `[ ]` for empty arrays. */
export function ytdStringify(v: unknown, indent = ''): string {
  const next = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[ ]';
    return `[\n${v.map((x) => next + ytdStringify(x, next)).join(',\n')}\n${indent}]`;
  }
  if (v && typeof v === 'object') {
    const e = Object.entries(v);
    if (e.length === 0) return '{ }';
    return `{\n${e.map(([k, x]) => `${next}${JSON.stringify(k)} : ${ytdStringify(x, next)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(v);
}

/** `window.YTD.<name>.part<N> = [ ... ]`. */
export function ytdFile(global: string, records: unknown[]): string {
  return `window.YTD.${global} = ${ytdStringify(records)}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Tue Mar 19 14:05:17 +0000 2019" */
export function xDate(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`;
}

/** HTML-escapes like X archives (&amp; &lt; &gt;). */
export function xEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface FakeTweet {
  id: string;
  /** Raw (unescaped) text; escaped when written. */
  text: string;
  date: string;
  replyTo?: string;
  /** Extra urls (e.g. a quoted /status/ link). */
  urls?: string[];
}

/** A tweet record in the archive's shape (all counts and ids as strings). */
export function tweetRecord(t: FakeTweet, wrap = true): unknown {
  const full = xEscape(t.text);
  const tweet: Record<string, unknown> = {
    edit_info: {
      initial: { editTweetIds: [t.id], editableUntil: new Date(Date.parse(t.date) + 3_600_000).toISOString(), editsRemaining: '5', isEditEligible: true },
    },
    retweeted: false,
    source: '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
    entities: {
      hashtags: [],
      symbols: [],
      user_mentions: [],
      urls: (t.urls ?? []).map((u, i) => ({ url: `https://t.co/abc${i}`, expanded_url: u, display_url: u.replace(/^https?:\/\//, ''), indices: ['0', '23'] })),
    },
    display_text_range: ['0', String(full.length)],
    favorite_count: '3',
    id_str: t.id,
    truncated: false,
    retweet_count: '0',
    id: t.id,
    created_at: xDate(t.date),
    favorited: false,
    full_text: full,
    lang: 'in',
  };
  if (t.replyTo) {
    tweet.in_reply_to_status_id_str = t.replyTo;
    tweet.in_reply_to_status_id = t.replyTo;
    tweet.in_reply_to_user_id = '12';
    tweet.in_reply_to_user_id_str = '12';
    tweet.in_reply_to_screen_name = 'teman_kantor';
  }
  return wrap ? { tweet } : tweet;
}

export interface XArchiveOptions {
  username?: string;
  tweets: FakeTweet[];
  /** Long posts: {text, date} (createdAt to the second of the truncated tweet). */
  notes?: Array<{ text: string; date: string }>;
  likes?: Array<{ tweetId: string; fullText: string }>;
  deleted?: FakeTweet[];
  /** Split tweets into tweets.js + tweets-partN.js of this size. */
  partSize?: number;
  /** Older archive: data/tweet.js, window.YTD.tweet.part0, no {"tweet"} wrapper. */
  old?: boolean;
  /** Folder the archive sits in inside the zip (some tools add one). */
  root?: string;
}

export function xArchive(o: XArchiveOptions): Files {
  const r = o.root ? `${o.root}/` : '';
  const files: Files = {};
  const user = o.username ?? 'pegawai_contoh';
  files[`${r}data/account.js`] = ytdFile('account.part0', [
    {
      account: {
        email: 'contoh@example.invalid',
        createdVia: 'web',
        username: user,
        accountId: '1000001',
        createdAt: '2012-01-01T00:00:00.000Z',
        accountDisplayName: 'Pegawai Contoh',
      },
    },
  ]);
  const parts: FakeTweet[][] = [];
  const size = o.partSize ?? Number.POSITIVE_INFINITY;
  for (let i = 0; i < o.tweets.length; i += size === Number.POSITIVE_INFINITY ? o.tweets.length || 1 : size) parts.push(o.tweets.slice(i, i + size));
  if (parts.length === 0) parts.push([]);
  const tweetFiles: Array<{ fileName: string; globalName: string; count: string }> = [];
  parts.forEach((p, i) => {
    const fileName = o.old ? 'data/tweet.js' : i === 0 ? 'data/tweets.js' : `data/tweets-part${i}.js`;
    const globalName = o.old ? 'YTD.tweet.part0' : `YTD.tweets.part${i}`;
    files[r + fileName] = ytdFile(
      globalName.slice(4),
      p.map((t) => tweetRecord(t, !o.old)),
    );
    tweetFiles.push({ fileName, globalName, count: String(p.length) });
  });
  if (o.notes)
    files[`${r}data/note-tweet.js`] = ytdFile(
      'note_tweet.part0',
      o.notes.map((n, i) => ({
        noteTweet: {
          noteTweetId: String(9_000_000 + i),
          updatedAt: n.date,
          lifecycle: { value: '1', name: 'Active', originalName: 'Active', annotations: {} },
          createdAt: n.date,
          core: { styletags: [], urls: [], text: n.text, mentions: [], cashtags: [], hashtags: [] },
        },
      })),
    );
  if (o.likes)
    files[`${r}data/like.js`] = ytdFile(
      'like.part0',
      o.likes.map((l) => ({ like: { tweetId: l.tweetId, fullText: xEscape(l.fullText), expandedUrl: `https://twitter.com/i/web/status/${l.tweetId}` } })),
    );
  if (o.deleted)
    files[`${r}data/deleted-tweets.js`] = ytdFile(
      'deleted_tweets.part0',
      o.deleted.map((t) => tweetRecord(t)),
    );
  files[`${r}data/manifest.js`] = `window.__THAR_CONFIG = ${ytdStringify({
    userInfo: { accountId: '1000001', userName: user, displayName: 'Pegawai Contoh' },
    archiveInfo: { sizeBytes: '1000', generationDate: '2024-03-19T12:00:00.000Z', isPartialArchive: false, maxPartSizeBytes: '53687091200' },
    readmeInfo: { fileName: 'data/README.txt', directory: 'data/', name: 'README' },
    dataTypes: { tweets: { files: tweetFiles } },
  })}`;
  files[`${r}Your archive.html`] = '<!DOCTYPE html><html><body><script src="data/manifest.js"></script></body></html>';
  files[`${r}data/tweets_media/1000-abc.jpg`] = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
  return files;
}

// ---------------------------------------------------------------- Meta

/** Meta's mojibake: each UTF-8 byte becomes its own code point. */
export function mojibake(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
}

/** JSON the way Meta writes it: two-space indent, every non-ASCII char as \u00XX (bytes of UTF-8). */
export function metaJson(v: unknown): string {
  const enc = (x: unknown): unknown =>
    typeof x === 'string'
      ? mojibake(x)
      : Array.isArray(x)
        ? x.map(enc)
        : x && typeof x === 'object'
          ? Object.fromEntries(Object.entries(x).map(([k, y]) => [k, enc(y)]))
          : x;
  return JSON.stringify(enc(v), null, 2).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface FakeIgPost {
  text: string;
  ts: number;
  /** Carousel: title and time at the top level, media items without them. */
  carousel?: boolean;
}

export function igPostRecord(p: FakeIgPost, i: number): unknown {
  if (p.carousel)
    return {
      media: [
        {
          uri: `media/posts/202403/1789${i}0001.jpg`,
          creation_timestamp: p.ts,
          media_metadata: { photo_metadata: { exif_data: [{ latitude: 0, longitude: 0 }] } },
          title: '',
        },
        { uri: `media/posts/202403/1789${i}0002.jpg`, creation_timestamp: p.ts, title: '' },
      ],
      title: p.text,
      creation_timestamp: p.ts,
    };
  return {
    media: [
      { uri: `media/posts/202403/1789${i}0000.jpg`, creation_timestamp: p.ts, media_metadata: {}, title: p.text, cross_post_source: { source_app: 'FB' } },
    ],
  };
}

export interface InstagramOptions {
  posts: FakeIgPost[];
  comments?: Array<{ text: string; ts: number }>;
  threads?: FakeIgPost[];
  /** Where posts_1.json lives: new (your_instagram_activity/content), old (content), media (your_instagram_activity/media). */
  layout?: 'new' | 'old' | 'media';
  /** Split posts over posts_1.json, posts_2.json ... */
  partSize?: number;
}

export function instagramExport(o: InstagramOptions): Files {
  const dir = o.layout === 'old' ? 'content' : o.layout === 'media' ? 'your_instagram_activity/media' : 'your_instagram_activity/content';
  const files: Files = {};
  const size = o.partSize ?? (o.posts.length || 1);
  for (let i = 0, n = 1; i < Math.max(1, o.posts.length); i += size, n++)
    files[`${dir}/posts_${n}.json`] = metaJson(o.posts.slice(i, i + size).map((p, j) => igPostRecord(p, i + j)));
  if (o.comments)
    files['your_instagram_activity/comments/post_comments_1.json'] = metaJson(
      o.comments.map((c) => ({
        media_list_data: [{ uri: '' }],
        string_map_data: { Comment: { value: c.text }, 'Media Owner': { value: 'akun_teman' }, Time: { timestamp: c.ts } },
      })),
    );
  if (o.threads)
    files['your_instagram_activity/threads/threads_and_replies.json'] = metaJson({
      text_post_app_text_posts: o.threads.map((p, i) => igPostRecord(p, 500 + i)),
    });
  files['your_instagram_activity/content/stories.json'] = metaJson({
    ig_stories: [{ uri: 'media/stories/1.jpg', creation_timestamp: 1700000000, title: 'bukan unggahan' }],
  });
  files['personal_information/personal_information/personal_information.json'] = metaJson({
    profile_user: [{ string_map_data: { Name: { value: 'Pegawai Contoh' } } }],
  });
  return files;
}

export interface FakeFbPost {
  text?: string;
  ts: number;
  link?: string;
  photoDescription?: string;
}

export function facebookExport(o: { posts: FakeFbPost[]; comments?: Array<{ text: string; ts: number }>; newName?: boolean }): Files {
  const files: Files = {};
  const name = o.newName ? 'your_posts__check_ins__photos_and_videos_1.json' : 'your_posts_1.json';
  files[`your_facebook_activity/posts/${name}`] = metaJson(
    o.posts.map((p) => {
      const r: Record<string, unknown> = { timestamp: p.ts };
      const att: unknown[] = [];
      if (p.link) att.push({ data: [{ external_context: { url: p.link } }] });
      if (p.photoDescription)
        att.push({ data: [{ media: { uri: 'your_facebook_activity/posts/media/1.jpg', creation_timestamp: p.ts, description: p.photoDescription } }] });
      if (att.length) r.attachments = att;
      if (p.text) r.data = [{ post: p.text }, { update_timestamp: p.ts + 10 }];
      r.title = p.link ? 'Pegawai Contoh membagikan tautan.' : 'Pegawai Contoh memperbarui statusnya.';
      if (!p.text && !p.link && !p.photoDescription) delete r.title; // a share with only a timestamp
      return r;
    }),
  );
  files['your_facebook_activity/posts/shared_memories.json'] = metaJson([{ timestamp: 1600000000, data: [{ post: 'kenangan yang dibagikan bangsat' }] }]);
  if (o.comments)
    files['your_facebook_activity/comments_and_reactions/comments.json'] = metaJson({
      comments_v2: o.comments.map((c) => ({
        timestamp: c.ts,
        data: [{ comment: { timestamp: c.ts, comment: c.text, author: 'Pegawai Contoh' } }],
        title: 'Pegawai Contoh mengomentari kiriman Teman.',
      })),
    });
  return files;
}

// ---------------------------------------------------------------- TikTok, LinkedIn

export function tiktokExport(o: {
  videos: Array<{ id: string; date: string; title: string }>;
  comments: Array<{ date: string; text: string }>;
  old?: boolean;
}): Files {
  const data = o.old
    ? {
        Profile: { 'Profile Information': { ProfileMap: { userName: 'pegawai_contoh' } } },
        Video: {
          Videos: { VideoList: o.videos.map((v) => ({ Date: v.date, Link: `https://www.tiktokv.com/share/video/${v.id}/`, Likes: '4', Title: v.title })) },
        },
        Comment: { Comments: { CommentsList: o.comments.map((c) => ({ Date: c.date, Comment: c.text })) } },
      }
    : {
        Profile: { 'Profile Info': { ProfileMap: { userName: 'pegawai_contoh', bioDescription: 'ASN' } } },
        Activity: { 'Like List': { ItemFavoriteList: [{ date: '2024-01-01 00:00:00', link: 'https://www.tiktokv.com/share/video/1/' }] } },
        Post: {
          Posts: {
            VideoList: o.videos.map((v) => ({
              Date: v.date,
              Link: `https://www.tiktokv.com/share/video/${v.id}/`,
              Likes: '4',
              Title: v.title,
              Sound: '',
              Location: '',
            })),
          },
        },
        Comment: { Comments: { CommentsList: o.comments.map((c) => ({ date: c.date, comment: c.text, photo: 'N/A', url: '' })) } },
      };
  return { 'user_data_tiktok.json': JSON.stringify(data, null, 2) };
}

/** A CSV field the way LinkedIn writes it (always quoted when needed, "" escapes). */
function liField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function linkedinExport(o: { shares: Array<{ id: string; date: string; text: string; sharedUrl?: string }>; nested?: boolean; name?: string }): Files {
  const rows = ['Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility'];
  for (const s of o.shares)
    rows.push(
      [s.date, `https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A${s.id}`, s.text, s.sharedUrl ?? '', '', 'MEMBER_NETWORK'].map(liField).join(','),
    );
  const dir = o.nested ? 'Basic_LinkedInDataExport_03-19-2024/' : '';
  return {
    [`${dir}${o.name ?? 'Shares.csv'}`]: `\ufeff${rows.join('\r\n')}\r\n`,
    [`${dir}Profile.csv`]: 'First Name,Last Name\r\nPegawai,Contoh\r\n',
  };
}
