/** Each export format, generated in its real shape (zip and folder), through the audit pipeline. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AuditReport, audit, type FlaggedPost } from '../../src/audit/index.js';
import { type Files, facebookExport, instagramExport, linkedinExport, tiktokExport, writeFolder, writeZip, xArchive } from './fixtures.js';
import { tempDir, testChecker } from './helpers.js';

const dir = tempDir();
const checker = testChecker();
let seq = 0;

/** Audits the files as a zip and as a folder; both must agree. */
async function both(
  files: Files,
  opts: { platform?: 'x' | 'instagram' | 'threads' | 'facebook' | 'tiktok' | 'linkedin'; since?: string } = {},
): Promise<AuditReport> {
  const n = ++seq;
  const zip = writeZip(join(dir, `a${n}.zip`), files);
  const folder = join(dir, `f${n}`);
  mkdirSync(folder);
  writeFolder(folder, files);
  const a = await audit(zip, { checker, ...opts });
  const b = await audit(folder, { checker, ...opts });
  const strip = (r: AuditReport) => ({ ...r, seconds: 0 });
  expect(strip(b)).toEqual(strip(a));
  return a;
}

const words = (p: FlaggedPost) => p.findings.map((f) => p.text.slice(f.range[0], f.range[1]));

describe('X archive', () => {
  const tweets = [
    { id: '1770000000000000001', text: 'Rapat pagi ini lancar & tertib <3', date: '2019-03-19T14:05:17Z' },
    { id: '1770000000000000002', text: 'Dasar bangsat, jalanan macet & banjir', date: '2020-07-01T08:00:00Z' },
    { id: '1770000000000000003', text: 'RT @akun_lain: Pejabat itu anjing semua', date: '2021-01-02T03:04:05Z' },
    { id: '1770000000000000004', text: '@teman_kantor NIK saya 3174012345678901 ya', date: '2022-05-05T05:05:05Z', replyTo: '1769999999999999999' },
    {
      id: '1770000000000000005',
      text: 'Tulisan panjang tentang pelayanan publik yang terus membaik dan warga yang makin puas dengan layanan kantor kami, terima kasih semua pihak yang sudah bekerja keras sepanjang tahun ini, semoga tahun depan lebih baik lagi untuk… https://t.co/AbCdEf',
      date: '2023-06-01T10:00:00.000Z',
    },
    { id: '1770000000000000006', text: 'Kode &amp;lt; bukan tag', date: '2023-06-02T10:00:00Z' },
    { id: '1770000000000000007', text: 'Kutipan ini benar https://t.co/q1', date: '2023-06-03T10:00:00Z', urls: ['https://x.com/akun_lain/status/1234'] },
  ];
  const note = {
    text: 'Tulisan panjang tentang pelayanan publik yang terus membaik dan warga yang makin puas dengan layanan kantor kami, terima kasih semua pihak yang sudah bekerja keras sepanjang tahun ini, semoga tahun depan lebih baik lagi untuk kita semua. Kecuali satu pejabat bangsat yang korupsi.',
    date: '2023-06-01T10:00:00.456Z', // createdAt has milliseconds; created_at has seconds: joined to the second
  };

  it('reads tweets.js, joins note-tweet.js, unescapes entities, detects reshares and replies, keeps ids exact', async () => {
    const r = await both(
      xArchive({
        tweets,
        notes: [note],
        likes: [
          { tweetId: '42', fullText: 'Tweet orang lain: anjing & kucing' },
          { tweetId: '43', fullText: 'biasa saja' },
        ],
        deleted: [{ id: '99', text: 'sudah dihapus bangsat', date: '2024-01-01T00:00:00Z' }],
      }),
    );
    expect(r.platforms).toEqual(['x']);
    expect(r.scanned).toBe(7); // the quote post is read as the person's own post
    const byId = new Map(r.flagged.map((p) => [p.id, p]));
    expect([...byId.keys()].sort()).toEqual(['1770000000000000002', '1770000000000000003', '1770000000000000004', '1770000000000000005']);
    const p2 = byId.get('1770000000000000002')!;
    expect(p2.text).toBe('Dasar bangsat, jalanan macet & banjir');
    expect(p2.url).toBe('https://x.com/pegawai_contoh/status/1770000000000000002');
    expect(p2.date).toBe('2020-07-01T08:00:00.000Z');
    expect(p2.kind).toBe('post');
    expect(words(p2)).toEqual(['bangsat']);
    const rt = byId.get('1770000000000000003')!;
    expect(rt.kind).toBe('share');
    expect(words(rt)).toEqual(['anjing']); // range shifted past "RT @akun_lain: " into the full text
    const reply = byId.get('1770000000000000004')!;
    expect(reply.kind).toBe('reply');
    expect(words(reply)).toEqual(['3174012345678901']);
    const long = byId.get('1770000000000000005')!;
    expect(long.text).toBe(note.text); // the note's full text replaced the truncated one
    expect(words(long)).toEqual(['bangsat']);
    // likes are reported apart, not counted with the posts
    expect(r.likes.scanned).toBe(2);
    expect(r.likes.flagged.map((p) => [p.kind, p.id, p.text, p.date, p.url])).toEqual([
      ['like', '42', 'Tweet orang lain: anjing & kucing', null, 'https://twitter.com/i/web/status/42'],
    ]);
    // deleted-tweets.js is not audited; severity first, then newest first
    expect(r.flagged.map((p) => p.id)).toEqual(['1770000000000000005', '1770000000000000003', '1770000000000000002', '1770000000000000004']);
  });

  it('unescapes in one pass (&amp;lt; stays &lt;)', async () => {
    const r = await both(xArchive({ tweets: [{ id: '7', text: 'a &lt; b bangsat', date: '2020-01-01T00:00:00Z' }] }));
    expect(r.flagged[0].text).toBe('a &lt; b bangsat');
  });

  it('reads tweets-partN.js parts and an archive inside a top folder', async () => {
    const many = Array.from({ length: 25 }, (_, i) => ({
      id: String(5000 + i),
      text: i % 5 === 0 ? `kata kasar bangsat ${i}` : `biasa ${i}`,
      date: `2021-0${1 + (i % 9)}-10T00:00:00Z`,
    }));
    const files = xArchive({ tweets: many, partSize: 10, root: 'twitter-2024-03-19-abc' });
    expect(Object.keys(files).filter((k) => /tweets(-part\d)?\.js$/.test(k))).toHaveLength(3);
    const r = await both(files);
    expect(r.scanned).toBe(25);
    expect(r.flagged.map((p) => p.id).sort()).toEqual(['5000', '5005', '5010', '5015', '5020']);
  });

  it('reads the older tweet.js (window.YTD.tweet.part0, records without the "tweet" wrapper)', async () => {
    const files = xArchive({ old: true, tweets: [{ id: '11', text: 'arsip lama bangsat', date: '2015-02-03T04:05:06Z' }] });
    expect(files['data/tweet.js']).toMatch(/^window\.YTD\.tweet\.part0 = \[/);
    const r = await both(files);
    expect(r.flagged.map((p) => [p.id, p.date])).toEqual([['11', '2015-02-03T04:05:06.000Z']]);
  });

  it('uses x.com/i/web links when the username is unknown', async () => {
    const files = xArchive({ tweets: [{ id: '12', text: 'bangsat', date: '2015-02-03T04:05:06Z' }] });
    delete files['data/account.js'];
    delete files['data/manifest.js'];
    const r = await both(files);
    expect(r.flagged[0].url).toBe('https://x.com/i/web/status/12');
  });

  it('reads a loose tweets.js file and a loose file of another name (sniffed)', async () => {
    const files = xArchive({ tweets: [{ id: '13', text: 'bangsat', date: '2016-01-01T00:00:00Z' }] });
    const loose = writeFolder(join(dir, 'loose'), { 'tweets.js': files['data/tweets.js'], 'unduhan.js': files['data/tweets.js'] });
    for (const name of ['tweets.js', 'unduhan.js']) {
      const r = await audit(join(loose, name), { checker });
      expect(r.flagged.map((p) => p.id)).toEqual(['13']);
    }
  });
});

describe('Instagram and Threads', () => {
  const posts = [
    { text: 'Liburan ke Bali 😀 café enak, pelayan bangsat', ts: 1_700_000_000 },
    { text: 'Karosel foto kegiatan kampanye kantor', ts: 1_710_000_000, carousel: true },
    { text: 'Foto biasa saja', ts: 1_690_000_000 },
  ];
  it('repairs mojibake, falls back between single-media and carousel, reads own comments', async () => {
    const files = instagramExport({ posts, comments: [{ text: 'Komentar saya: anjing! 🙏', ts: 1_705_000_000 }] });
    expect(files['your_instagram_activity/content/posts_1.json']).toContain('\\u00f0\\u009f\\u0098\\u0080'); // 😀 as four escapes
    const r = await both(files);
    expect(r.platforms).toEqual(['instagram']);
    expect(r.scanned).toBe(4);
    const texts = r.flagged.map((p) => [p.kind, p.text, p.date]);
    expect(texts).toEqual([
      ['comment', 'Komentar saya: anjing! 🙏', '2024-01-11T19:06:40.000Z'],
      ['post', 'Liburan ke Bali 😀 café enak, pelayan bangsat', '2023-11-14T22:13:20.000Z'],
      ['post', 'Karosel foto kegiatan kampanye kantor', '2024-03-09T16:00:00.000Z'],
    ]);
    expect(r.flagged.every((p) => p.url === null && p.platform === 'instagram')).toBe(true);
  });

  it('finds posts_<n>.json by name in every layout and reads all parts; stories are not posts', async () => {
    for (const layout of ['old', 'media', 'new'] as const) {
      const r = await both(instagramExport({ posts, layout, partSize: 2 }));
      expect(r.scanned).toBe(3);
      expect(r.flagged).toHaveLength(2);
    }
  });

  it('reads Threads inside the Instagram export; --platform threads keeps only them', async () => {
    const files = instagramExport({
      posts,
      threads: [
        { text: 'Utas: bangsat semua 🔥', ts: 1_720_000_000 },
        { text: 'Utas karosel kampanye', ts: 1_721_000_000, carousel: true },
      ],
    });
    const all = await both(files);
    expect(all.platforms).toEqual(['instagram', 'threads']);
    expect(all.scanned).toBe(5);
    const t = await both(files, { platform: 'threads' });
    expect(t.platforms).toEqual(['threads']);
    expect(t.flagged.map((p) => [p.platform, p.text])).toEqual([
      ['threads', 'Utas: bangsat semua 🔥'],
      ['threads', 'Utas karosel kampanye'],
    ]);
  });
});

describe('Facebook', () => {
  it('reads posts (text, photo description, link-only share, timestamp-only) and comments; leaves sibling files alone', async () => {
    const files = facebookExport({
      posts: [
        { text: 'Status: atasan saya bangsat 😡', ts: 1_600_000_000 },
        { ts: 1_600_100_000, link: 'https://contoh.invalid/berita-bangsat' },
        { ts: 1_600_200_000 },
        { ts: 1_600_300_000, photoDescription: 'Foto KTP 3174012345678901' },
      ],
      comments: [{ text: 'Setuju, dasar anjing', ts: 1_600_400_000 }],
    });
    const r = await both(files);
    expect(r.platforms).toEqual(['facebook']);
    expect(r.scanned).toBe(5);
    expect(r.flagged.map((p) => [p.kind, p.text])).toEqual([
      ['comment', 'Setuju, dasar anjing'],
      ['share', 'https://contoh.invalid/berita-bangsat'],
      ['post', 'Status: atasan saya bangsat 😡'],
      ['post', 'Foto KTP 3174012345678901'],
    ]);
  });

  it('reads the newer posts file name', async () => {
    const r = await both(facebookExport({ newName: true, posts: [{ text: 'é bangsat', ts: 1_600_000_000 }] }));
    expect(r.flagged.map((p) => p.text)).toEqual(['é bangsat']);
  });
});

describe('TikTok', () => {
  for (const old of [false, true]) {
    it(`reads videos and comments (${old ? 'old' : 'new'} schema)`, async () => {
      const r = await both(
        tiktokExport({
          old,
          videos: [
            { id: '7300000000000000001', date: '2023-11-01 10:11:12', title: 'Joget di kantor bangsat' },
            { id: '7300000000000000002', date: '2023-11-02 10:11:12', title: 'biasa' },
          ],
          comments: [{ date: '2023-11-03 01:02:03', text: 'anjing lucu sekali' }],
        }),
      );
      expect(r.platforms).toEqual(['tiktok']);
      if (old) {
        // the older file name
        const files = tiktokExport({ old, videos: [{ id: '1', date: '2023-11-01 10:11:12', title: 'bangsat' }], comments: [] });
        const renamed = await both({ 'user_data.json': files['user_data_tiktok.json'] });
        expect(renamed.flagged.map((p) => p.id)).toEqual(['1']);
      }
      expect(r.scanned).toBe(3);
      expect(r.flagged.map((p) => [p.kind, p.id, p.date, p.url])).toEqual([
        ['comment', 'tiktok-comment:2023-11-03T01:02:03.000Z:3', '2023-11-03T01:02:03.000Z', null],
        ['post', '7300000000000000001', '2023-11-01T10:11:12.000Z', 'https://www.tiktokv.com/share/video/7300000000000000001/'],
      ]);
    });
  }
});

describe('LinkedIn', () => {
  const shares = [
    { id: '7100000000000000001', date: '2024-02-01 09:00:00', text: 'Baris pertama\nbaris kedua dengan "kutipan" dan koma, lalu bangsat' },
    { id: '7100000000000000002', date: '2024-02-02 09:00:00', text: '', sharedUrl: 'https://contoh.invalid/kampanye' },
    { id: '7100000000000000003', date: '2024-02-03 09:00:00', text: 'biasa' },
  ];
  it('reads Shares.csv with BOM, multi-line quoted commentary and bare reposts', async () => {
    const r = await both(linkedinExport({ shares }));
    expect(r.platforms).toEqual(['linkedin']);
    expect(r.scanned).toBe(3);
    expect(r.flagged.map((p) => [p.kind, p.id, p.date, p.url, p.text])).toEqual([
      [
        'post',
        '7100000000000000001',
        '2024-02-01T09:00:00.000Z',
        'https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7100000000000000001',
        shares[0].text,
      ],
      [
        'share',
        '7100000000000000002',
        '2024-02-02T09:00:00.000Z',
        'https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7100000000000000002',
        'https://contoh.invalid/kampanye',
      ],
    ]);
  });
  it('finds Shares_<id>.csv inside Basic_LinkedInDataExport/', async () => {
    const r = await both(linkedinExport({ shares, nested: true, name: 'Shares_123.csv' }));
    expect(r.scanned).toBe(3);
  });
});

describe('pipeline', () => {
  const files = xArchive({
    tweets: [
      { id: '1', text: 'bangsat lama', date: '2018-01-05T00:00:00Z' },
      { id: '2', text: 'NIK 3174012345678901', date: '2024-03-05T00:00:00Z' },
      { id: '3', text: 'bangsat baru, kampanye', date: '2024-03-06T00:00:00Z' },
      { id: '4', text: 'kampanye', date: '2024-04-01T00:00:00Z' },
    ],
  });
  it('summarises by category, year and month; sorts by severity then date', async () => {
    const r = await both(files);
    expect(r.flagged.map((p) => p.id)).toEqual(['3', '1', '2', '4']);
    expect(r.summary).toEqual({
      scanned: 4,
      flagged: 4,
      byCategory: { abusive: 2, 'personal-data': 1, partisanship: 2 },
      byYear: { 2018: 1, 2024: 3 },
      byMonth: { '2018-01': { abusive: 1 }, '2024-03': { 'personal-data': 1, abusive: 1, partisanship: 1 }, '2024-04': { partisanship: 1 } },
    });
  });
  it('applies --since', async () => {
    const r = await both(files, { since: '2024-01-01' });
    expect(r.scanned).toBe(3);
    expect(r.skippedBeforeSince).toBe(1);
    expect(r.flagged.map((p) => p.id)).toEqual(['3', '2', '4']);
  });
  it('reports progress and can be cancelled', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ id: String(i + 1), text: `teks ${i}`, date: '2020-01-01T00:00:00Z' }));
    const zip = writeZip(join(dir, 'progress.zip'), xArchive({ tweets: many }));
    const seen: number[] = [];
    const r = await audit(zip, { checker, progressInterval: 0, onProgress: (p) => seen.push(p.scanned) });
    expect(r.scanned).toBe(3000);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toBe(3000);
    const ac = new AbortController();
    ac.abort();
    await expect(audit(zip, { checker, signal: ac.signal })).rejects.toMatchObject({ code: 'aborted' });
  });
  it('keeps the flagged list bounded (most severe kept) while counts cover everything', async () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ id: String(i + 1), text: i === 7 ? 'bangsat' : 'kampanye', date: '2020-01-01T00:00:00Z' }));
    const zip = writeZip(join(dir, 'bounded.zip'), xArchive({ tweets: many }));
    const r = await audit(zip, { checker, limits: { maxFlagged: 5 } });
    expect(r.summary.flagged).toBe(50);
    expect(r.flagged).toHaveLength(5);
    expect(r.truncated).toBe(true);
    expect(r.flagged[0].id).toBe('8');
  });
  it('runs through the real checker (built-in rules) without failing', async () => {
    const { getChecker } = await import('../../src/host/checker.js');
    const zip = writeZip(join(dir, 'real.zip'), files);
    const r = await audit(zip, { checker: getChecker() });
    expect(r.scanned).toBe(4);
  });
});

describe('worker threads', () => {
  it('give the same report as checking in one thread (real checker)', async () => {
    const { getChecker } = await import('../../src/host/checker.js');
    const { DEFAULT_POLICY } = await import('../../src/core/index.js');
    const texts = ['NIK saya 3174015505900003', 'Dasar bangsat', 'biasa saja', 'coblos nomor 2', 'RT @orang: dasar goblok'];
    const many = Array.from({ length: 3000 }, (_, i) => ({
      id: String(10_000 + i),
      text: `${texts[i % texts.length]} ${i}`,
      date: `20${10 + (i % 15)}-01-01T00:00:00Z`,
    }));
    const zip = writeZip(join(dir, 'parallel.zip'), xArchive({ tweets: many, likes: [{ tweetId: '1', fullText: 'dasar bangsat' }] }));
    const checker = getChecker();
    const one = await audit(zip, { checker });
    const two = await audit(zip, { checker, parallel: { policy: DEFAULT_POLICY, workers: 2, minBytes: 0 } });
    expect(one.workers).toBe(0);
    expect(two.workers).toBe(2);
    expect({ ...two, seconds: 0, workers: 0 }).toEqual({ ...one, seconds: 0 });
    expect(two.summary.flagged).toBeGreaterThan(0);
  });
});
