/**
 * A streaming JSON scanner for exports: walks the document chunk by chunk,
 * tracking only the path of containers, and hands back the elements of the
 * arrays whose path is wanted (e.g. "" for a top-level array, "comments_v2",
 * "Post.Posts.VideoList"), each parsed on its own with JSON.parse.
 *
 * Memory is one element at most (capped by `maxRecordBytes`) plus the path
 * stack (capped by `maxDepth`), so a 1 GB file of 200,000 posts never sits in
 * memory as one object. Nothing is evaluated: it is JSON, read as data.
 *
 * (stream-json's token stream was the first choice; assembling objects token
 * by token is several times slower than slicing each element and calling the
 * native JSON.parse, and its README says it is not meant for hostile input.)
 */
import { AuditError, formatBytes } from './types.js';

/** An element of a wanted array: its array's path and the parsed value. */
export interface ScanRecord {
  path: string;
  value: unknown;
}

export interface ScanOptions {
  /** File name for error messages. */
  name: string;
  /** Whether the elements of the array at `path` are wanted ("" = the top-level value; keys joined by ".", arrays as "[]"). */
  wanted: (path: string) => boolean;
  maxRecordBytes: number;
  maxDepth: number;
  /** Accept a trailing ";" after the value (X's window.YTD files). */
  allowSemicolon?: boolean;
  /** Characters gathered before scanning (default 256 K; 0 scans each chunk as it comes). */
  coalesce?: number;
}

interface Frame {
  arr: boolean;
  path: string;
  key: string;
  wanted: boolean;
}

enum Mode {
  Value,
  ValueOrClose,
  KeyOrEnd,
  Key,
  Colon,
  After,
  Str,
  Literal,
  Capture,
  Done,
}

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** Incremental scanner; `feed` text chunks, then `end`. */
export class JsonScanner {
  private stack: Frame[] = [];
  private mode: Mode = Mode.Value;
  private strIsKey = false;
  private strEsc = false;
  private keyBuf = '';
  private offset = 0;
  // capture state
  private capParts: string[] = [];
  private capLen = 0;
  private capDepth = 0;
  private capInStr = false;
  private capEsc = false;
  private started = false;
  /** Wanted elements seen. */
  count = 0;

  constructor(private opts: ScanOptions) {}

  private bad(msg: { id: string; en: string }, at: number): AuditError {
    return new AuditError(
      'bad_json',
      `Berkas "${this.opts.name}" bukan JSON yang sah: ${msg.id} (karakter ke-${at}).`,
      `File "${this.opts.name}" is not valid JSON: ${msg.en} (character ${at}).`,
    );
  }

  private unexpected(c: number, at: number): AuditError {
    const ch = c < 32 || c === 127 ? `U+${c.toString(16).padStart(4, '0')}` : JSON.stringify(String.fromCharCode(c));
    return this.bad({ id: `karakter tak terduga ${ch}`, en: `unexpected character ${ch}` }, at);
  }

  private push(arr: boolean, at: number): void {
    if (this.stack.length >= this.opts.maxDepth)
      throw new AuditError(
        'too_deep',
        `Berkas "${this.opts.name}" bersarang terlalu dalam (lebih dari ${this.opts.maxDepth} tingkat).`,
        `File "${this.opts.name}" is nested too deeply (more than ${this.opts.maxDepth} levels).`,
      );
    const top = this.stack[this.stack.length - 1];
    const path = !top ? '' : top.arr ? `${top.path}[]` : top.path === '' ? top.key : `${top.path}.${top.key}`;
    this.stack.push({ arr, path, key: '', wanted: arr && this.opts.wanted(path) });
    void at;
  }

  private afterValue(): void {
    this.mode = this.stack.length === 0 ? Mode.Done : Mode.After;
  }

  private tooLarge(): AuditError {
    return new AuditError(
      'record_too_large',
      `Satu catatan di "${this.opts.name}" lebih besar dari ${formatBytes(this.opts.maxRecordBytes)}; berkas ditolak.`,
      `One record in "${this.opts.name}" is larger than ${formatBytes(this.opts.maxRecordBytes)}; the file was refused.`,
    );
  }

  private fastEnd = 0;
  private fastMiss = 0;
  private fastOff = false;

  /**
   * Fast path for pretty-printed files (X archives, Meta exports): an element
   * "{" that starts a line ends at the first later line holding only the same
   * indentation and "}". Raw newlines never occur inside JSON strings, and a
   * JSON value is prefix-free, so when that candidate parses it is exactly the
   * element; otherwise the character scanner takes over.
   */
  private fastElement(s: string, i: number, out: ScanRecord[]): boolean {
    if (this.fastOff) return false;
    const ls = i > 0 ? s.lastIndexOf('\n', i - 1) : -1;
    if (ls < 0) return false;
    for (let k = ls + 1; k < i; k++) {
      const c = s.charCodeAt(k);
      if (c !== 32 && c !== 9) return false;
    }
    const close = `\n${s.slice(ls + 1, i)}}`;
    const q = s.indexOf(close, i);
    const end = q + close.length;
    let value: unknown;
    try {
      if (q < 0 || end - i > this.opts.maxRecordBytes) throw new Error('no candidate');
      value = JSON.parse(s.slice(i, end));
    } catch {
      // a layout the fast path does not fit: after many misses, stop trying (each miss may search the rest of the piece)
      if (++this.fastMiss > 64 && this.fastMiss * 4 > this.count) this.fastOff = true;
      return false;
    }
    this.count++;
    out.push({ path: this.stack[this.stack.length - 1].path, value });
    this.fastEnd = end;
    return true;
  }

  /** Scans a chunk; wanted elements are appended to `out`. */
  feed(s: string, out: ScanRecord[]): void {
    const n = s.length;
    let i = 0;
    let capStart = 0;
    while (i < n) {
      switch (this.mode) {
        case Mode.Capture: {
          let depth = this.capDepth;
          let inStr = this.capInStr;
          let esc = this.capEsc;
          let ended = false;
          for (; i < n; i++) {
            if (inStr) {
              // jump to the closing quote: most of a post is string content
              if (esc) {
                esc = false;
                continue;
              }
              let j = s.indexOf('"', i);
              while (j >= 0) {
                let k = j - 1;
                while (k >= i && s.charCodeAt(k) === 92) k--;
                if ((j - 1 - k) % 2 === 0) break; // an even run of backslashes: the quote is real
                j = s.indexOf('"', j + 1);
              }
              if (j < 0) {
                let k = n - 1;
                while (k >= i && s.charCodeAt(k) === 92) k--;
                esc = (n - 1 - k) % 2 === 1;
                i = n;
                break;
              }
              i = j;
              inStr = false;
              continue;
            }
            const c = s.charCodeAt(i);
            if (c === 34) inStr = true;
            else if (c === 123 || c === 91) {
              if (++depth > this.opts.maxDepth) {
                throw new AuditError(
                  'too_deep',
                  `Berkas "${this.opts.name}" bersarang terlalu dalam (lebih dari ${this.opts.maxDepth} tingkat).`,
                  `File "${this.opts.name}" is nested too deeply (more than ${this.opts.maxDepth} levels).`,
                );
              }
            } else if (c === 125 || c === 93) {
              if (depth === 0) {
                ended = true;
                break;
              }
              depth--;
            } else if (c === 44 && depth === 0) {
              ended = true;
              break;
            }
          }
          this.capDepth = depth;
          this.capInStr = inStr;
          this.capEsc = esc;
          if (!ended) {
            this.capParts.push(s.slice(capStart));
            this.capLen += n - capStart;
            if (this.capLen > this.opts.maxRecordBytes) throw this.tooLarge();
            break;
          }
          const last = s.slice(capStart, i);
          const len = this.capLen + last.length;
          if (len > this.opts.maxRecordBytes) throw this.tooLarge();
          const text = this.capParts.length === 0 ? last : this.capParts.join('') + last;
          this.capParts = [];
          this.capLen = 0;
          let value: unknown;
          try {
            value = JSON.parse(text);
          } catch (e) {
            throw this.bad(
              { id: `catatan ke-${this.count + 1} rusak (${(e as Error).message})`, en: `record ${this.count + 1} is broken (${(e as Error).message})` },
              this.offset + i,
            );
          }
          this.count++;
          out.push({ path: this.stack[this.stack.length - 1].path, value });
          this.mode = Mode.After;
          break; // the ',' or ']' at i is handled by After
        }
        case Mode.Str: {
          let esc = this.strEsc;
          const start = i;
          let closed = false;
          for (; i < n; i++) {
            const c = s.charCodeAt(i);
            if (esc) esc = false;
            else if (c === 92) esc = true;
            else if (c === 34) {
              closed = true;
              break;
            }
          }
          this.strEsc = esc;
          if (this.strIsKey && this.keyBuf.length < 4096) this.keyBuf += s.slice(start, i);
          if (!closed) break;
          i++;
          if (this.strIsKey) {
            let key = this.keyBuf;
            if (key.includes('\\')) {
              try {
                key = JSON.parse(`"${key}"`);
              } catch {
                throw this.bad({ id: 'kunci rusak', en: 'broken key' }, this.offset + i);
              }
            }
            this.stack[this.stack.length - 1].key = key;
            this.keyBuf = '';
            this.mode = Mode.Colon;
          } else this.afterValue();
          break;
        }
        case Mode.Literal: {
          for (; i < n; i++) {
            const c = s.charCodeAt(i);
            if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46 || c === 43 || c === 45)) break;
          }
          if (i < n) this.afterValue();
          break;
        }
        default: {
          const c = s.charCodeAt(i);
          if (isWs(c)) {
            i++;
            continue;
          }
          if (c === 0xfeff && !this.started) {
            i++;
            continue;
          }
          this.started = true;
          const mode = this.mode;
          if (mode === Mode.Value || mode === Mode.ValueOrClose) {
            const top = this.stack[this.stack.length - 1];
            if (c === 93 && mode === Mode.ValueOrClose) {
              this.stack.pop();
              i++;
              this.afterValue();
            } else if (top?.wanted) {
              if (c === 123 && this.fastElement(s, i, out)) {
                i = this.fastEnd;
                this.mode = Mode.After;
                continue;
              }
              this.mode = Mode.Capture;
              this.capDepth = 0;
              this.capInStr = false;
              this.capEsc = false;
              capStart = i;
            } else if (c === 123) {
              this.push(false, this.offset + i);
              this.mode = Mode.KeyOrEnd;
              i++;
            } else if (c === 91) {
              this.push(true, this.offset + i);
              this.mode = Mode.ValueOrClose;
              i++;
            } else if (c === 34) {
              this.mode = Mode.Str;
              this.strIsKey = false;
              this.strEsc = false;
              i++;
            } else if (c === 45 || (c >= 48 && c <= 57) || c === 116 || c === 102 || c === 110) {
              this.mode = Mode.Literal;
            } else throw this.unexpected(c, this.offset + i);
          } else if (mode === Mode.KeyOrEnd || mode === Mode.Key) {
            if (c === 34) {
              this.mode = Mode.Str;
              this.strIsKey = true;
              this.strEsc = false;
              this.keyBuf = '';
              i++;
            } else if (c === 125 && mode === Mode.KeyOrEnd) {
              this.stack.pop();
              i++;
              this.afterValue();
            } else throw this.unexpected(c, this.offset + i);
          } else if (mode === Mode.Colon) {
            if (c !== 58) throw this.unexpected(c, this.offset + i);
            this.mode = Mode.Value;
            i++;
          } else if (mode === Mode.After) {
            const top = this.stack[this.stack.length - 1];
            if (c === 44) this.mode = top.arr ? Mode.Value : Mode.Key;
            else if (c === 125 && !top.arr) {
              this.stack.pop();
              this.afterValue();
            } else if (c === 93 && top.arr) {
              this.stack.pop();
              this.afterValue();
            } else throw this.unexpected(c, this.offset + i);
            i++;
          } else if (mode === Mode.Done) {
            if (c === 59 && this.opts.allowSemicolon) i++;
            else
              throw this.bad({ id: 'ada data lain setelah akhir dokumen JSON', en: 'there is more data after the end of the JSON document' }, this.offset + i);
          }
        }
      }
    }
    this.offset += n;
  }

  /** Ends the input; throws when the document is incomplete (truncated file). */
  end(): void {
    if (this.mode === Mode.Literal && this.stack.length === 0) this.mode = Mode.Done;
    if (this.mode !== Mode.Done) {
      if (!this.started) throw new AuditError('bad_json', `Berkas "${this.opts.name}" kosong.`, `File "${this.opts.name}" is empty.`);
      throw new AuditError(
        'bad_json',
        `Berkas "${this.opts.name}" terpotong: JSON-nya berhenti di tengah (setelah ${this.count} catatan).`,
        `File "${this.opts.name}" is truncated: its JSON stops midway (after ${this.count} records).`,
      );
    }
  }
}

/**
 * Streams the wanted array elements of a JSON text stream. `prefix` handles
 * a leading assignment (X's `window.YTD.tweets.part0 = `): the text up to and
 * including the first "=" must match it.
 */
export async function* scanJson(
  chunks: AsyncIterable<string>,
  opts: ScanOptions & { prefix?: RegExp; prefixName?: { id: string; en: string } },
): AsyncGenerator<ScanRecord> {
  for await (const batch of scanJsonBatches(chunks, opts)) yield* batch;
}

/** Like {@link scanJson}, yielding the elements found in each piece of text together (fewer promises per element). */
export async function* scanJsonBatches(
  chunks: AsyncIterable<string>,
  opts: ScanOptions & { prefix?: RegExp; prefixName?: { id: string; en: string } },
): AsyncGenerator<ScanRecord[]> {
  const scanner = new JsonScanner(opts);
  const out: ScanRecord[] = [];
  let head = opts.prefix ? '' : null;
  const pendingText: string[] = [];
  let pendingLen = 0;
  const coalesce = opts.coalesce ?? COALESCE;
  for await (let chunk of chunks) {
    if (head !== null) {
      head += chunk;
      const eq = head.indexOf('=');
      const firstNonWs = head.search(/\S/);
      if (firstNonWs >= 0 && (head[firstNonWs] === '[' || head[firstNonWs] === '{')) {
        chunk = head; // plain JSON (the file was re-saved without the assignment)
      } else if (eq < 0) {
        if (head.length > 1024) throw prefixError(opts);
        continue;
      } else {
        if (!opts.prefix!.test(head.slice(0, eq + 1))) throw prefixError(opts);
        chunk = head.slice(eq + 1);
      }
      head = null;
    }
    // larger pieces keep more elements whole for the fast path
    pendingText.push(chunk);
    pendingLen += chunk.length;
    if (pendingLen < coalesce) continue;
    scanner.feed(pendingText.length === 1 ? pendingText[0] : pendingText.join(''), out);
    pendingText.length = 0;
    pendingLen = 0;
    if (out.length > 0) {
      yield out.splice(0);
    }
  }
  if (head !== null) throw prefixError(opts);
  if (pendingLen > 0) {
    scanner.feed(pendingText.join(''), out);
    if (out.length > 0) yield out.splice(0);
  }
  scanner.end();
}

/** Characters gathered before scanning (chunks of a zip entry are 16 KB). */
const COALESCE = 256 * 1024;

function prefixError(opts: { name: string; prefixName?: { id: string; en: string } }): AuditError {
  const what = opts.prefixName ?? { id: 'berkas data', en: 'data file' };
  return new AuditError(
    'bad_json',
    `Berkas "${opts.name}" bukan ${what.id} yang dikenali (awalan tak terduga).`,
    `File "${opts.name}" is not a recognised ${what.en} (unexpected start).`,
  );
}

/** Reads a small JSON document whole (manifest.js, account.js), capped at `max` characters. */
export async function readSmallJson(chunks: AsyncIterable<string>, name: string, max: number, prefix?: RegExp): Promise<unknown> {
  let text = '';
  for await (const c of chunks) {
    text += c;
    if (text.length > max)
      throw new AuditError('too_large', `Berkas "${name}" lebih besar dari ${formatBytes(max)}.`, `File "${name}" is larger than ${formatBytes(max)}.`);
  }
  if (prefix) {
    const eq = text.indexOf('=');
    const t = text.trimStart();
    if (!(t.startsWith('[') || t.startsWith('{'))) {
      if (eq < 0 || !prefix.test(text.slice(0, eq + 1)))
        throw new AuditError('bad_json', `Berkas "${name}" tidak dikenali (awalan tak terduga).`, `File "${name}" is not recognised (unexpected start).`);
      text = text.slice(eq + 1);
    }
    text = text.trim().replace(/;$/, '');
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AuditError(
      'bad_json',
      `Berkas "${name}" bukan JSON yang sah: ${(e as Error).message}`,
      `File "${name}" is not valid JSON: ${(e as Error).message}`,
    );
  }
}
