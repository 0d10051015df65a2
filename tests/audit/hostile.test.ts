/** Hostile or broken input: each gives a clear AuditError naming the problem, quickly and within bounded memory. */
import { closeSync, ftruncateSync, mkdirSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AuditError, type AuditLimits, audit } from '../../src/audit/index.js';
import { scanJson } from '../../src/audit/json-scan.js';
import { facebookExport, instagramExport, linkedinExport, makeZip, writeFolder, writeZip, xArchive, ytdFile } from './fixtures.js';
import { tempDir, testChecker } from './helpers.js';

const dir = tempDir();
const checker = testChecker();
let seq = 0;
const file = (name: string, data: string | Buffer) => {
  const p = join(dir, `${++seq}-${name}`);
  writeFileSync(p, data);
  return p;
};

/** Runs an audit expected to fail; returns the error after checking it is an AuditError with both messages. */
async function fails(path: string, code: string, opts: { limits?: Partial<AuditLimits>; platform?: 'tiktok' } = {}): Promise<AuditError> {
  const t = performance.now();
  let err: unknown;
  try {
    await audit(path, { checker, ...opts });
  } catch (e) {
    err = e;
  }
  expect(err, `expected ${code}`).toBeInstanceOf(AuditError);
  const e = err as AuditError;
  expect({ code: e.code, message: e.message }).toMatchObject({ code });
  expect(e.message.length).toBeGreaterThan(10);
  expect(e.messageEn.length).toBeGreaterThan(10);
  expect(performance.now() - t).toBeLessThan(10_000);
  return e;
}

const goodX = () => xArchive({ tweets: [{ id: '1', text: 'bangsat', date: '2020-01-01T00:00:00Z' }] });

describe('not an archive', () => {
  it('refuses a missing path, a .zip that is not a zip, and a file of another kind', async () => {
    await fails(join(dir, 'nope.zip'), 'not_found');
    expect((await fails(file('arsip.zip', 'ini bukan zip sama sekali'), 'not_archive')).messageEn).toMatch(/not a zip/);
    await fails(file('foto.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])), 'not_archive');
  });
  it('names an unknown archive and an unknown loose file', async () => {
    await fails(writeZip(join(dir, 'acak.zip'), { 'catatan.txt': 'halo', 'data/lain.json': '{}' }), 'unknown_format');
    await fails(file('data.json', '{"halo": 1}'), 'unknown_format');
  });
  it('says which platform was asked for and what was found', async () => {
    const e = await fails(writeZip(join(dir, 'x.zip'), goodX()), 'platform_not_found', { platform: 'tiktok' });
    expect(e.messageEn).toContain('found: x');
  });
});

describe('broken zips', () => {
  it('refuses a truncated zip', async () => {
    const whole = makeZip(Object.entries(goodX()).map(([name, data]) => ({ name, data })));
    const e = await fails(file('potong.zip', whole.subarray(0, Math.floor(whole.length / 2))), 'truncated_zip');
    expect(e.messageEn).toMatch(/truncated or damaged/);
  });
  it('refuses a zip whose compressed data is damaged', async () => {
    const body = ytdFile(
      'tweets.part0',
      Array.from({ length: 200 }, (_, i) => ({ tweet: { id_str: String(i), full_text: `teks ${i}`, created_at: 'Tue Mar 19 14:05:17 +0000 2019' } })),
    );
    const zip = makeZip([{ name: 'data/tweets.js', data: body }]);
    for (let i = 60; i < 200; i++) zip[i] ^= 0x5a; // inside the deflated data, headers intact
    const err = await audit(file('rusak.zip', zip), { checker }).catch((e) => e);
    expect(err).toBeInstanceOf(AuditError);
    expect(['corrupt_zip', 'bad_json', 'bad_encoding', 'zip_bomb', 'truncated_zip']).toContain(err.code);
  });
  it('refuses encrypted entries', async () => {
    const zip = makeZip([{ name: 'data/tweets.js', data: goodX()['data/tweets.js'] as string, flags: 0x0801 }]);
    await fails(file('kunci.zip', zip), 'encrypted');
  });
});

describe('zip bombs', () => {
  const zeros = Buffer.alloc(64 * 1024 * 1024, 0x20); // 64 MB of spaces deflate to ~64 KB
  it('refuses an entry whose compression ratio is too high', async () => {
    const zip = makeZip([...Object.entries(goodX()).map(([name, data]) => ({ name, data })), { name: 'data/like.js', data: zeros }]);
    expect(zip.length).toBeLessThan(1024 * 1024);
    const e = await fails(file('bom.zip', zip), 'zip_bomb');
    expect(e.messageEn).toMatch(/expands \d+ times \(limit 200\)/);
  });
  it('refuses an entry that lies about its size (stops reading at the declared size)', async () => {
    const body = ytdFile(
      'tweets.part0',
      Array.from({ length: 500 }, (_, i) => ({ tweet: { id_str: String(i), full_text: `teks ${i}` } })),
    );
    const zip = makeZip([{ name: 'data/tweets.js', data: body, declaredSize: 100 }]);
    await fails(file('bohong.zip', zip), 'zip_bomb');
  });
  it('caps the total, per-file size and entry count (configurable)', async () => {
    const zip = writeZip(
      join(dir, 'banyak.zip'),
      xArchive({ tweets: Array.from({ length: 300 }, (_, i) => ({ id: String(i), text: `t ${i}`, date: '2020-01-01T00:00:00Z' })) }),
    );
    await fails(zip, 'zip_bomb', { limits: { maxTotalBytes: 10_000 } });
    await fails(zip, 'too_large', { limits: { maxEntryBytes: 10_000 } });
    await fails(zip, 'too_many_entries', { limits: { maxEntries: 3 } });
  });
});

describe('paths escaping the folder', () => {
  for (const name of ['../../etc/evil.js', '/etc/tweets.js', 'data/../../tweets.js', '..\\..\\tweets.js']) {
    it(`refuses a zip entry named ${name}`, async () => {
      const zip = makeZip([...Object.entries(goodX()).map(([n, data]) => ({ name: n, data })), { name, data: 'x' }]);
      const e = await fails(file('lolos.zip', zip), 'path_escape');
      expect(e.messageEn).toMatch(/escapes its folder/);
    });
  }
  it('refuses a folder with a symlink pointing outside it', async () => {
    const outside = file('rahasia.json', '[]');
    const f = writeFolder(join(dir, 'symlink'), goodX());
    symlinkSync(outside, join(f, 'data', 'like.js'));
    const e = await fails(f, 'path_escape');
    expect(e.messageEn).toMatch(/symbolic link "data\/like.js"/);
  });
  it('reads symlinks that stay inside the folder', async () => {
    const f = writeFolder(join(dir, 'symlink-ok'), goodX());
    symlinkSync(join(f, 'data', 'tweets.js'), join(f, 'salinan.txt'));
    const r = await audit(f, { checker });
    expect(r.scanned).toBe(1);
  });
});

describe('HTML-format export', () => {
  it('is recognised and explained (Instagram, Facebook, a loose page)', async () => {
    const ig = { 'start_here.html': '<html></html>', 'your_instagram_activity/content/posts_1.html': '<!DOCTYPE html><html><body>Unggahan</body></html>' };
    const e = await fails(writeZip(join(dir, 'ig-html.zip'), ig), 'html_export');
    expect(e.message).toMatch(/format "JSON"/);
    expect(e.messageEn).toMatch(/HTML-format export/);
    await fails(
      writeFolder(join(dir, 'fb-html'), { 'your_facebook_activity/posts/your_posts_1.html': '<html></html>', 'index.html': '<html></html>' }),
      'html_export',
    );
    await fails(file('posts_1.html', '<!DOCTYPE html>\n<html><body></body></html>'), 'html_export');
  });
  it('recognises the TXT-format TikTok export', async () => {
    const e = await fails(
      writeZip(join(dir, 'tiktok-txt.zip'), { 'TikTok_Data/Videos/Videos.txt': 'Date: 2024-01-01\n', 'TikTok_Data/Comments/Comments.txt': 'x' }),
      'text_export',
    );
    expect(e.messageEn).toMatch(/"JSON" format/);
  });
});

describe('huge and malformed JSON', () => {
  it('refuses a 1 GB posts file at once (sparse file, nothing allocated)', async () => {
    const f = join(dir, 'besar', 'your_instagram_activity', 'content');
    mkdirSync(f, { recursive: true });
    const fd = openSync(join(f, 'posts_1.json'), 'w');
    ftruncateSync(fd, 1024 ** 3);
    closeSync(fd);
    const before = process.memoryUsage().rss;
    const e = await fails(join(dir, 'besar'), 'too_large');
    expect(e.messageEn).toMatch(/1\.0 GB; the limit is 768 MB/);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 ** 2);
  });
  it('refuses a NUL-filled file (binary, or a sparse file under the size limit)', async () => {
    const f = join(dir, 'nol', 'content');
    mkdirSync(f, { recursive: true });
    const fd = openSync(join(f, 'posts_1.json'), 'w');
    ftruncateSync(fd, 200 * 1024 ** 2);
    closeSync(fd);
    await fails(join(dir, 'nol'), 'bad_encoding');
  });
  it('refuses a record larger than the cap while streaming (never holding the rest)', async () => {
    async function* endless() {
      yield '[{"media": [{"title": "';
      const block = 'a'.repeat(1 << 20);
      for (let i = 0; i < 1024; i++) yield block; // up to 1 GB, never produced past the cap
    }
    let produced = 0;
    const counting = (async function* () {
      for await (const c of endless()) {
        produced += c.length;
        yield c;
      }
    })();
    const err = await (async () => {
      for await (const _ of scanJson(counting, { name: 'posts_1.json', wanted: (p) => p === '', maxRecordBytes: 16 * 1024 ** 2, maxDepth: 100, coalesce: 0 }));
    })().catch((e) => e);
    expect(err).toMatchObject({ code: 'record_too_large' });
    expect(produced).toBeLessThan(20 * 1024 ** 2);
  });
  it('refuses truncated JSON, trailing data, deep nesting', async () => {
    const posts = instagramExport({
      posts: [
        { text: 'satu', ts: 1 },
        { text: 'dua', ts: 2 },
      ],
    })['your_instagram_activity/content/posts_1.json'] as string;
    const e1 = await fails(writeFolder(join(dir, 'trunc'), { 'content/posts_1.json': posts.slice(0, posts.length - 30) }), 'bad_json');
    expect(e1.messageEn).toMatch(/truncated/);
    await fails(writeFolder(join(dir, 'trail'), { 'content/posts_1.json': `${posts}\nalert(1)` }), 'bad_json');
    await fails(writeFolder(join(dir, 'deep'), { 'content/posts_1.json': `[${'['.repeat(5000)}${']'.repeat(5000)}]` }), 'too_deep');
    await fails(writeFolder(join(dir, 'deep2'), { 'user_data.json': `{"a":${'{"a":'.repeat(5000)}1${'}'.repeat(5001)}` }), 'too_deep');
    await fails(writeFolder(join(dir, 'empty'), { 'content/posts_1.json': '' }), 'bad_json');
  });
  it('never executes tweets.js: code instead of data is refused as not JSON', async () => {
    const g = globalThis as { __bijakPwned?: boolean };
    const evil = {
      'data/tweets.js': 'window.YTD.tweets.part0 = (function(){ globalThis.__bijakPwned = true; return []; })()',
      'data/like.js': 'globalThis.__bijakPwned = true; window.YTD.like.part0 = []',
    };
    const e = await fails(writeZip(join(dir, 'kode.zip'), { 'data/tweets.js': evil['data/tweets.js'] }), 'bad_json');
    expect(e.messageEn).toMatch(/unexpected character "\("/);
    await fails(writeZip(join(dir, 'kode2.zip'), { 'data/like.js': evil['data/like.js'] }), 'bad_json');
    expect(g.__bijakPwned).toBeUndefined();
  });
});

describe('encodings', () => {
  it('refuses a Windows-1252 Shares.csv and a Latin-1 posts file, naming the file', async () => {
    const csv = Buffer.from(
      'Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\r\n2024-01-01 00:00:00,https://x,Caf\xe9 bangsat,,,PUBLIC\r\n',
      'latin1',
    );
    const e = await fails(writeFolder(join(dir, 'cp1252'), { 'Shares.csv': csv }), 'bad_encoding');
    expect(e.messageEn).toMatch(/"Shares.csv" is not valid UTF-8 text \(perhaps Latin-1/);
    await fails(writeFolder(join(dir, 'latin1'), { 'content/posts_1.json': Buffer.from('[{"title": "caf\xe9"}]', 'latin1') }), 'bad_encoding');
  });
  it('reads UTF-16 with a BOM (a CSV re-saved by a spreadsheet)', async () => {
    const text = (linkedinExport({ shares: [{ id: '5', date: '2024-01-01 00:00:00', text: 'Kopi ☕ bangsat' }] })['Shares.csv'] as string).replace(
      /^\ufeff/,
      '',
    );
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const r = await audit(writeFolder(join(dir, 'utf16'), { 'Shares.csv': utf16 }), { checker });
    expect(r.flagged.map((p) => p.text)).toEqual(['Kopi ☕ bangsat']);
  });
  it('keeps genuine Latin-1-range text that is not mojibake (escaped as \\u00e9 in valid UTF-8 JSON)', async () => {
    const r = await audit(
      writeFolder(join(dir, 'genuine'), { 'your_facebook_activity/posts/your_posts_1.json': '[{"timestamp": 1, "data": [{"post": "caf\\u00e9 bangsat"}]}]' }),
      { checker },
    );
    expect(r.flagged[0].text).toBe('café bangsat');
  });
  it('refuses a CSV with an unclosed quote with a clear message', async () => {
    await fails(writeFolder(join(dir, 'csvbad'), { 'Shares.csv': 'Date,ShareLink,ShareCommentary\r\n2024-01-01,https://x,"tidak ditutup\r\n' }), 'bad_csv');
    await fails(writeFolder(join(dir, 'csvnot'), { 'Shares.csv': 'a,b\r\n1,2\r\n' }), 'bad_csv');
  });
});

describe('nothing else breaks', () => {
  it('a failed audit leaves the next one working (no shared state)', async () => {
    await fails(file('lagi.zip', 'bukan zip'), 'not_archive');
    const r = await audit(writeZip(join(dir, 'ok.zip'), facebookExport({ posts: [{ text: 'bangsat', ts: 1_600_000_000 }] })), { checker });
    expect(r.flagged).toHaveLength(1);
  });
  it('strings in Meta JSON are data: __proto__ keys do not pollute', async () => {
    const r = await audit(
      writeFolder(join(dir, 'proto'), {
        'content/posts_1.json':
          '[{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "media": [{"title": "bangsat", "creation_timestamp": 1}]}]',
      }),
      { checker },
    );
    expect(r.flagged).toHaveLength(1);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
  it('stream errors from a Readable source surface as errors, not crashes', async () => {
    const broken = Readable.from(['[{"a":1}', ',{"b":']);
    const err = await (async () => {
      for await (const _ of scanJson(broken as AsyncIterable<string>, { name: 'x.json', wanted: (p) => p === '', maxRecordBytes: 1000, maxDepth: 10 }));
    })().catch((e) => e);
    expect(err).toMatchObject({ code: 'bad_json' });
  });
});
