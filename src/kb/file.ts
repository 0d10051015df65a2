/**
 * KB files on disk (Node side): read our JSON-lines KB with a size bound,
 * import files of any supported format and merge them into a KB, write the
 * result atomically (a bad import never leaves a half-written file).
 */
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type KbEntry, type KbImportReport, MAX_KB_CHARS, mergeKb, parseKbJsonl, toKbJsonl } from '../core/kb/index.js';
import { importText, type KbFormat, KbImportError, MAX_IMPORT_CHARS } from './formats.js';

/** Reads and validates a KB file in our format; throws KbFormatError naming bad lines. */
export function loadKbFile(path: string): KbEntry[] {
  const size = statSync(path).size;
  if (size > MAX_KB_CHARS) throw new KbImportError(`${path}: lebih besar dari / larger than ${MAX_KB_CHARS} bytes`);
  return parseKbJsonl(readFileSync(path, 'utf8'), path);
}

/** The project's sample KB (models/kb-sample.jsonl), found from src/kb or dist/src/kb. */
export function sampleKbPath(): string | undefined {
  return ['../../models/kb-sample.jsonl', '../../../models/kb-sample.jsonl'].map((p) => fileURLToPath(new URL(p, import.meta.url))).find((p) => existsSync(p));
}

/** Result of importing files into a KB. */
export interface KbFilesImport {
  entries: KbEntry[];
  report: KbImportReport;
  formats: Array<{ file: string; format: KbFormat; records: number }>;
}

/**
 * Imports files into `existing`. Every file is read and parsed before
 * anything is merged: a file that cannot be read or has an unknown format
 * throws, and nothing changes.
 */
export function importFiles(existing: KbEntry[], files: string[], format?: KbFormat): KbFilesImport {
  const parsed = files.map((file) => {
    let size: number;
    try {
      size = statSync(file).size;
    } catch (e) {
      throw new KbImportError(`tidak dapat membuka / cannot open ${file}: ${(e as Error).message}`);
    }
    if (size > MAX_IMPORT_CHARS) throw new KbImportError(`${file}: lebih besar dari / larger than ${MAX_IMPORT_CHARS} bytes`);
    const r = importText(readFileSync(file, 'utf8'), basename(file), format);
    return { file, ...r };
  });
  const { entries, report } = mergeKb(
    existing,
    parsed.flatMap((p) => p.candidates),
  );
  return { entries, report, formats: parsed.map((p) => ({ file: p.file, format: p.format, records: p.candidates.length })) };
}

/** Writes a KB file atomically (temp file + rename). */
export function writeKbFile(path: string, entries: KbEntry[]): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, toKbJsonl(entries));
  renameSync(tmp, path);
}
