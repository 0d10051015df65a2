/**
 * Finds which platform exports an archive holds, by file names (they move
 * between export versions, so by name pattern rather than one fixed path),
 * and for a loose file of another name, by its first bytes. The HTML-format
 * export (no JSON) is recognised and refused with a message saying which
 * format to download instead.
 */

import type { AuditSource, SourceEntry } from './source.js';
import { decodeText } from './text.js';
import { AUDIT_PLATFORMS, AuditError, type AuditPlatform } from './types.js';

/** What a file is for its platform's reader. */
export type FileRole = 'manifest' | 'account' | 'tweets' | 'note' | 'likes' | 'posts' | 'comments' | 'threads' | 'user_data' | 'shares';

export interface DetectedFile {
  role: FileRole;
  entry: SourceEntry;
}

/** One platform found in the archive and its files, in reading order. */
export interface Detected {
  platform: AuditPlatform;
  files: DetectedFile[];
}

const base = (name: string) => name.slice(name.lastIndexOf('/') + 1);

/** Role of a file by its path, or null. */
export function classify(name: string): { platform: AuditPlatform; role: FileRole } | null {
  const b = base(name);
  const lower = name.toLowerCase();
  if (/^tweets?(-part\d+)?\.js$/.test(b)) return { platform: 'x', role: 'tweets' };
  if (/^note-tweet(-part\d+)?\.js$/.test(b)) return { platform: 'x', role: 'note' };
  if (/^like(-part\d+)?\.js$/.test(b)) return { platform: 'x', role: 'likes' };
  if (b === 'account.js') return { platform: 'x', role: 'account' };
  if (b === 'manifest.js') return { platform: 'x', role: 'manifest' };
  if (/^posts_\d+\.json$/.test(b)) return { platform: 'instagram', role: 'posts' };
  if (/^post_comments(_\d+)?\.json$/.test(b)) return { platform: 'instagram', role: 'comments' };
  if (b === 'threads_and_replies.json') return { platform: 'threads', role: 'threads' };
  if (/^your_posts(__check_ins__photos_and_videos)?_\d+\.json$/.test(b)) return { platform: 'facebook', role: 'posts' };
  if (b === 'comments.json' && (lower.includes('comments_and_reactions/') || lower.includes('facebook'))) return { platform: 'facebook', role: 'comments' };
  if (/^user_data(_tiktok)?\.json$/i.test(b)) return { platform: 'tiktok', role: 'user_data' };
  if (/^shares(_[^/]*)?\.csv$/i.test(b)) return { platform: 'linkedin', role: 'shares' };
  return null;
}

const ROLE_ORDER: Record<FileRole, number> = {
  manifest: 0,
  account: 1,
  note: 2,
  tweets: 3,
  posts: 3,
  threads: 3,
  user_data: 3,
  shares: 3,
  comments: 4,
  likes: 5,
};

function partNumber(name: string): number {
  const m = /(\d+)\.\w+$/.exec(base(name));
  return m ? Number(m[1]) : 0;
}

/** Sniffs a loose file whose name says nothing: X data file, Meta/TikTok JSON, LinkedIn CSV, or HTML. */
async function sniff(source: AuditSource, entry: SourceEntry): Promise<{ platform: AuditPlatform; role: FileRole } | 'html' | null> {
  let head = '';
  try {
    for await (const t of decodeText(source.read(entry), entry.name)) {
      head += t;
      if (head.length >= 64 * 1024) break;
    }
  } catch {
    return null; // the reader will report the encoding problem when forced; undetectable otherwise
  }
  const h = head.trimStart();
  const m = /^window\.YTD\.(\w+)\.part\d+\s*=/.exec(h);
  if (m) {
    if (m[1] === 'tweets' || m[1] === 'tweet') return { platform: 'x', role: 'tweets' };
    if (m[1] === 'note_tweet') return { platform: 'x', role: 'note' };
    if (m[1] === 'like') return { platform: 'x', role: 'likes' };
    return null;
  }
  if (/^(<!doctype html|<html)/i.test(h)) return 'html';
  if (/^"?ShareLink"?,|(^|,)"?ShareCommentary"?(,|\r?\n)/m.test(h.split('\n', 1)[0] ?? '') || /^"?Date"?,"?ShareLink"?/.test(h))
    return { platform: 'linkedin', role: 'shares' };
  if (h.startsWith('{')) {
    if (h.includes('"text_post_app_text_posts"')) return { platform: 'threads', role: 'threads' };
    if (h.includes('"comments_v2"')) return { platform: 'facebook', role: 'comments' };
    if (/"(VideoList|CommentsList|Profile|Activity|Your Activity)"/.test(h)) return { platform: 'tiktok', role: 'user_data' };
    if (h.includes('"comments_media_comments"')) return { platform: 'instagram', role: 'comments' };
  }
  if (h.startsWith('[')) {
    if (h.includes('"string_map_data"')) return { platform: 'instagram', role: 'comments' };
    if (/"media"\s*:/.test(h) && h.includes('"creation_timestamp"')) return { platform: 'instagram', role: 'posts' };
    if (/"timestamp"\s*:/.test(h) && /"data"\s*:/.test(h)) return { platform: 'facebook', role: 'posts' };
  }
  return null;
}

const MAIN_ROLE: Record<AuditPlatform, FileRole> = {
  x: 'tweets',
  instagram: 'posts',
  facebook: 'posts',
  threads: 'threads',
  tiktok: 'user_data',
  linkedin: 'shares',
};

function htmlError(): AuditError {
  return new AuditError(
    'html_export',
    'Ini ekspor berformat HTML, yang tidak memuat data JSON. Unduh ulang informasi Anda dan pilih format "JSON" (bukan HTML), lalu unggah arsip itu.',
    'This is the HTML-format export, which holds no JSON data. Download your information again choosing the "JSON" format (not HTML), and hand in that archive.',
  );
}

/** The platforms of an archive, each with its files in reading order. `force` keeps one platform (the --platform option). */
export async function detect(source: AuditSource, force?: AuditPlatform): Promise<Detected[]> {
  if (force && !AUDIT_PLATFORMS.includes(force))
    throw new AuditError('platform_not_found', `Platform tidak dikenal: ${force}.`, `Unknown platform: ${force}. Known: ${AUDIT_PLATFORMS.join(', ')}.`);
  const found = new Map<AuditPlatform, DetectedFile[]>();
  const add = (platform: AuditPlatform, role: FileRole, entry: SourceEntry) => {
    let l = found.get(platform);
    if (!l) found.set(platform, (l = []));
    l.push({ role, entry });
  };
  for (const entry of source.entries) {
    const c = classify(entry.name);
    if (c) add(c.platform, c.role, entry);
  }
  // an X archive needs posts, notes or likes; a lone account.js is not one
  const x = found.get('x');
  if (x && !x.some((f) => f.role === 'tweets' || f.role === 'note' || f.role === 'likes')) found.delete('x');
  // older X archives: prefer tweets*.js over tweet.js when both exist
  if (x?.some((f) => /^tweets(-part\d+)?\.js$/.test(base(f.entry.name))))
    found.set(
      'x',
      x.filter((f) => !(f.role === 'tweets' && base(f.entry.name) === 'tweet.js')),
    );
  if (found.size === 0 && source.kind === 'file' && source.entries.length === 1) {
    const s = await sniff(source, source.entries[0]);
    if (s === 'html') throw htmlError();
    if (s) add(s.platform, s.role, source.entries[0]);
    else if (force) add(force, MAIN_ROLE[force], source.entries[0]);
  }
  if (found.size === 0) {
    if (source.entries.some((e) => /\.html?$/i.test(e.name))) throw htmlError();
    if (source.entries.some((e) => /(^|\/)(user_data\.txt|(Videos?|Posts?|Comments?)\/[^/]+\.txt)$/i.test(e.name)))
      throw new AuditError(
        'text_export',
        'Ini ekspor TikTok berformat TXT. Minta ulang data Anda dengan format "JSON", lalu unggah arsip itu.',
        'This is the TXT-format TikTok export. Request your data again in the "JSON" format, and hand in that archive.',
      );
    throw new AuditError(
      'unknown_format',
      'Tidak ada data unggahan yang dikenali di arsip ini. Yang dapat dibaca: arsip X/Twitter (data/tweets.js), ekspor JSON Instagram, Facebook dan Threads, user_data.json TikTok, Shares.csv LinkedIn.',
      'No known post data in this archive. Readable: an X/Twitter archive (data/tweets.js), the JSON export of Instagram, Facebook and Threads, TikTok user_data.json, LinkedIn Shares.csv.',
    );
  }
  let out: Detected[] = [...found.entries()].map(([platform, files]) => ({
    platform,
    files: files.sort(
      (a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || partNumber(a.entry.name) - partNumber(b.entry.name) || (a.entry.name < b.entry.name ? -1 : 1),
    ),
  }));
  if (force) {
    out = out.filter((d) => d.platform === force);
    if (out.length === 0)
      throw new AuditError(
        'platform_not_found',
        `Tidak ada data ${force} di arsip ini (yang ditemukan: ${[...found.keys()].join(', ')}).`,
        `No ${force} data in this archive (found: ${[...found.keys()].join(', ')}).`,
      );
  }
  out.sort((a, b) => AUDIT_PLATFORMS.indexOf(a.platform) - AUDIT_PLATFORMS.indexOf(b.platform));
  return out;
}
