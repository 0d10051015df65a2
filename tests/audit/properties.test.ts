/** Property tests: mojibake repair, HTML unescaping, the CSV reader and the streaming JSON scanner against whole-text parsing. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ScanRecord, scanJson } from '../../src/audit/json-scan.js';
import { parseDate } from '../../src/audit/readers/common.js';
import { readCsv } from '../../src/audit/readers/linkedin.js';
import { repairMojibake, unescapeHtml } from '../../src/audit/text.js';
import { mojibake, xDate, xEscape } from './fixtures.js';

/** Splits text into chunks at code-point boundaries given by cut fractions (as TextDecoder does). */
function chunked(text: string, cuts: number[]): string[] {
  const cps = Array.from(text);
  const at = [...new Set(cuts.map((c) => Math.floor(c * cps.length)))].sort((a, b) => a - b);
  const out: string[] = [];
  let prev = 0;
  for (const a of at) {
    out.push(cps.slice(prev, a).join(''));
    prev = a;
  }
  out.push(cps.slice(prev).join(''));
  return out.filter((s) => s.length > 0);
}

async function* gen<T>(xs: T[]): AsyncGenerator<T> {
  for (const x of xs) yield x;
}

const wellFormed = fc.string({ unit: 'binary', maxLength: 60 }).filter((s) => s.isWellFormed() && !s.includes('\ufffd'));

describe('Meta mojibake repair', () => {
  it('repairs any mojibaked text back to the original', () => {
    fc.assert(
      fc.property(wellFormed, (s) => {
        expect(repairMojibake(mojibake(s))).toBe(s);
      }),
    );
  });
  it('leaves text with a code point above 255 unchanged (already decoded)', () => {
    fc.assert(
      fc.property(wellFormed, (s) => {
        fc.pre(/[^\u0000-\u00ff]/.test(s));
        expect(repairMojibake(s)).toBe(s);
      }),
    );
  });
  it('leaves ASCII unchanged and keeps genuine Latin-1 text that is not valid UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)) }), (s) => {
        expect(repairMojibake(s)).toBe(s);
      }),
    );
    expect(repairMojibake('café')).toBe('café');
    expect(repairMojibake('Gr\u00fc\u00dfe')).toBe('Grüße');
    expect(repairMojibake('\u00f0\u009f\u0098\u0080')).toBe('😀');
  });
});

describe('X texts and dates', () => {
  it('unescapes exactly what the archive escaped', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        expect(unescapeHtml(xEscape(s))).toBe(s);
      }),
    );
  });
  it('parses the archive date format', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2006-03-21T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString();
        expect(parseDate(xDate(iso))).toBe(iso);
      }),
    );
  });
});

describe('CSV reader', () => {
  const field = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', '"', '""', ',', '\n', '\r\n', 'a "kutipan", lalu\nbaris baru', ' spasi ', '😀,é'));
  const q = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  it('reads back any rows written the LinkedIn way (BOM, quotes, multi-line), however the text is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(field, field, field), { maxLength: 12 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
        async (rows, cuts) => {
          const text = `\ufeffDate,ShareLink,ShareCommentary\r\n${rows.map((r) => r.map(q).join(',')).join('\r\n')}${rows.length ? '\r\n' : ''}`;
          const got: Array<Record<string, string>> = [];
          for await (const r of readCsv(gen(chunked(text, cuts)), 'Shares.csv', 1 << 20)) got.push(r);
          // a row of three empty fields is the line ",,": not blank, kept
          expect(got).toEqual(rows.map(([a, b, c]) => ({ Date: a, ShareLink: b, ShareCommentary: c })));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('streaming JSON scanner', () => {
  async function scan(text: string, cuts: number[], wanted: (p: string) => boolean): Promise<ScanRecord[]> {
    const out: ScanRecord[] = [];
    for await (const r of scanJson(gen(chunked(text, cuts)), { name: 't.json', wanted, maxRecordBytes: 1 << 24, maxDepth: 200, coalesce: 0 })) out.push(r);
    return out;
  }
  const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 });
  it('yields the same elements as JSON.parse of the whole text, at any chunking and indentation', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 8 }), cuts, fc.constantFrom(undefined, 1, 2), async (arr, c, indent) => {
        const text = JSON.stringify(arr, null, indent);
        const expected = JSON.parse(text) as unknown[];
        const got = await scan(text, c, (p) => p === '');
        expect(got.map((r) => r.value)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
  it('takes the pretty-printed fast path only when it is exact (objects, any indentation, tricky strings)', async () => {
    const tricky = fc.constantFrom('}', '\n}', '\n  }', '"}', '\\', '\\"}', ' }\n', '{', '\u2028');
    const obj = fc.dictionary(fc.oneof(fc.string({ maxLength: 5 }), tricky), fc.oneof(fc.jsonValue({ maxDepth: 3 }), tricky), { maxKeys: 6 });
    await fc.assert(
      fc.asyncProperty(fc.array(obj, { maxLength: 8 }), cuts, fc.constantFrom(2, 4, '\t', ' '), async (arr, c, indent) => {
        const text = JSON.stringify({ comments_v2: arr }, null, indent);
        const got = await scan(text, c, (p) => p === 'comments_v2');
        expect(got.map((r) => r.value)).toEqual(JSON.parse(text).comments_v2);
      }),
      { numRuns: 200 },
    );
  });
  it('finds arrays by path inside objects, skipping everything else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }), cuts, async (noise, arr, c) => {
        const doc = { Profile: noise, Post: { Posts: { VideoList: arr, Other: noise } }, tail: [noise] };
        const got = await scan(JSON.stringify(doc), c, (p) => p === 'Post.Posts.VideoList');
        expect(got.map((r) => r.value)).toEqual(JSON.parse(JSON.stringify(arr)));
        expect(got.every((r) => r.path === 'Post.Posts.VideoList')).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
  it('refuses any proper prefix of a document (truncated files)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 1, maxLength: 5 }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        async (arr, f) => {
          const text = JSON.stringify(arr);
          const cut = text.slice(0, Math.floor(f * text.length));
          await expect(scan(cut, [], (p) => p === '')).rejects.toMatchObject({ code: 'bad_json' });
        },
      ),
      { numRuns: 150 },
    );
  });
});
