/**
 * Where an export is read from: a zip (read entry by entry with yauzl, never
 * extracted to disk), an unpacked folder, or one loose file (tweets.js,
 * posts_1.json, Shares.csv ...). Names are checked (no absolute paths, no
 * `..`, no symlinks leaving the folder) and every byte read is counted against
 * the limits, so a zip bomb or an endless file stops with a clear error.
 */
import { createReadStream, promises as fsp } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { AuditError, type AuditLimits, DEFAULT_LIMITS, formatBytes } from './types.js';

/** One file of an export. `name` uses `/` and is relative to the archive root. */
export interface SourceEntry {
  name: string;
  /** Uncompressed size in bytes (declared by the zip, or from stat). */
  size: number;
}

/** An opened export. */
export interface AuditSource {
  kind: 'zip' | 'folder' | 'file';
  path: string;
  /** Files that may hold text (.js, .json, .csv, .html, .htm, .txt). */
  entries: SourceEntry[];
  /** Number of files in the archive (all kinds). */
  fileCount: number;
  /** Reads a file as byte chunks, counting bytes against the limits. */
  read(entry: SourceEntry): AsyncGenerator<Buffer>;
  /** Bytes read so far (all files). */
  readonly bytesRead: number;
  close(): Promise<void>;
}

const TEXT_EXT = /\.(js|json|csv|html?|txt)$/i;
const RATIO_MIN_BYTES = 1024 * 1024;

/** Checks a relative entry name; throws `path_escape` for absolute or escaping paths. */
export function checkEntryName(name: string): string {
  const n = name.replace(/\\/g, '/');
  if (n.startsWith('/') || /^[a-zA-Z]:/.test(n) || n.split('/').includes('..') || n.includes('\0')) {
    throw pathEscape(name);
  }
  return n;
}

function pathEscape(name: string): AuditError {
  return new AuditError(
    'path_escape',
    `Arsip berisi jalur berkas yang keluar dari foldernya: "${name.slice(0, 200)}". Arsip ditolak.`,
    `The archive contains a path that escapes its folder: "${name.slice(0, 200)}". The archive was refused.`,
  );
}

function tooLarge(name: string, size: number, limit: number): AuditError {
  return new AuditError(
    'too_large',
    `Berkas "${name}" terlalu besar (${formatBytes(size)}; batas ${formatBytes(limit)}).`,
    `File "${name}" is too large (${formatBytes(size)}; the limit is ${formatBytes(limit)}).`,
  );
}

function bomb(detail: { id: string; en: string }): AuditError {
  return new AuditError(
    'zip_bomb',
    `Arsip ditolak karena terlihat seperti bom zip: ${detail.id}.`,
    `The archive was refused as a likely zip bomb: ${detail.en}.`,
  );
}

/** Counts bytes of every read against the per-file and total caps. */
class Meter {
  total = 0;
  constructor(private limits: AuditLimits) {}
  async *wrap(name: string, stream: Readable, declared?: number): AsyncGenerator<Buffer> {
    let n = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        n += chunk.length;
        this.total += chunk.length;
        if (n > this.limits.maxEntryBytes) throw tooLarge(name, n, this.limits.maxEntryBytes);
        if (declared !== undefined && n > declared)
          throw bomb({ id: `"${name}" lebih besar daripada ukuran yang dinyatakan`, en: `"${name}" is larger than its declared size` });
        if (this.total > this.limits.maxTotalBytes)
          throw bomb({
            id: `isi yang dibaca melebihi ${formatBytes(this.limits.maxTotalBytes)}`,
            en: `the content read exceeds ${formatBytes(this.limits.maxTotalBytes)}`,
          });
        yield chunk;
      }
    } catch (e) {
      throw mapZipError(e, name);
    } finally {
      stream.destroy();
    }
  }
}

/** Turns yauzl / zlib / fs errors into AuditErrors naming the problem. */
export function mapZipError(e: unknown, name?: string): unknown {
  if (e instanceof AuditError) return e;
  const msg = String((e as Error)?.message ?? e);
  const where = name ? ` ("${name}")` : '';
  const m = /^(absolute path|invalid relative path|invalid characters in fileName): (.*)$/.exec(msg);
  if (m) return pathEscape(m[2]);
  if (/end of central directory record signature not found|unexpected EOF|not enough bytes|truncated/i.test(msg))
    return new AuditError(
      'truncated_zip',
      `Arsip zip terpotong atau rusak${where}: unduh ulang arsipnya. (${msg})`,
      `The zip archive is truncated or damaged${where}: download it again. (${msg})`,
    );
  if (/too many bytes in the stream|too few bytes in the stream/.test(msg))
    return bomb({ id: `ukuran isi berkas tidak sesuai dengan yang dinyatakan${where}`, en: `an entry's content does not match its declared size${where}` });
  if (/encrypted/i.test(msg))
    return new AuditError('encrypted', `Arsip terenkripsi${where}; buka kuncinya dulu.`, `The archive is encrypted${where}; decrypt it first.`);
  if ((e as NodeJS.ErrnoException)?.code === 'ENOENT') return new AuditError('not_found', `Berkas tidak ditemukan${where}.`, `File not found${where}.`);
  if (
    /invalid|unsupported|zlib|incorrect header|distance too far|unexpected end|compression method|signature|bad|corrupt/i.test(msg) ||
    (e as NodeJS.ErrnoException)?.code?.startsWith?.('Z_')
  )
    return new AuditError('corrupt_zip', `Arsip zip rusak${where}: ${msg}`, `The zip archive is damaged${where}: ${msg}`);
  return e;
}

/** Opens a zip file: reads the central directory only (lazily, entry by entry). */
export async function openZip(path: string, limits: AuditLimits = DEFAULT_LIMITS): Promise<AuditSource> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (err, zf) =>
      err ? reject(mapZipError(err)) : resolve(zf),
    ),
  );
  const byName = new Map<string, yauzl.Entry>();
  const entries: SourceEntry[] = [];
  let fileCount = 0;
  let textDeclared = 0;
  try {
    if (zip.entryCount > limits.maxEntries)
      throw new AuditError(
        'too_many_entries',
        `Arsip berisi terlalu banyak berkas (${zip.entryCount}; batas ${limits.maxEntries}).`,
        `The archive holds too many files (${zip.entryCount}; the limit is ${limits.maxEntries}).`,
      );
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (e) => reject(mapZipError(e)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        try {
          const name = checkEntryName(entry.fileName);
          if (!name.endsWith('/')) {
            fileCount++;
            if (fileCount > limits.maxEntries)
              throw new AuditError(
                'too_many_entries',
                `Arsip berisi terlalu banyak berkas (batas ${limits.maxEntries}).`,
                `The archive holds too many files (limit ${limits.maxEntries}).`,
              );
            const isSymlink = ((entry.externalFileAttributes >>> 16) & 0o170000) === 0o120000;
            if (entry.uncompressedSize > RATIO_MIN_BYTES && entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize))
              throw bomb({
                id: `"${name}" mengembang ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))} kali (batas ${limits.maxRatio})`,
                en: `"${name}" expands ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))} times (limit ${limits.maxRatio})`,
              });
            if (TEXT_EXT.test(name) && !isSymlink) {
              textDeclared += entry.uncompressedSize;
              if (textDeclared > limits.maxTotalBytes)
                throw bomb({
                  id: `berkas teksnya berjumlah lebih dari ${formatBytes(limits.maxTotalBytes)} setelah diekstrak`,
                  en: `its text files add up to more than ${formatBytes(limits.maxTotalBytes)} uncompressed`,
                });
              byName.set(name, entry);
              entries.push({ name, size: entry.uncompressedSize });
            }
          }
          zip.readEntry();
        } catch (e) {
          reject(e);
        }
      });
      zip.readEntry();
    });
  } catch (e) {
    zip.close();
    throw e;
  }
  const meter = new Meter(limits);
  return {
    kind: 'zip',
    path,
    entries,
    fileCount,
    get bytesRead() {
      return meter.total;
    },
    async *read(e: SourceEntry) {
      const entry = byName.get(e.name);
      if (!entry) throw new AuditError('not_found', `Berkas "${e.name}" tidak ada di arsip.`, `"${e.name}" is not in the archive.`);
      if (entry.uncompressedSize > limits.maxEntryBytes) throw tooLarge(e.name, entry.uncompressedSize, limits.maxEntryBytes);
      if (entry.isEncrypted()) throw mapZipError(new Error('encrypted'), e.name);
      const stream = await new Promise<Readable>((resolve, reject) =>
        zip.openReadStream(entry, (err, rs) => (err ? reject(mapZipError(err, e.name)) : resolve(rs))),
      );
      yield* meter.wrap(e.name, stream, entry.uncompressedSize);
    },
    async close() {
      zip.close();
    },
  };
}

/** Opens an unpacked export folder. Symlinks that point outside the folder are refused. */
export async function openFolder(path: string, limits: AuditLimits = DEFAULT_LIMITS): Promise<AuditSource> {
  const root = await fsp.realpath(path);
  const entries: SourceEntry[] = [];
  const real = new Map<string, string>();
  let fileCount = 0;
  const stack: Array<[string, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [dir, depth] = stack.pop()!;
    if (depth > 16) continue;
    const items = await fsp.readdir(dir, { withFileTypes: true });
    for (const it of items) {
      const full = join(dir, it.name);
      const rel = relative(root, full).split(sep).join('/');
      if (++fileCount > limits.maxEntries)
        throw new AuditError(
          'too_many_entries',
          `Folder berisi terlalu banyak berkas (batas ${limits.maxEntries}).`,
          `The folder holds too many files (limit ${limits.maxEntries}).`,
        );
      let target = full;
      let isFile = it.isFile();
      if (it.isSymbolicLink()) {
        let resolved: string;
        try {
          resolved = await fsp.realpath(full);
        } catch {
          continue; // dangling link: nothing to read
        }
        if (resolved !== root && !resolved.startsWith(root + sep))
          throw new AuditError(
            'path_escape',
            `Folder berisi tautan simbolik "${rel}" yang menunjuk ke luar folder. Folder ditolak.`,
            `The folder contains a symbolic link "${rel}" pointing outside it. The folder was refused.`,
          );
        const st = await fsp.stat(resolved);
        if (!st.isFile()) continue; // directory links are not followed (no cycles)
        target = resolved;
        isFile = true;
      } else if (it.isDirectory()) {
        stack.push([full, depth + 1]);
        continue;
      }
      if (!isFile || !TEXT_EXT.test(it.name)) continue;
      const st = await fsp.stat(target);
      entries.push({ name: rel, size: st.size });
      real.set(rel, target);
    }
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return fileSource('folder', path, entries, fileCount, real, limits);
}

function fileSource(
  kind: 'folder' | 'file',
  path: string,
  entries: SourceEntry[],
  fileCount: number,
  real: Map<string, string>,
  limits: AuditLimits,
): AuditSource {
  const meter = new Meter(limits);
  return {
    kind,
    path,
    entries,
    fileCount,
    get bytesRead() {
      return meter.total;
    },
    async *read(e: SourceEntry) {
      const full = real.get(e.name);
      if (!full) throw new AuditError('not_found', `Berkas "${e.name}" tidak ada.`, `"${e.name}" does not exist.`);
      const st = await fsp.stat(full);
      if (st.size > limits.maxEntryBytes) throw tooLarge(e.name, st.size, limits.maxEntryBytes);
      yield* meter.wrap(e.name, createReadStream(full, { highWaterMark: 256 * 1024 }));
    },
    async close() {},
  };
}

/** Opens a zip, a folder or one loose file, by what the path is and what the file starts with. */
export async function openSource(path: string, limits: AuditLimits = DEFAULT_LIMITS): Promise<AuditSource> {
  let st: import('node:fs').Stats;
  try {
    st = await fsp.stat(path);
  } catch {
    throw new AuditError('not_found', `Arsip tidak ditemukan: ${path}`, `Archive not found: ${path}`);
  }
  if (st.isDirectory()) return openFolder(path, limits);
  if (!st.isFile()) throw new AuditError('not_archive', `Bukan berkas atau folder: ${path}`, `Not a file or a folder: ${path}`);
  const head = Buffer.alloc(8);
  const fh = await fsp.open(path, 'r');
  let got = 0;
  try {
    got = (await fh.read(head, 0, 8, 0)).bytesRead;
  } finally {
    await fh.close();
  }
  if (got >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5 || head[2] === 7)) return openZip(path, limits);
  if (/\.zip$/i.test(path))
    throw new AuditError(
      'not_archive',
      `"${basename(path)}" bukan arsip zip (tanda tangan PK tidak ada).`,
      `"${basename(path)}" is not a zip archive (no PK signature).`,
    );
  if (!TEXT_EXT.test(path))
    throw new AuditError(
      'not_archive',
      `"${basename(path)}" bukan arsip ekspor yang dikenali: berikan berkas zip, folder hasil ekstrak, atau berkas .js/.json/.csv dari ekspor.`,
      `"${basename(path)}" is not a recognised export: give the zip, the unpacked folder, or a .js/.json/.csv file from the export.`,
    );
  const name = basename(path);
  return fileSource('file', path, [{ name, size: st.size }], 1, new Map([[name, path]]), limits);
}
